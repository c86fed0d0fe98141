import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryProblem } from '../goals/QueryProblem';
import { useDuplicatePairs } from './idea-queries';
import { useIdeaLabels } from './labels';

/** Pairs of open ideas that read alike, for the office to bundle or ask an author to withdraw. */
export function DuplicatePairs() {
  const { t } = useTranslation();
  const labels = useIdeaLabels();
  const pairs = useDuplicatePairs();
  return (
    <section aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading" className="kern-heading-medium">
        {t('ideas.duplicates.title')}
      </h2>
      <p className="kern-body kern-body--muted">{t('ideas.duplicates.hint')}</p>
      <QueryProblem query={pairs} />
      {pairs.data ? (
        pairs.data.items.length === 0 ? (
          <p className="kern-body">{t('ideas.duplicates.none')}</p>
        ) : (
          <ul className="kern-list">
            {pairs.data.items.map((pair) => (
              <li key={pair.ideas.map((idea) => idea.ideaId).join(' ')} className="kern-body">
                {pair.ideas.map((idea, index) => (
                  <span key={idea.ideaId}>
                    {index > 0 ? ` ${t('ideas.duplicates.and')} ` : null}
                    <Link className="kern-link" to={`/ideen/${idea.ideaId}`}>
                      {idea.title}
                    </Link>
                  </span>
                ))}{' '}
                – {labels.level(pair.level)} ({t('ideas.similar.score', { percent: Math.round(pair.score * 100) })};{' '}
                {t('ideas.similar.terms', { terms: pair.matchedTerms.join(', ') })})
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
