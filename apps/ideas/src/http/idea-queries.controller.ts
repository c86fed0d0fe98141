import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiPathParam,
  ApiQueryFrom,
  ApiResult,
  Caller,
  CurrentCaller,
  etagOf,
  Roles,
  ValidParam,
  ValidQuery,
} from '@bildungsregion/http';
import { ActorDirectory } from '@bildungsregion/application';
import { Page, StreamIntegrity } from '@bildungsregion/event-store';
import type { Response } from 'express';
import { z } from 'zod';
import { Bundles, Lineage } from '../application/bundles';
import { IdeaCommands } from '../application/idea-commands';
import { IdeaListQueries } from '../application/idea-list/idea-list.queries';
import { IdeaSummary } from '../application/idea-list/idea-summary.projection';
import { DuplicatePair, SimilarIdea, SimilarIdeas } from '../application/similarity/similar-ideas';
import { SimilarityThresholds } from '../application/similarity/similarity-index';
import { EvaluationSummary, summarizeEvaluation } from '../domain/evaluation';
import { Idea } from '../domain/idea';
import { DuplicatesQuery, ideaId, IdeaListQuery, SimilarQuery } from './idea-requests';
import { DuplicatesResult, IdeaPageResult, IdeaResult, LineageResult, SimilarIdeasResult } from './idea-responses';

const READERS = ['coordinator', 'auditor', 'admin', 'actor'] as const;
type ActorNames = Awaited<ReturnType<ActorDirectory['lookUpIfReachable']>>;
const IDEA_ID = ApiPathParam('id', ideaId, 'The idea id');

@ApiTags('idea queries')
@Controller('ideas')
export class IdeaQueriesController {
  constructor(
    private readonly list: IdeaListQueries,
    private readonly similar: SimilarIdeas,
    private readonly commands: IdeaCommands,
    private readonly bundles: Bundles,
    private readonly directory: ActorDirectory,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    summary: 'List ideas',
    description: 'Newest first, filtered, paginated; every role reads every idea.',
  })
  @ApiQueryFrom(IdeaListQuery)
  @ApiResult(IdeaPageResult)
  async ideas(
    @ValidQuery(IdeaListQuery) query: z.output<typeof IdeaListQuery>,
  ): Promise<Page<IdeaSummary & { endorsementTotal: number }> & { actors: ActorNames }> {
    const page = await this.list.list(query);
    return { ...page, actors: await this.directory.lookUpIfReachable(page.items.map((item) => item.submitterId)) };
  }

  @Get('similar')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Open ideas that read like a text',
    description:
      'For a form while someone types: German-aware (stems, umlauts, stop words), BM25 combined with trigram similarity of title and description. Scores run from 0 to 1; the thresholds say where "ähnlich" and "wahrscheinlich doppelt" begin.',
  })
  @ApiQueryFrom(SimilarQuery)
  @ApiResult(SimilarIdeasResult)
  async similarTo(
    @ValidQuery(SimilarQuery) query: z.output<typeof SimilarQuery>,
  ): Promise<{ thresholds: SimilarityThresholds; items: SimilarIdea[] }> {
    const { title, description, excluding, limit } = query;
    const items = await this.similar.similarTo({ title, description }, { limit, ...(excluding ? { excluding } : {}) });
    return { thresholds: this.similar.thresholds, items };
  }

  @Get('duplicates')
  @Roles('coordinator', 'auditor', 'admin')
  @ApiOperation({
    summary: 'Pairs of open ideas that read alike',
    description:
      'Best first; by default those at "wahrscheinlich doppelt", with level=similar also those at "ähnlich".',
  })
  @ApiQueryFrom(DuplicatesQuery)
  @ApiResult(DuplicatesResult)
  async duplicates(
    @ValidQuery(DuplicatesQuery) query: z.output<typeof DuplicatesQuery>,
  ): Promise<Page<DuplicatePair> & { thresholds: SimilarityThresholds }> {
    const pairs = await this.similar.duplicates(query.level);
    return {
      items: pairs.slice(query.offset, query.offset + query.limit),
      total: pairs.length,
      offset: query.offset,
      limit: query.limit,
      thresholds: this.similar.thresholds,
    };
  }

  @Get(':id/lineage')
  @Roles(...READERS)
  @ApiOperation({
    summary: "The graph of an idea's sources and descendants",
    description: 'Through bundles (merged, possibly undone) and splits, in both directions.',
  })
  @IDEA_ID
  @ApiResult(LineageResult)
  lineage(@ValidParam('id', ideaId) id: string): Promise<Lineage> {
    return this.bundles.lineage(id);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'An idea from the event store, with its comments, endorsements, evaluation and decision',
    description: 'ETag is the stream revision; send it as If-Match with the next command.',
  })
  @IDEA_ID
  @ApiResult(IdeaResult, { headers: { ETag: { description: 'The revision shown, for If-Match.', required: true } } })
  async idea(
    @ValidParam('id', ideaId) id: string,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{
    ideaId: string;
    revision: number;
    integrity: StreamIntegrity;
    idea: Idea;
    evaluationSummary: EvaluationSummary | null;
    endorsementTotal: number;
    actors: ActorNames;
  }> {
    const { state, revision, integrity } = await this.commands.ideas.load(id);
    response.setHeader('ETag', etagOf(revision));
    const { evaluation } = state;
    const evaluationSummary = evaluation
      ? summarizeEvaluation(evaluation.criteria, evaluation.evaluators.length, evaluation.evaluations)
      : null;
    // Evaluators score independently: an actor sees its own evaluation, not the others'.
    const { principal } = caller;
    const visible =
      evaluation && principal.role === 'actor'
        ? { ...evaluation, evaluations: evaluation.evaluations.filter((entry) => entry.evaluatorId === principal.id) }
        : evaluation;
    const sources = state.bundle ? await this.list.summaries.getMany(state.bundle.sourceIds) : [];
    return {
      ideaId: id,
      revision,
      integrity,
      idea: { ...state, evaluation: visible },
      evaluationSummary,
      endorsementTotal: sources.reduce((sum, source) => sum + source.endorsementCount, state.endorsements.length),
      actors: await this.directory.lookUpIfReachable([
        ...(state.submitter ? [state.submitter.id] : []),
        ...state.coAuthors.map((author) => author.id),
        ...state.endorsements,
      ]),
    };
  }
}
