import { useTranslation } from 'react-i18next';
import { QueryProblem } from '../goals/QueryProblem';
import { formatTimestamp } from '../lib/format';
import { useIdeaHistory } from './idea-queries';
import { useIdeaLabels } from './labels';

type Content = Partial<Record<'title' | 'description' | 'stages' | 'regionKeys' | 'tags', unknown>>;
const FIELDS = ['title', 'description', 'stages', 'regionKeys', 'tags'] as const;

/** Verlauf: every recorded change of the idea in words, the earlier text of each edit included. */
export function IdeaHistory({ ideaId }: { ideaId: string }) {
  const { t } = useTranslation();
  const labels = useIdeaLabels();
  const history = useIdeaHistory(ideaId);
  const valueInWords = (field: (typeof FIELDS)[number], value: unknown): string => {
    if (!Array.isArray(value)) return `„${String(value)}“`;
    if (value.length === 0) return t('idea.history.none');
    return value.map((item: string) => (field === 'stages' ? labels.stage(item) : item)).join(', ');
  };
  const describe = (type: string, data: Record<string, unknown>): string[] => {
    switch (type) {
      case 'IdeaRevised': {
        const changes = data['changes'] as Content;
        const previous = data['previous'] as Content;
        return FIELDS.filter((field) => field in changes).map((field) =>
          t('idea.history.changed', {
            field: t(`idea.history.field.${field}`),
            from: valueInWords(field, previous[field]),
            to: valueInWords(field, changes[field]),
          }),
        );
      }
      case 'IdeaWithdrawn':
        return [
          t('idea.history.withdrawn', {
            reason: labels.reason(data['reason'] as never),
            explanation: String(data['explanation']),
          }),
        ];
      case 'CommentEdited':
        return [t('idea.history.commentEdited', { from: String(data['previousText']), to: String(data['text']) })];
      case 'IdeaEndorsed':
      case 'EndorsementWithdrawn':
        return [t(`idea.history.event.${type}`, { actor: String(data['actorId']) })];
      default:
        return [t(`idea.history.event.${type}`, { defaultValue: type })];
    }
  };
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading" className="kern-heading-medium">
        {t('idea.history.title')}
      </h2>
      <QueryProblem query={history} />
      {history.data ? (
        <ol className="kern-list idea-history">
          {history.data.items.map((entry) => (
            <li key={entry.eventId} className="idea-history__entry">
              <p className="kern-body kern-body--muted">
                {t('idea.history.meta', {
                  at: formatTimestamp(entry.recordedAt),
                  actor: entry.actor.id,
                  role: t(`role.${entry.actor.role}`, { defaultValue: entry.actor.role }),
                })}
              </p>
              {describe(entry.type, entry.data as Record<string, unknown>).map((line) => (
                <p key={line} className="kern-body">
                  {line}
                </p>
              ))}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
