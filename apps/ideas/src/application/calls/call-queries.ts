import { Page } from '@bildungsregion/event-store';
import { ReadModelCollection, ReadModelStore } from '@bildungsregion/read-models';
import { CallStatus } from '../../domain/call';
import { CALL_SUMMARIES, CallSummary } from './call-summary.projection';

export interface CallListQuery {
  readonly status?: CallStatus;
  /** `system`: drafted on a cause reported by monitoring or goals; `office`: drafted by a coordinator. */
  readonly origin?: 'system' | 'office';
  readonly offset: number;
  readonly limit: number;
}

/** The calls for ideas, newest first. */
export class CallQueries {
  readonly summaries: ReadModelCollection<CallSummary>;

  constructor(readModels: ReadModelStore) {
    this.summaries = readModels.collection<CallSummary>(CALL_SUMMARIES);
  }

  async list(query: CallListQuery): Promise<Page<CallSummary>> {
    const filter: Record<string, unknown> = {};
    if (query.status) filter['status'] = query.status;
    if (query.origin) filter['cause'] = query.origin === 'office' ? null : { $ne: null };
    const [items, total] = await Promise.all([
      this.summaries.find({ filter, sort: { draftedAt: -1 }, skip: query.offset, limit: query.limit }),
      this.summaries.count(filter),
    ]);
    return { items, total, offset: query.offset, limit: query.limit };
  }
}
