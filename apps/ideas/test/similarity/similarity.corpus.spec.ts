import { SimilarityIndex } from '../../src/application/similarity/similarity-index';
import { DEFAULT_SIMILARITY_THRESHOLDS } from '../../src/application/similarity/thresholds';
import { CORPUS, CorpusIdea, LabelledPair } from './corpus';

/**
 * The similarity search against the labelled corpus. The weights and thresholds were tuned on the
 * pairs at positions 0, 1, 3, 4, … (two thirds); every third pair (2, 5, 8, …) is held out. Each pair
 * is scored both ways: a new text against the stored idea, as a submission is compared.
 */
interface Scored {
  readonly label: LabelledPair['label'];
  readonly score: number;
}

function scoreCorpus(): { tuning: Scored[]; heldOut: Scored[] } {
  const index = new SimilarityIndex(DEFAULT_SIMILARITY_THRESHOLDS);
  const ids = new Map<string, string>();
  const idOf = (idea: CorpusIdea): string => {
    const key = `${idea.title}\n${idea.description}`;
    let id = ids.get(key);
    if (!id) {
      id = `idea-${ids.size}`;
      ids.set(key, id);
      index.upsert(id, idea);
    }
    return id;
  };
  for (const pair of CORPUS) [pair.left, pair.right].forEach(idOf);
  const tuning: Scored[] = [];
  const heldOut: Scored[] = [];
  CORPUS.forEach((pair, position) => {
    const into = position % 3 === 2 ? heldOut : tuning;
    for (const [text, stored] of [
      [pair.left, pair.right],
      [pair.right, pair.left],
    ] as const) {
      into.push({ label: pair.label, score: index.compare(text, idOf(stored))?.score ?? 0 });
    }
  });
  return { tuning, heldOut };
}

function precisionAt(threshold: number, scored: readonly Scored[]): number {
  const flagged = scored.filter((entry) => entry.score >= threshold);
  return flagged.length === 0 ? 1 : flagged.filter((entry) => entry.label === 'duplicate').length / flagged.length;
}

function recallAt(threshold: number, scored: readonly Scored[]): number {
  const duplicates = scored.filter((entry) => entry.label === 'duplicate');
  return duplicates.filter((entry) => entry.score >= threshold).length / duplicates.length;
}

describe('similar ideas on the labelled German corpus', () => {
  const { tuning, heldOut } = scoreCorpus();
  const { similar, likelyDuplicate } = DEFAULT_SIMILARITY_THRESHOLDS;

  it('has at least 60 pairs of every kind', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(60);
    for (const label of ['duplicate', 'near-topic', 'unrelated'] as const)
      expect(CORPUS.filter((pair) => pair.label === label).length).toBeGreaterThanOrEqual(15);
  });

  it('flags as "wahrscheinlich doppelt" with precision ≥ 0.9 and finds duplicates as "ähnlich" with recall ≥ 0.9 on the held-out third', () => {
    const report = {
      tuning: { precision: precisionAt(likelyDuplicate, tuning), recall: recallAt(similar, tuning) },
      heldOut: { precision: precisionAt(likelyDuplicate, heldOut), recall: recallAt(similar, heldOut) },
    };
    process.stdout.write(`similarity corpus: ${JSON.stringify(report)}\n`);
    expect(heldOut.filter((entry) => entry.score >= likelyDuplicate).length).toBeGreaterThan(0);
    expect(report.heldOut.precision).toBeGreaterThanOrEqual(0.9);
    expect(report.heldOut.recall).toBeGreaterThanOrEqual(0.9);
    expect(report.tuning.precision).toBeGreaterThanOrEqual(0.9);
    expect(report.tuning.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('never scores an unrelated pair as "ähnlich"', () => {
    expect([...tuning, ...heldOut].filter((entry) => entry.label === 'unrelated' && entry.score >= similar)).toEqual(
      [],
    );
  });
});
