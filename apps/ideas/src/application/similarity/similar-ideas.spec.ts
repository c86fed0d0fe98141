import { InMemoryReadModelStore } from '@bildungsregion/read-models';
import { IdeaSummary } from '../idea-list/idea-summary.projection';
import { SimilarIdeas } from './similar-ideas';

const summary = (id: string, position: number, title: string, status: IdeaSummary['status'] = 'submitted') =>
  ({
    id,
    projectedPosition: position,
    title,
    description: 'Ehrenamtliche lesen wöchentlich mit Kindern, die beim Lesen Unterstützung brauchen.',
    stages: ['allgemeinbildende-schulen'],
    regionKeys: [],
    tags: [],
    tagKeys: [],
    searchTerms: [],
    status,
    submitterId: 'vhs',
    submitterKind: 'actor',
    withdrawal: null,
    revisions: 0,
    commentCount: 0,
    endorsementCount: 0,
    callId: null,
    sourceIds: [],
    bundledInto: null,
    splitFrom: null,
    evaluatorIds: [],
    evaluation: { state: 'none', assigned: 0, submitted: 0, weightedMean: null },
    decision: null,
    promotions: [],
    revision: 0,
    submittedAt: '2026-11-27T10:00:00.000Z',
    updatedAt: '2026-11-27T10:00:00.000Z',
  }) satisfies IdeaSummary;

describe('the similar ideas of the read model', () => {
  const text = {
    title: 'Lesepaten für Grundschulen',
    description: 'Ehrenamtliche lesen jede Woche mit Kindern, die Unterstützung beim Lesen brauchen.',
  };

  async function setUp() {
    const summaries = new InMemoryReadModelStore().collection<IdeaSummary>('idea_summaries');
    let checkpoint = 0;
    const similar = new SimilarIdeas(summaries, async () => checkpoint, { similar: 0.18, likelyDuplicate: 0.32 });
    return { summaries, similar, moveTo: (position: number) => (checkpoint = position) };
  }

  it('follows the read model once the projection has moved on, and drops withdrawn ideas', async () => {
    const { summaries, similar, moveTo } = await setUp();
    await summaries.upsert(summary('a', 1, 'Lesepaten für Grundschulen gewinnen'));
    moveTo(1);
    expect((await similar.similarTo(text)).map((idea) => [idea.ideaId, idea.title])).toEqual([
      ['a', 'Lesepaten für Grundschulen gewinnen'],
    ]);
    await summaries.upsert(summary('a', 2, 'Lesepaten für Grundschulen gewinnen', 'withdrawn'));
    expect((await similar.similarTo(text)).map((idea) => idea.ideaId)).toEqual(['a']);
    moveTo(2);
    expect(await similar.similarTo(text)).toEqual([]);
  });

  it('starts over when the read model was rebuilt', async () => {
    const { summaries, similar, moveTo } = await setUp();
    await summaries.upsert(summary('a', 5, 'Lesepaten für Grundschulen gewinnen'));
    moveTo(5);
    expect(await similar.similarTo(text)).toHaveLength(1);
    await summaries.clear();
    await summaries.upsert(summary('b', 1, 'Lesepaten an Grundschulen'));
    moveTo(1);
    expect((await similar.similarTo(text)).map((idea) => idea.ideaId)).toEqual(['b']);
  });

  it('lists pairs of open ideas that read like each other both ways', async () => {
    const { summaries, similar, moveTo } = await setUp();
    await summaries.upsertMany([
      summary('a', 1, 'Lesepaten für Grundschulen gewinnen'),
      summary('b', 2, 'Lesepatenschaften an Grundschulen'),
      { ...summary('c', 3, 'Schulbus-Takt an den Ganztag anpassen'), description: 'Busse fahren zu früh.' },
    ]);
    moveTo(3);
    const pairs = await similar.duplicates('similar');
    expect(pairs.map((pair) => pair.ideas.map((idea) => idea.ideaId))).toEqual([['a', 'b']]);
    expect(pairs[0]?.score).toBeGreaterThanOrEqual(0.18);
  });
});
