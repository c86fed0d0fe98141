import { randomUUID } from 'node:crypto';
import { InvalidReadModelInputError, ReadModelCollection, ReadModelStore } from '../../src';

interface GoalRow {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly stage: string;
  readonly progress?: number;
  readonly parties: readonly string[];
  readonly indicator?: { readonly key: string; readonly regionKey: string };
}

const rows: GoalRow[] = [
  {
    id: 'g1',
    title: 'Sprachförderung in Kitas',
    status: 'agreed',
    stage: 'frühkindliche Bildung',
    progress: 40,
    parties: ['kita-verbund', 'stadt-melle'],
    indicator: { key: 'sprachfoerderbedarf', regionKey: '03459024' },
  },
  {
    id: 'g2',
    title: 'Ganztag an Grundschulen',
    status: 'proposed',
    stage: 'allgemeinbildende Schulen',
    progress: 10,
    parties: ['schulamt'],
  },
  {
    id: 'g3',
    title: 'Weniger Abgänger ohne Abschluss',
    status: 'agreed',
    stage: 'allgemeinbildende Schulen',
    progress: 75,
    parties: ['schulamt', 'agentur-fuer-arbeit'],
    indicator: { key: 'abgaenger-ohne-abschluss', regionKey: '03459' },
  },
  { id: 'g4', title: 'Ausbildungsverträge sichern', status: 'draft', stage: 'berufliche Bildung', parties: ['ihk'] },
  {
    id: 'g5',
    title: 'VHS-Angebote im Nordkreis',
    status: 'agreed',
    stage: 'Weiterbildung',
    progress: 40,
    parties: ['vhs'],
  },
];

export interface ReadModelContractOptions {
  create(): Promise<ReadModelStore>;
  /**
   * Why concurrent conditional writes of one document may let an older one win, where the server
   * does not apply them atomically; the contract then leaves that case out.
   */
  nonAtomicConditionalWrites?: string;
}

export function readModelContract(options: ReadModelContractOptions): void {
  let store: ReadModelStore;
  let goals: ReadModelCollection<GoalRow>;

  beforeAll(async () => {
    store = await options.create();
  });

  afterAll(async () => {
    await store.close();
  });

  beforeEach(async () => {
    goals = store.collection<GoalRow>(`goals_${randomUUID().replace(/-/g, '')}`);
    for (const row of rows) await goals.upsert(row);
  });

  const ids = (found: readonly GoalRow[]) => found.map((row) => row.id);

  it('gets a document by id, replaces it whole on upsert, and returns null for an unknown id', async () => {
    expect(await goals.get('g1')).toEqual(rows[0]);
    await goals.upsert({
      id: 'g1',
      title: 'Sprachförderung',
      status: 'achieved',
      stage: 'frühkindliche Bildung',
      parties: [],
    });
    expect(await goals.get('g1')).toEqual({
      id: 'g1',
      title: 'Sprachförderung',
      status: 'achieved',
      stage: 'frühkindliche Bildung',
      parties: [],
    });
    expect(await goals.get('unknown')).toBeNull();
  });

  it.each([
    ['equality', { status: 'agreed' }, ['g1', 'g3', 'g5']],
    ['$in', { status: { $in: ['draft', 'proposed'] } }, ['g2', 'g4']],
    ['$ne', { status: { $ne: 'agreed' } }, ['g2', 'g4']],
    ['a range', { progress: { $gt: 10, $lte: 40 } }, ['g1', 'g5']],
    ['$exists false', { progress: { $exists: false } }, ['g4']],
    ['a nested field', { 'indicator.key': 'abgaenger-ohne-abschluss' }, ['g3']],
    ['an array element', { parties: 'schulamt' }, ['g2', 'g3']],
    ['$or', { $or: [{ stage: 'Weiterbildung' }, { status: 'draft' }] }, ['g4', 'g5']],
    ['$and with $nin', { $and: [{ status: 'agreed' }, { stage: { $nin: ['Weiterbildung'] } }] }, ['g1', 'g3']],
    ['a case-insensitive $regex', { title: { $regex: 'ganztag', $options: 'i' } }, ['g2']],
  ])('finds by %s', async (_case, filter, expected) => {
    expect(ids(await goals.find({ filter }))).toEqual(expected);
    expect(await goals.count(filter)).toBe(expected.length);
  });

  it('sorts by several fields with id breaking ties, and pages with skip and limit', async () => {
    const sorted = await goals.find({ sort: { progress: -1, stage: 1 } });
    // Strings compare by code point, as in MongoDB: 'Weiterbildung' sorts before 'frühkindliche Bildung'.
    expect(ids(sorted)).toEqual(['g3', 'g5', 'g1', 'g2', 'g4']);
    expect(ids(await goals.find({ sort: { progress: -1 }, skip: 1, limit: 2 }))).toEqual(['g1', 'g5']);
    expect(ids(await goals.find({ filter: { status: 'agreed' }, sort: { title: 1 }, limit: 2 }))).toEqual(['g1', 'g5']);
    expect(await goals.count()).toBe(5);
  });

  it.each([
    ['an operator it does not support', { filter: { $where: 'sleep(1000)' } }, /operator \$where is not supported/],
    ['an unsupported field operator', { filter: { progress: { $mod: [2, 0] } } }, /operator \$mod is not supported/],
    ['a non-finite number', { filter: { progress: { $gt: Number.NaN } } }, /must be a finite number/],
    ['a limit of 0', { limit: 0 }, /limit must be a whole number from 1 to 1000/],
    ['a negative skip', { skip: -1 }, /skip must be a whole number/],
    ['a sort order of 2', { sort: { progress: 2 as 1 } }, /sort order of progress must be 1 or -1/],
  ])('refuses a query with %s', async (_case, query, message) => {
    await expect(goals.find(query)).rejects.toThrow(message);
    await expect(goals.find(query)).rejects.toBeInstanceOf(InvalidReadModelInputError);
  });

  it.each([
    ['a key with a leading $', { $set: 1 }, /key "\$set" cannot be stored/],
    ['a key with a dot', { 'a.b': 1 }, /key "a.b" cannot be stored/],
    ['NaN', { progress: Number.NaN }, /progress must be a finite number/],
    ['an array inside an array', { matrix: [[1]] }, /arrays inside arrays/],
    ['an _id', { _id: 'x' }, /_id is reserved/],
  ])('refuses to store a document with %s and changes nothing', async (_case, extra, message) => {
    await expect(goals.upsert({ ...rows[1]!, ...extra } as GoalRow)).rejects.toThrow(message);
    expect(await goals.get('g2')).toEqual(rows[1]);
  });

  it('upserts several documents at once and gets several by id', async () => {
    await goals.upsertMany([
      { ...rows[0]!, status: 'achieved' },
      {
        id: 'g6',
        title: 'Bindungsquote erhöhen',
        status: 'draft',
        stage: 'Hochschule',
        parties: ['hochschule-osnabrueck'],
      },
    ]);
    const found = await goals.getMany(['g1', 'g6', 'missing']);
    expect(found.map((row) => [row.id, row.status]).sort()).toEqual([
      ['g1', 'achieved'],
      ['g6', 'draft'],
    ]);
  });

  it('replaces hundreds of existing documents in one call', async () => {
    const many = (status: string) =>
      Array.from({ length: 250 }, (_, index) => ({ ...rows[1]!, id: `bulk-${index}`, status }));
    await goals.upsertMany(many('proposed'));
    await goals.upsertMany(many('agreed'));
    expect(await goals.count({ id: { $regex: '^bulk-' }, status: 'agreed' })).toBe(250);
  });

  it('writes none of a batch when one document in it is invalid', async () => {
    await expect(
      goals.upsertMany([
        { ...rows[0]!, status: 'achieved' },
        { ...rows[1]!, progress: Number.POSITIVE_INFINITY },
      ]),
    ).rejects.toThrow(InvalidReadModelInputError);
    expect(await goals.get('g1')).toEqual(rows[0]);
  });

  it('keeps unicode and a large document intact', async () => {
    const description = 'Bildungsbüro Osnabrücker Land — Übergänge 🎓 '.repeat(2_000);
    await goals.upsert({ ...rows[0]!, id: 'big', title: description });
    expect((await goals.get('big'))?.title).toBe(description);
  });

  it('deletes one document and clears all', async () => {
    await goals.delete('g2');
    expect(await goals.get('g2')).toBeNull();
    expect(await goals.count()).toBe(4);
    await goals.clear();
    expect(await goals.count()).toBe(0);
  });

  it('enforces a unique index', async () => {
    const codes = store.collection<{ id: string; code: string }>(`codes_${randomUUID().replace(/-/g, '')}`, [
      { fields: { code: 1 }, unique: true },
    ]);
    await codes.upsert({ id: 'a', code: 'BBS-1' });
    await codes.upsert({ id: 'a', code: 'BBS-1' });
    await expect(codes.upsert({ id: 'b', code: 'BBS-1' })).rejects.toBeInstanceOf(InvalidReadModelInputError);
    expect(await codes.count()).toBe(1);
  });

  it('keeps checkpoints, starting at 0', async () => {
    const name = `projection-${randomUUID()}`;
    expect(await store.loadCheckpoint(name)).toBe(0);
    await store.saveCheckpoint(name, 42);
    await store.saveCheckpoint(name, 43);
    expect(await store.loadCheckpoint(name)).toBe(43);
  });

  describe('writes by position', () => {
    interface Counted {
      readonly id: string;
      readonly projectedPosition: number;
      readonly count: number;
      readonly code?: string;
    }
    let counted: ReadModelCollection<Counted>;

    beforeEach(() => {
      counted = store.collection<Counted>(`counted_${randomUUID().replace(/-/g, '')}`);
    });

    it('never takes a document back to an earlier position, and inserts what is new', async () => {
      await counted.upsertNewer([
        { id: 'a', projectedPosition: 10, count: 1 },
        { id: 'b', projectedPosition: 12, count: 1 },
      ]);
      await counted.upsertNewer([
        { id: 'a', projectedPosition: 9, count: 0 },
        { id: 'b', projectedPosition: 12, count: 99 },
        { id: 'c', projectedPosition: 8, count: 1 },
      ]);
      await counted.upsertNewer([{ id: 'a', projectedPosition: 11, count: 2 }]);
      expect(await counted.find({ sort: { id: 1 } })).toEqual([
        { id: 'a', projectedPosition: 11, count: 2 },
        { id: 'b', projectedPosition: 12, count: 1 },
        { id: 'c', projectedPosition: 8, count: 1 },
      ]);
    });

    it('writes by position whatever a stale hint of what is stored says', async () => {
      await counted.upsertNewer([
        { id: 'a', projectedPosition: 10, count: 1 },
        { id: 'b', projectedPosition: 12, count: 1 },
      ]);
      await counted.delete('b');
      // Read before: 'a' missing and 'b' stored; another writer has changed both since.
      await counted.upsertNewer(
        [
          { id: 'a', projectedPosition: 9, count: 0 },
          { id: 'b', projectedPosition: 11, count: 2 },
          { id: 'c', projectedPosition: 8, count: 1 },
        ],
        new Set(['b']),
      );
      await counted.upsertNewer([{ id: 'a', projectedPosition: 13, count: 3 }], new Set());
      expect(await counted.find({ sort: { id: 1 } })).toEqual([
        { id: 'a', projectedPosition: 13, count: 3 },
        { id: 'b', projectedPosition: 11, count: 2 },
        { id: 'c', projectedPosition: 8, count: 1 },
      ]);
    });

    (options.nonAtomicConditionalWrites ? it.skip : it)(
      'keeps the latest of several writers that write the same new documents at once',
      async () => {
        const at = (projectedPosition: number) =>
          ['x', 'y', 'z'].map((id) => ({ id, projectedPosition, count: projectedPosition }));
        await Promise.all([3, 8, 1, 6, 2, 7, 4, 5].map((position) => counted.upsertNewer(at(position))));
        expect(await counted.find({ sort: { id: 1 } })).toEqual(at(8));
      },
    );

    it('refuses a document without a position, and a unique clash, as before', async () => {
      await expect(counted.upsertNewer([{ id: 'a', count: 1 } as unknown as Counted])).rejects.toThrow(
        /projectedPosition/,
      );
      const coded = store.collection<Counted>(`coded_${randomUUID().replace(/-/g, '')}`, [
        { fields: { code: 1 }, unique: true },
      ]);
      await coded.upsertNewer([{ id: 'a', projectedPosition: 1, count: 1, code: 'X' }]);
      await expect(coded.upsertNewer([{ id: 'b', projectedPosition: 2, count: 1, code: 'X' }])).rejects.toThrow(
        InvalidReadModelInputError,
      );
      expect(await coded.count()).toBe(1);
    });

    it('deletes only a document at or before the position', async () => {
      await counted.upsertNewer([
        { id: 'a', projectedPosition: 10, count: 1 },
        { id: 'b', projectedPosition: 10, count: 1 },
      ]);
      await counted.deleteUnlessNewer('a', 9);
      await counted.deleteUnlessNewer('b', 10);
      expect((await counted.find()).map((document) => document.id)).toEqual(['a']);
    });
  });

  it('gives a lease to one holder at a time, renews it for that holder, and lets another take it once expired or released', async () => {
    const name = `relay-${randomUUID()}`;
    expect(await store.leaseOf(name)).toBeNull();
    expect(await store.acquireLease(name, 'instance-a', 60_000)).toBe(true);
    expect(await store.acquireLease(name, 'instance-b', 60_000)).toBe(false);
    expect(await store.acquireLease(name, 'instance-a', 60_000)).toBe(true);
    const held = await store.leaseOf(name);
    expect(held?.holder).toBe('instance-a');
    expect(Date.parse(held?.expiresAt ?? '')).toBeGreaterThan(Date.now() + 50_000);

    await store.releaseLease(name, 'instance-b');
    expect((await store.leaseOf(name))?.holder).toBe('instance-a');
    await store.releaseLease(name, 'instance-a');
    expect(await store.acquireLease(name, 'instance-b', 1)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await store.acquireLease(name, 'instance-a', 60_000)).toBe(true);
    expect((await store.leaseOf(name))?.holder).toBe('instance-a');
  });

  it('gives a contested lease to exactly one of the holders asking at once', async () => {
    const name = `projections-${randomUUID()}`;
    const holders = ['a', 'b', 'c', 'd', 'e'];
    const taken = await Promise.all(holders.map((holder) => store.acquireLease(name, holder, 60_000)));
    expect(taken.filter(Boolean)).toHaveLength(1);
    expect((await store.leaseOf(name))?.holder).toBe(holders[taken.indexOf(true)]);
  });
}
