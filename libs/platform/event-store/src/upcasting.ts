import { RecordedEvent } from './envelope';

/** Turns the data of one event type from `fromVersion` into `fromVersion + 1`. */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  upcast(data: unknown): unknown;
}

/**
 * Reads old events as the current schema by applying upcasters step by step. Stored events are never
 * rewritten: the hash chain covers what was stored, and verification always reads raw events.
 */
export class Upcasters {
  private readonly steps = new Map<string, Upcaster>();
  private readonly current = new Map<string, number>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const upcaster of upcasters) {
      const key = `${upcaster.type}@${upcaster.fromVersion}`;
      if (this.steps.has(key)) throw new Error(`Two upcasters for ${upcaster.type} version ${upcaster.fromVersion}.`);
      this.steps.set(key, upcaster);
      this.current.set(upcaster.type, Math.max(this.current.get(upcaster.type) ?? 1, upcaster.fromVersion + 1));
    }
    for (const [type, version] of this.current) {
      for (let from = 1; from < version; from++) {
        if (!this.steps.has(`${type}@${from}`))
          throw new Error(`No upcaster for ${type} from version ${from} to ${from + 1}.`);
      }
    }
  }

  /** The schema version new events of this type are written in. */
  currentVersion(type: string): number {
    return this.current.get(type) ?? 1;
  }

  upcast(event: RecordedEvent): RecordedEvent {
    const target = this.currentVersion(event.type);
    let version = event.metadata.schemaVersion;
    if (version >= target) return event;
    let data = event.data;
    for (; version < target; version++) {
      data = (this.steps.get(`${event.type}@${version}`) as Upcaster).upcast(data);
    }
    return { ...event, data, metadata: { ...event.metadata, schemaVersion: target } };
  }
}
