import { CheckpointStore, EventStore } from './port';

/**
 * The checkpoints of one store. A checkpoint is kept under the identity of the store it was taken
 * from (the hash of the store's first event), so one taken from another store is never resumed;
 * one beyond the store's head (the store was restored from an older backup) reads as 0. Either way
 * the reader starts from the beginning instead of skipping events or keeping foreign state.
 */
export class StoreCheckpoints implements CheckpointStore {
  private origin: string | undefined;

  constructor(
    private readonly store: Pick<EventStore, 'readAll' | 'headPosition'>,
    private readonly checkpoints: CheckpointStore,
  ) {}

  async loadCheckpoint(name: string): Promise<number> {
    const origin = await this.storeOrigin();
    if (origin === undefined) return 0;
    const position = await this.checkpoints.loadCheckpoint(`${name}@${origin}`);
    return position > (await this.store.headPosition()) ? 0 : position;
  }

  async saveCheckpoint(name: string, position: number): Promise<void> {
    const origin = await this.storeOrigin();
    if (origin !== undefined) await this.checkpoints.saveCheckpoint(`${name}@${origin}`, position);
  }

  private async storeOrigin(): Promise<string | undefined> {
    if (this.origin === undefined) {
      const [first] = await this.store.readAll({ maxCount: 1 });
      this.origin = first?.metadata.hash.slice(0, 16);
    }
    return this.origin;
  }
}
