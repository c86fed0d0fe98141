import { Aggregates, CommandRejectedError, CommandRequest, newIdFor, NotFoundError } from '@bildungsregion/application';
import { EventStore } from '@bildungsregion/event-store';
import { ProjectedDocument, Projection, ReadModelCollection, ReadModelStore } from '@bildungsregion/read-models';
import { PlanRunCommand, PlanRunEvent, planRunDecider, PlanRunRecord } from '../../domain/plan-run';
import { PLAN_RUNS, SERVICE_NAME } from '../streams';
import { CapacityPlans } from './capacity-plans';

/** A recorded plan run with who recorded it and when. */
export interface PlanRunDocument extends ProjectedDocument, Omit<PlanRunRecord, 'runId'> {
  readonly recordedAt: string;
  readonly recordedBy: string;
}

export const planRunProjection: Projection<PlanRunDocument> = {
  name: 'planning.plan-runs',
  collection: 'plan_runs',
  filter: { categories: [PLAN_RUNS.name] },
  indexes: [{ fields: { recordedAt: -1 } }],
  documentIds: (event) => [PLAN_RUNS.idOf(event.streamId)],
  evolve: (_current, recorded, id) => {
    const { runId, ...run } = recorded.data as PlanRunEvent['data'];
    return { id, ...run, recordedAt: recorded.recordedAt, recordedBy: recorded.metadata.actor.id };
  },
};

/** Plan runs as recorded, so the figures a committee saw can be shown again exactly. */
export class PlanRuns {
  private readonly runs: Aggregates<PlanRunCommand, { recorded: boolean }, PlanRunEvent>;
  private readonly documents: ReadModelCollection<PlanRunDocument>;

  constructor(
    store: EventStore,
    readModels: ReadModelStore,
    readonly plans: CapacityPlans,
  ) {
    this.runs = new Aggregates({
      store,
      decider: planRunDecider,
      category: PLAN_RUNS,
      source: SERVICE_NAME,
      noun: 'plan run',
    });
    this.documents = readModels.collection<PlanRunDocument>(planRunProjection.collection);
  }

  /** Computes the plans of the given scenario versions on the same inputs and records the figures with what they came from. */
  async record(
    purpose: string,
    scenarios: readonly { readonly scenarioId: string; readonly version?: number }[],
    firstYear: number | undefined,
    request: CommandRequest,
  ) {
    const inputs = await this.plans.loadInputs();
    const versions = await Promise.all(scenarios.map((entry) => this.scenarioNamed(entry.scenarioId, entry.version)));
    const computed = versions.map((scenario) => this.plans.compute(scenario, inputs, firstYear ? { firstYear } : {}));
    const rows = computed.flatMap((plan) =>
      plan.rows.map(({ regionKey, stage, year, children, participation, demand, supply }) => ({
        scenarioId: plan.scenario.scenarioId,
        ...{ regionKey, stage, year, children, participation, demand, supply },
      })),
    );
    const measurementIds = new Set(
      computed.flatMap((plan) => plan.rows.flatMap((row) => row.sources.children?.measurementIds ?? [])),
    );
    for (const plan of computed)
      for (const row of plan.rows)
        if (row.sources.participation.kind === 'measurement')
          measurementIds.add(row.sources.participation.measurementId);
    const runId = newIdFor(request, 'plan-run');
    const run: PlanRunRecord = {
      runId,
      purpose,
      firstYear: computed[0]?.firstYear ?? 0,
      scenarios: versions.map(({ scenarioId, version, name }) => ({ scenarioId, version, name })),
      inputs: {
        measurementIds: [...measurementIds].sort(),
        institutions: inputs.institutions.map((entry) => ({ institutionId: entry.id, revision: entry.revision })),
        measures: inputs.measures.map(({ measureId, status }) => ({ measureId, status })),
      },
      rows,
    };
    return this.runs.execute(runId, { type: 'RecordPlanRun', run }, request, {
      creates: { code: 'plan-run-exists', message: `The plan run ${runId} is recorded already.` },
    });
  }

  /** A scenario the body names that does not exist breaks a rule of the command (422), unlike a missing path. */
  private async scenarioNamed(scenarioId: string, version?: number) {
    try {
      return await this.plans.scenarios.version(scenarioId, version);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      throw new CommandRejectedError({ kind: 'rule-violation', code: 'unknown-scenario', message: error.message });
    }
  }

  async list(paging: { readonly offset: number; readonly limit: number }) {
    const [items, total] = await Promise.all([
      this.documents.find({ filter: {}, sort: { recordedAt: -1 }, skip: paging.offset, limit: paging.limit }),
      this.documents.count({}),
    ]);
    return {
      items: items.map(({ rows, inputs, ...summary }) => ({ ...summary, rowCount: rows.length })),
      total,
      ...paging,
    };
  }

  async run(runId: string): Promise<PlanRunDocument> {
    const [found] = await this.documents.find({ filter: { id: runId }, limit: 1 });
    if (!found) throw new NotFoundError(`There is no plan run ${runId}.`, 'planrun-not-found', 'Plan run not found');
    return found;
  }
}
