import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IdeaView, useLineage } from './idea-queries';
import { useIdeaLabels } from './labels';

type Idea = IdeaView['idea'];

/** Herkunft: the ideas a bundle merges or an idea came from, and what became of it; every step linked. */
export function IdeaLineage({ ideaId, view }: { ideaId: string; view: IdeaView }) {
  const idea: Idea = view.idea;
  const { t } = useTranslation();
  const labels = useIdeaLabels();
  const related = Boolean(idea.bundle || idea.bundledInto || idea.splitFrom || idea.splitInto);
  const lineage = useLineage(ideaId);
  if (!related || !lineage.data) return null;
  const title = (id: string) => lineage.data.nodes.find((node) => node.ideaId === id)?.title ?? id;
  const status = (id: string) => {
    const node = lineage.data.nodes.find((candidate) => candidate.ideaId === id);
    return node ? labels.status(node.status) : '';
  };
  const link = (id: string) =>
    id === ideaId ? (
      <strong>{title(id)}</strong>
    ) : (
      <Link className="kern-link" to={`/ideen/${id}`}>
        {title(id)}
      </Link>
    );
  return (
    <section aria-labelledby="lineage-heading">
      <h2 id="lineage-heading" className="kern-heading-medium">
        {t('idea.lineage.title')}
      </h2>
      {idea.bundle ? (
        <p className="kern-body">{t('idea.lineage.bundleReason', { reason: idea.bundle.reason })}</p>
      ) : null}
      {idea.coAuthors.length > 0 ? (
        <p className="kern-body">
          {t('idea.lineage.coAuthors', {
            authors: idea.coAuthors
              .map((author) =>
                author.kind === 'coordinator'
                  ? t('idea.submittedByOffice', { id: author.id })
                  : (view.actors[author.id]?.name ?? author.id),
              )
              .join(', '),
          })}
        </p>
      ) : null}
      <ul className="kern-list" data-testid="lineage">
        {lineage.data.edges.map((edge) => (
          <li key={`${edge.from}>${edge.to}`} className="kern-body">
            {link(edge.from)}
            {/* a source merged and not undone is "gebündelt" by the very words that follow */}
            {edge.kind === 'merged' && !edge.undone ? '' : ` (${status(edge.from)})`}{' '}
            {edge.kind === 'merged'
              ? edge.undone
                ? t('idea.lineage.mergedUndone')
                : t('idea.lineage.merged')
              : t('idea.lineage.split', { carries: edge.carries })}{' '}
            {link(edge.to)} ({status(edge.to)})
          </li>
        ))}
      </ul>
    </section>
  );
}
