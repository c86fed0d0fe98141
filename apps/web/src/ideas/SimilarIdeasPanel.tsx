import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../shell/ui';
import { highlightParts } from './idea-form';
import type { SimilarIdea } from './idea-queries';
import { useIdeaLabels } from './labels';

function Highlighted({ text, words }: { text: string; words: readonly string[] }) {
  return (
    <>
      {highlightParts(text, words).map((part, index) =>
        part.matched ? <mark key={index}>{part.text}</mark> : part.text,
      )}
    </>
  );
}

/**
 * The open ideas that read like what is being typed, best first, with the words they share marked.
 * The count is announced politely, so a screen reader hears it without losing its place.
 */
export function SimilarIdeasPanel({
  items,
  searching,
}: {
  items: readonly SimilarIdea[] | undefined;
  searching: boolean;
}) {
  const { t } = useTranslation();
  const labels = useIdeaLabels();
  return (
    <section aria-labelledby="similar-heading" className="similar-ideas" data-testid="similar-ideas">
      <h2 id="similar-heading" className="kern-heading-small">
        {t('ideas.similar.title')}
      </h2>
      <p className="kern-body" role="status" aria-live="polite">
        {items === undefined
          ? t('ideas.similar.start')
          : searching
            ? t('ideas.similar.searching')
            : t('ideas.similar.count', { count: items.length })}
      </p>
      {items && items.length > 0 ? (
        <ul className="kern-list similar-ideas__list">
          {items.map((idea) => (
            <li key={idea.ideaId} className="similar-ideas__item">
              <Link className="kern-link" to={`/ideen/${idea.ideaId}`} target="_blank" rel="noopener">
                <Highlighted text={idea.title} words={idea.matchedTerms} />
                <span className="kern-sr-only"> {t('ideas.similar.opensNewTab')}</span>
              </Link>{' '}
              {idea.level ? (
                <Badge kind={idea.level === 'likely-duplicate' ? 'warning' : 'info'}>{labels.level(idea.level)}</Badge>
              ) : null}
              <p className="kern-body kern-body--muted">
                {t('ideas.similar.score', { percent: Math.round(idea.score * 100) })} ·{' '}
                {t('ideas.similar.terms', { terms: idea.matchedTerms.join(', ') })}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
