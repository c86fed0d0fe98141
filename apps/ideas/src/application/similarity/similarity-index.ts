import MiniSearch, { SearchResult } from 'minisearch';
import { termsOf } from './german-text';
import { trigramsOf, trigramSimilarity } from './trigram';

/** The text of an idea that similarity compares. */
export interface IdeaText {
  readonly title: string;
  readonly description: string;
}

export type SimilarityLevel = 'similar' | 'likely-duplicate';

/** "ähnlich" and "wahrscheinlich doppelt": the lowest score of each level, from 0 to 1. */
export interface SimilarityThresholds {
  readonly similar: number;
  readonly likelyDuplicate: number;
}

/** How the score is made up, so a person can see why two ideas were put side by side. */
export interface SimilarityEvidence {
  readonly score: number;
  readonly level: SimilarityLevel | null;
  /** BM25 of the other idea for this text, as a share of the text's score against itself (0–1), less for very short texts. */
  readonly bm25: number;
  readonly titleTrigrams: number;
  readonly descriptionTrigrams: number;
  /** The words of either text whose stems matched, as written, in lower case. */
  readonly matchedTerms: readonly string[];
}

export interface SimilarMatch extends SimilarityEvidence {
  readonly ideaId: string;
}

/** The weights tuned on the labelled corpus (two thirds of it; see similarity.corpus.spec.ts). */
const WEIGHTS = { bm25: 0.5, title: 0.3, description: 0.2 } as const;
const CANDIDATES = 50;
/** A text with fewer meaningful words than this earns only part of its BM25 share: one shared word is no duplicate. */
const CONFIDENT_TERMS = 6;
/**
 * A word in more than this share of the ideas (and in more than COMMON_FLOOR of them) does not take
 * part in the BM25 search: its weight there is near nothing, and scoring its thousands of ideas is
 * what makes a lookup slow. Trigram similarity still sees it.
 */
const COMMON_SHARE = 0.05;
const COMMON_FLOOR = 50;
/** When every word of a text is common, the search goes by its rarest words. */
const RAREST_WHEN_ALL_COMMON = 3;
const QUERY_ID = '\u0000query';

interface Prepared {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly titleTrigrams: Set<string>;
  readonly descriptionTrigrams: Set<string>;
  /** Stem → the words it came from. */
  readonly words: ReadonlyMap<string, ReadonlySet<string>>;
}

function prepare(id: string, text: IdeaText): Prepared {
  const titleTerms = termsOf(text.title);
  const descriptionTerms = termsOf(text.description);
  const words = new Map<string, Set<string>>();
  for (const term of [...titleTerms, ...descriptionTerms]) {
    const known = words.get(term.stem) ?? new Set<string>();
    known.add(term.word);
    words.set(term.stem, known);
  }
  return {
    id,
    title: titleTerms.map((term) => term.stem).join(' '),
    description: descriptionTerms.map((term) => term.stem).join(' '),
    titleTrigrams: trigramsOf(titleTerms.map((term) => term.stem)),
    descriptionTrigrams: trigramsOf(descriptionTerms.map((term) => term.stem)),
    words,
  };
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * Finds ideas like a given text: BM25 (MiniSearch) over the stems of title and description picks
 * and ranks the candidates, pg_trgm-style trigram similarity of title and of description refines
 * them; the score is a weighted sum from 0 to 1. Kept in memory, updated idea by idea.
 */
export class SimilarityIndex {
  private readonly ideas = new Map<string, Prepared>();
  /** Stem → in how many stored ideas it occurs. */
  private readonly documentFrequency = new Map<string, number>();
  private readonly search = new MiniSearch<Prepared>({
    fields: ['title', 'description'],
    tokenize: (text) => text.split(' ').filter(Boolean),
    processTerm: (term) => term,
  });

  constructor(readonly thresholds: SimilarityThresholds) {
    if (!(
      thresholds.similar > 0 &&
      thresholds.similar <= thresholds.likelyDuplicate &&
      thresholds.likelyDuplicate <= 1
    ))
      throw new Error(
        `The similarity thresholds must satisfy 0 < similar (${thresholds.similar}) ≤ likely duplicate (${thresholds.likelyDuplicate}) ≤ 1.`,
      );
  }

  get size(): number {
    return this.ideas.size;
  }

  upsert(ideaId: string, text: IdeaText): void {
    this.remove(ideaId);
    const prepared = prepare(ideaId, text);
    this.ideas.set(ideaId, prepared);
    this.search.add(prepared);
    for (const stem of prepared.words.keys())
      this.documentFrequency.set(stem, (this.documentFrequency.get(stem) ?? 0) + 1);
  }

  remove(ideaId: string): void {
    const known = this.ideas.get(ideaId);
    if (!known) return;
    this.search.remove(known);
    this.ideas.delete(ideaId);
    for (const stem of known.words.keys()) {
      const left = (this.documentFrequency.get(stem) ?? 1) - 1;
      if (left > 0) this.documentFrequency.set(stem, left);
      else this.documentFrequency.delete(stem);
    }
  }

  /** The words of a text worth searching by: all but the very common ones. */
  private informative(stems: readonly string[]): string[] {
    const common = Math.max(COMMON_FLOOR, this.ideas.size * COMMON_SHARE);
    const frequency = (stem: string) => this.documentFrequency.get(stem) ?? 0;
    const rare = stems.filter((stem) => frequency(stem) <= common);
    if (rare.length > 0) return rare;
    return [...stems].sort((left, right) => frequency(left) - frequency(right)).slice(0, RAREST_WHEN_ALL_COMMON);
  }

  levelOf(score: number): SimilarityLevel | null {
    if (score >= this.thresholds.likelyDuplicate) return 'likely-duplicate';
    return score >= this.thresholds.similar ? 'similar' : null;
  }

  /** The ideas scoring at least `minScore` (default: "ähnlich") for this text, best first; `excluding` never matches. */
  similarTo(
    text: IdeaText,
    options: { readonly excluding?: string; readonly limit?: number; readonly minScore?: number } = {},
  ): SimilarMatch[] {
    const minScore = options.minScore ?? this.thresholds.similar;
    return this.score(text, options.excluding)
      .filter((match) => match.score >= minScore)
      .slice(0, options.limit ?? 10);
  }

  /** The score of one stored idea for this text, with its evidence; null when the idea is not stored. */
  compare(text: IdeaText, ideaId: string): SimilarityEvidence | null {
    if (!this.ideas.has(ideaId)) return null;
    return (
      this.score(text, undefined, ideaId).find((match) => match.ideaId === ideaId) ?? {
        score: 0,
        level: null,
        bm25: 0,
        titleTrigrams: 0,
        descriptionTrigrams: 0,
        matchedTerms: [],
      }
    );
  }

  private score(text: IdeaText, excluding?: string, only?: string): SimilarMatch[] {
    const query = prepare(QUERY_ID, text);
    const stems = [...query.words.keys()];
    if (stems.length === 0) return [];
    // The text's score against itself makes BM25, which has no upper bound, a share from 0 to 1.
    this.search.add(query);
    let results: SearchResult[];
    try {
      results = this.search.search(this.informative(stems).join(' '), {
        boost: { title: 2 },
        combineWith: 'OR',
        prefix: (term) => term.length >= 7,

        ...(only ? { filter: (result) => result.id === only || result.id === QUERY_ID } : {}),
      });
    } finally {
      this.search.remove(query);
    }
    const self = results.find((result) => result.id === QUERY_ID)?.score ?? 0;
    const confidence = Math.min(1, stems.length / CONFIDENT_TERMS);
    const matches: SimilarMatch[] = [];
    for (const result of results) {
      if (result.id === QUERY_ID || result.id === excluding) continue;
      if (matches.length >= CANDIDATES) break;
      const idea = this.ideas.get(result.id as string) as Prepared;
      const bm25 = self > 0 ? Math.min(1, result.score / self) * confidence : 0;
      const titleTrigrams = trigramSimilarity(query.titleTrigrams, idea.titleTrigrams);
      const descriptionTrigrams = trigramSimilarity(query.descriptionTrigrams, idea.descriptionTrigrams);
      const score = round(
        WEIGHTS.bm25 * bm25 + WEIGHTS.title * titleTrigrams + WEIGHTS.description * descriptionTrigrams,
      );
      const matchedTerms = new Set<string>();
      for (const stem of result.queryTerms) for (const word of query.words.get(stem) ?? []) matchedTerms.add(word);
      for (const stem of result.terms) for (const word of idea.words.get(stem) ?? []) matchedTerms.add(word);
      matches.push({
        ideaId: idea.id,
        score,
        level: this.levelOf(score),
        bm25: round(bm25),
        titleTrigrams: round(titleTrigrams),
        descriptionTrigrams: round(descriptionTrigrams),
        matchedTerms: [...matchedTerms].sort((left, right) => left.localeCompare(right, 'de')),
      });
    }
    return matches.sort((left, right) => right.score - left.score);
  }
}
