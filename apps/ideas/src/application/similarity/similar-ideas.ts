import { ReadModelCollection } from '@bildungsregion/read-models';
import { IdeaSummary } from '../idea-list/idea-summary.projection';
import {
  IdeaText,
  SimilarityEvidence,
  SimilarityIndex,
  SimilarityLevel,
  SimilarityThresholds,
} from './similarity-index';

/** An open idea like the given text, and why it matched. */
export interface SimilarIdea extends SimilarityEvidence {
  readonly ideaId: string;
  readonly title: string;
}

/** Two open ideas that read alike; `score` is the lower of the two directions, so both must read like the other. */
export interface DuplicatePair {
  readonly ideas: readonly [SimilarIdeaRef, SimilarIdeaRef];
  readonly score: number;
  readonly level: SimilarityLevel;
  readonly matchedTerms: readonly string[];
}

export interface SimilarIdeaRef {
  readonly ideaId: string;
  readonly title: string;
}

const SYNC_PAGE = 1_000;

/**
 * The similarity search over the open ideas. The index lives in memory and follows the idea
 * summaries read model by its projected position, so every instance reading the same read model
 * answers the same; withdrawn ideas leave the index. It reads the read model only when the
 * projection's checkpoint has moved, and starts over when the read model was rebuilt.
 */
export class SimilarIdeas {
  private readonly index: SimilarityIndex;
  private readonly titles = new Map<string, string>();
  private readonly texts = new Map<string, IdeaText>();
  private seenPosition = 0;
  private seenCheckpoint = 0;
  private syncing: Promise<void> | null = null;
  private pairs: { readonly position: number; readonly pairs: DuplicatePair[] } | null = null;

  constructor(
    private readonly summaries: ReadModelCollection<IdeaSummary>,
    /** The position the idea summaries projection has saved as done. */
    private readonly projectedUpTo: () => Promise<number>,
    readonly thresholds: SimilarityThresholds,
  ) {
    this.index = new SimilarityIndex(thresholds);
  }

  /** The open ideas like this text, best first; `excluding` (the idea being edited) never matches itself. */
  async similarTo(
    text: IdeaText,
    options: { readonly excluding?: string; readonly limit?: number } = {},
  ): Promise<SimilarIdea[]> {
    await this.sync();
    return this.index.similarTo(text, options).map((match) => this.describe(match));
  }

  /** Every pair of open ideas at or above the level's threshold, best first. */
  async duplicates(level: SimilarityLevel): Promise<DuplicatePair[]> {
    await this.sync();
    if (!this.pairs || this.pairs.position !== this.seenPosition) {
      this.pairs = { position: this.seenPosition, pairs: this.findPairs() };
    }
    const minimum = level === 'likely-duplicate' ? this.thresholds.likelyDuplicate : this.thresholds.similar;
    return this.pairs.pairs.filter((pair) => pair.score >= minimum);
  }

  private findPairs(): DuplicatePair[] {
    const byKey = new Map<string, DuplicatePair>();
    for (const [ideaId, text] of this.texts) {
      for (const match of this.index.similarTo(text, { excluding: ideaId, limit: 20 })) {
        const [first, second] = [ideaId, match.ideaId].sort();
        const key = `${first} ${second}`;
        if (byKey.has(key)) continue;
        const reverse = this.index.compare(this.texts.get(match.ideaId) as IdeaText, ideaId);
        const score = Math.min(match.score, reverse?.score ?? 0);
        const level = this.index.levelOf(score);
        if (level === null) continue;
        byKey.set(key, {
          ideas: [this.ref(first as string), this.ref(second as string)],
          score,
          level,
          matchedTerms: match.matchedTerms,
        });
      }
    }
    return [...byKey.values()].sort((left, right) => right.score - left.score);
  }

  private ref(ideaId: string): SimilarIdeaRef {
    return { ideaId, title: this.titles.get(ideaId) ?? '' };
  }

  private describe(match: SimilarityEvidence & { ideaId: string }): SimilarIdea {
    return { ...match, title: this.titles.get(match.ideaId) ?? '' };
  }

  /** Catches up with the read model; concurrent callers share one catch-up. */
  private sync(): Promise<void> {
    this.syncing ??= this.catchUp().finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  private async catchUp(): Promise<void> {
    const checkpoint = await this.projectedUpTo();
    if (checkpoint === this.seenCheckpoint && checkpoint > 0) return;
    if (checkpoint < this.seenCheckpoint) this.forget();
    await this.readChanges();
    this.seenCheckpoint = checkpoint;
  }

  private forget(): void {
    for (const ideaId of [...this.texts.keys()]) this.index.remove(ideaId);
    this.texts.clear();
    this.titles.clear();
    this.seenPosition = 0;
  }

  private async readChanges(): Promise<void> {
    for (;;) {
      const changed = await this.summaries.find({
        filter: { projectedPosition: { $gt: this.seenPosition } },
        sort: { projectedPosition: 1 },
        limit: SYNC_PAGE,
      });
      for (const summary of changed) {
        if (summary.status === 'submitted') {
          const text = { title: summary.title, description: summary.description };
          this.index.upsert(summary.id, text);
          this.texts.set(summary.id, text);
          this.titles.set(summary.id, summary.title);
        } else {
          this.index.remove(summary.id);
          this.texts.delete(summary.id);
          this.titles.delete(summary.id);
        }
        this.seenPosition = Math.max(this.seenPosition, summary.projectedPosition);
      }
      if (changed.length < SYNC_PAGE) return;
    }
  }
}
