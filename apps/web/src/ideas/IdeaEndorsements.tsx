import { useTranslation } from 'react-i18next';
import type { Person } from '../auth/session';
import { CommandProblem, useCommandErrors } from '../shell/CommandProblem';
import { mayEndorse } from './access';
import { IdeaView, useIdea, useIdeaStep } from './idea-queries';

type Idea = IdeaView['idea'];

/** Unterstützung: which organisations back the idea; an actor gives or withdraws its own. */
export function IdeaEndorsements({
  ideaId,
  idea,
  person,
  total,
}: {
  ideaId: string;
  idea: Idea;
  person: Person;
  /** With a bundle's, the endorsements its sources keep. */
  total: number;
}) {
  const { t } = useTranslation();
  const step = useIdeaStep(ideaId);
  const reload = useIdea(ideaId).refetch;
  const { problem, clear, fail } = useCommandErrors();
  const own = person.actorId !== undefined && idea.endorsements.includes(person.actorId);
  const run = async (action: () => Promise<unknown>) => {
    clear();
    try {
      await action();
    } catch (error) {
      fail(error);
    }
  };
  return (
    <section aria-labelledby="endorsements-heading">
      <h2 id="endorsements-heading" className="kern-heading-medium">
        {t('idea.endorsementsTitle', { count: idea.endorsements.length })}
      </h2>
      {idea.endorsements.length > 0 ? (
        <ul className="kern-list">
          {idea.endorsements.map((actorId) => (
            <li key={actorId} className="kern-body">
              {actorId}
            </li>
          ))}
        </ul>
      ) : (
        <p className="kern-body">{t('idea.noEndorsements')}</p>
      )}
      {total > idea.endorsements.length ? (
        <p className="kern-body">{t('idea.endorsementsLinked', { count: total - idea.endorsements.length, total })}</p>
      ) : null}
      {problem ? <CommandProblem problem={problem} onReload={() => void reload()} staleText={t('idea.stale')} /> : null}
      {own ? (
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          disabled={step.isPending}
          onClick={() =>
            void run(() => step.mutateAsync({ kind: 'withdrawEndorsement', actorId: person.actorId as string }))
          }
        >
          <span className="kern-label">{t('idea.endorse.withdraw')}</span>
        </button>
      ) : mayEndorse(person, idea) ? (
        <button
          type="button"
          className="kern-btn kern-btn--primary"
          disabled={step.isPending}
          onClick={() => void run(() => step.mutateAsync({ kind: 'endorse' }))}
        >
          <span className="kern-label">{t('idea.endorse.button')}</span>
        </button>
      ) : null}
    </section>
  );
}
