import { Projection, ProjectedDocument } from '@bildungsregion/read-models';
import { EducationStage, IdeaContent, IdeaEvent, IdeaStatus, WithdrawalReason } from '../../domain/idea';
import { stemsOf } from '../similarity/german-text';
import { IDEAS } from '../streams';

/** One row of the idea list; also what the similarity search indexes. */
export interface IdeaSummary extends ProjectedDocument {
  readonly title: string;
  readonly description: string;
  readonly stages: readonly EducationStage[];
  readonly regionKeys: readonly string[];
  readonly tags: readonly string[];
  /** Tags in lower case, for filtering in any case. */
  readonly tagKeys: readonly string[];
  /** Stems of title, description and tags, for the text filter. */
  readonly searchTerms: readonly string[];
  readonly status: IdeaStatus;
  readonly submitterId: string;
  readonly submitterKind: 'actor' | 'coordinator';
  readonly withdrawal: { readonly reason: WithdrawalReason; readonly duplicateOf: string | null } | null;
  readonly revisions: number;
  readonly commentCount: number;
  readonly endorsementCount: number;
  /** Stream revision the row reflects; the ETag of the idea at that point. */
  readonly revision: number;
  readonly submittedAt: string;
  readonly updatedAt: string;
}

export const IDEA_SUMMARIES = 'idea_summaries';

type Row = Omit<IdeaSummary, 'projectedPosition'>;

function withContent(row: Row, content: IdeaContent): Row {
  return {
    ...row,
    ...content,
    tagKeys: content.tags.map((tag) => tag.toLocaleLowerCase('de')),
    searchTerms: [...new Set(stemsOf(`${content.title} ${content.description} ${content.tags.join(' ')}`))],
  };
}

/** The idea list: one document per idea. */
export const ideaSummaryProjection: Projection<IdeaSummary> = {
  name: 'ideas.idea-summaries',
  collection: IDEA_SUMMARIES,
  filter: { categories: [IDEAS.name] },
  indexes: [
    { fields: { submittedAt: -1 } },
    { fields: { projectedPosition: 1 } },
    { fields: { status: 1, submittedAt: -1 } },
  ],
  documentIds: (event) => [IDEAS.idOf(event.streamId)],
  evolve: (current, recorded, id) => {
    const event = { type: recorded.type, data: recorded.data } as IdeaEvent;
    const at = { revision: recorded.revision, updatedAt: recorded.recordedAt };
    if (event.type === 'IdeaSubmitted') {
      const { content, submitter } = event.data;
      return withContent(
        {
          id,
          title: '',
          description: '',
          stages: [],
          regionKeys: [],
          tags: [],
          tagKeys: [],
          searchTerms: [],
          status: 'submitted',
          submitterId: submitter.id,
          submitterKind: submitter.kind,
          withdrawal: null,
          revisions: 0,
          commentCount: 0,
          endorsementCount: 0,
          submittedAt: recorded.recordedAt,
          ...at,
        },
        content,
      );
    }
    if (!current) return null;
    const row: Row = { ...current, ...at };
    switch (event.type) {
      case 'IdeaRevised': {
        const { title, description, stages, regionKeys, tags } = row;
        return withContent(
          { ...row, revisions: row.revisions + 1 },
          { title, description, stages, regionKeys, tags, ...event.data.changes },
        );
      }
      case 'IdeaWithdrawn':
        return {
          ...row,
          status: 'withdrawn',
          withdrawal: { reason: event.data.reason, duplicateOf: event.data.duplicateOf ?? null },
        };
      case 'CommentPosted':
        return { ...row, commentCount: row.commentCount + 1 };
      case 'CommentEdited':
        return row;
      case 'IdeaEndorsed':
        return { ...row, endorsementCount: row.endorsementCount + 1 };
      case 'EndorsementWithdrawn':
        return { ...row, endorsementCount: row.endorsementCount - 1 };
    }
  },
};
