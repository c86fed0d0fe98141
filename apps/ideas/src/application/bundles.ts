import { CommandOutcome, CommandRejectedError, CommandRequest, newIdFor } from '@bildungsregion/application';
import { Idea, IdeaContent, IdeaStatus } from '../domain/idea';
import { IdeaCommands } from './idea-commands';

export interface SplitPartRequest {
  readonly content: IdeaContent;
  /** Which part of the idea the new idea carries, in the coordinator's words. */
  readonly carries: string;
}

export interface LineageNode {
  readonly ideaId: string;
  readonly title: string;
  readonly status: IdeaStatus;
}

/** `merged`: the source went into the bundle; `split`: the part came out of the idea. */
export interface LineageEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: 'merged' | 'split';
  /** For a split: which part the new idea carries. For a merge: whether it was undone. */
  readonly carries?: string;
  readonly undone?: boolean;
}

export interface Lineage {
  readonly ideaId: string;
  readonly nodes: readonly LineageNode[];
  readonly edges: readonly LineageEdge[];
}

/** A lineage graph stops growing here; nobody reads a larger one. */
const LINEAGE_LIMIT = 200;

/**
 * Merging and splitting ideas. Each changes several idea streams, which the store cannot append
 * atomically: the bundle (or the split) is recorded first as the intention, then each idea it
 * touches; the steps are idempotent, and a source that refuses undoes what was done.
 */
export class Bundles {
  constructor(private readonly commands: IdeaCommands) {}

  async form(
    bundle: { readonly content: IdeaContent; readonly sourceIds: readonly string[]; readonly reason: string },
    request: CommandRequest,
  ): Promise<CommandOutcome> {
    const { ideas } = this.commands;
    const bundleId = newIdFor(request, 'bundle');
    const sources: Idea[] = [];
    for (const sourceId of new Set(bundle.sourceIds)) {
      const { state, revision } = await ideas.current(sourceId);
      if (revision === null)
        throw new CommandRejectedError({
          kind: 'rule-violation',
          code: 'unknown-idea',
          message: `There is no idea ${sourceId} to merge.`,
        });
      this.commands.assertWouldAccept(sourceId, state, { type: 'JoinBundle', bundleId });
      sources.push(state);
    }
    const outcome = await ideas.execute(
      bundleId,
      {
        type: 'FormBundle',
        ideaId: bundleId,
        content: bundle.content,
        submitter: { id: request.principal.id, kind: 'coordinator' },
        sources: bundle.sourceIds.map((sourceId) => sources.find((source) => source.ideaId === sourceId) as Idea),
        reason: bundle.reason,
      },
      request,
      { creates: { code: 'idea-exists', message: `An idea with the id ${bundleId} already exists.` } },
    );
    try {
      for (const source of sources)
        await ideas.execute(source.ideaId, { type: 'JoinBundle', bundleId }, this.follow(request, outcome));
    } catch (error) {
      await this.undo(
        bundleId,
        'Zusammenführung abgebrochen: eine der Ideen war nicht mehr offen.',
        this.follow(request, outcome),
      );
      throw error;
    }
    return outcome;
  }

  /** Undoes a merge: the bundle is dissolved, its sources are open again. */
  async undo(bundleId: string, reason: string, request: CommandRequest): Promise<CommandOutcome> {
    const { ideas } = this.commands;
    const outcome = await ideas.execute(bundleId, { type: 'UndoBundle', reason }, { ...request, reason });
    const { state } = await ideas.load(bundleId);
    for (const sourceId of state.bundle?.sourceIds ?? [])
      await ideas.execute(sourceId, { type: 'LeaveBundle', bundleId }, this.follow(request, outcome));
    return outcome;
  }

  /** Splits an idea into new ones, each naming the part it carries; the authors stay authors of every part. */
  async split(
    ideaId: string,
    split: { readonly parts: readonly SplitPartRequest[]; readonly reason: string },
    request: CommandRequest,
  ): Promise<CommandOutcome & { partIds: string[] }> {
    const { ideas } = this.commands;
    const parts = split.parts.map((part, index) => ({
      ...part,
      ideaId: newIdFor(request, 'split-part', ideaId, String(index)),
    }));
    const outcome = await ideas.execute(
      ideaId,
      {
        type: 'SplitIdea',
        parts: parts.map(({ ideaId: partId, carries }) => ({ ideaId: partId, carries })),
        reason: split.reason,
      },
      { ...request, reason: split.reason },
    );
    const { state } = await ideas.load(ideaId);
    for (const part of parts) {
      await ideas.execute(
        part.ideaId,
        {
          type: 'SubmitIdea',
          ideaId: part.ideaId,
          content: part.content,
          submitter: state.submitter as NonNullable<Idea['submitter']>,
          coAuthors: state.coAuthors,
          splitFrom: { ideaId, carries: part.carries },
          ...(state.callId ? { callId: state.callId } : {}),
        },
        this.follow(request, outcome),
        { creates: { code: 'idea-exists', message: `An idea with the id ${part.ideaId} already exists.` } },
      );
    }
    return { ...outcome, partIds: parts.map((part) => part.ideaId) };
  }

  /** The graph of an idea's sources and descendants, through bundles and splits in both directions. */
  async lineage(ideaId: string): Promise<Lineage> {
    const { ideas } = this.commands;
    const nodes = new Map<string, LineageNode>();
    const edges = new Map<string, LineageEdge>();
    const queue = [ideaId];
    while (queue.length > 0 && nodes.size < LINEAGE_LIMIT) {
      const id = queue.shift() as string;
      if (nodes.has(id)) continue;
      const { state } = id === ideaId ? await ideas.load(id) : await ideas.current(id);
      if (state.status === 'none') continue;
      nodes.set(id, { ideaId: id, title: state.content?.title ?? '', status: state.status });
      const link = (edge: LineageEdge, next: string) => {
        edges.set(`${edge.from}>${edge.to}`, edge);
        queue.push(next);
      };
      const dissolved = state.status === 'dissolved';
      for (const sourceId of state.bundle?.sourceIds ?? [])
        link({ from: sourceId, to: id, kind: 'merged', ...(dissolved ? { undone: true } : {}) }, sourceId);
      if (state.bundledInto) link({ from: id, to: state.bundledInto, kind: 'merged' }, state.bundledInto);
      if (state.splitFrom)
        link(
          { from: state.splitFrom.ideaId, to: id, kind: 'split', carries: state.splitFrom.carries },
          state.splitFrom.ideaId,
        );
      for (const part of state.splitInto ?? [])
        link({ from: id, to: part.ideaId, kind: 'split', carries: part.carries }, part.ideaId);
    }
    return { ideaId, nodes: [...nodes.values()], edges: [...edges.values()] };
  }

  /** The follow-up commands of a multi-idea change: caused by its first event, no If-Match of their own. */
  private follow(request: CommandRequest, outcome: CommandOutcome): CommandRequest {
    const { expectedRevision: _revision, idempotencyKey: _key, ...rest } = request;
    const first = outcome.events[0];
    return first ? { ...rest, causationId: first.id } : rest;
  }
}
