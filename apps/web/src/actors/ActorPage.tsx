import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useGoalList } from '../goals/goal-queries';
import { QueryProblem } from '../goals/QueryProblem';
import { useIdeaList } from '../ideas/idea-queries';
import { useDataReady } from '../shell/data-ready';
import { usePageTitle } from '../shell/page-title';
import { Badge } from '../shell/ui';
import { OrganisationView, useActor } from './actor-queries';
import { ContactsSection } from './ContactsSection';
import { useActorLabels } from './labels';

/** An organisation: what the directory says, its contact persons, its networks, its goals and ideas. */
export function ActorPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const labels = useActorLabels();
  const actor = useActor(id);
  usePageTitle(actor.data?.name ?? t('actors.title'));
  useDataReady(Boolean(actor.data));
  const organisation = actor.data;
  return (
    <>
      <p>
        <Link className="kern-link" to="/akteure">
          {t('actors.back')}
        </Link>
      </p>
      <QueryProblem query={actor} />
      {organisation ? (
        <>
          <div className="page-heading">
            <h1 className="kern-heading-large">{organisation.name}</h1>
            <Badge kind={organisation.status === 'active' ? 'success' : 'info'}>
              {t(`actors.statusValue.${organisation.status}`)}
            </Badge>
          </div>
          <section aria-labelledby="details-heading">
            <h2 id="details-heading" className="kern-heading-medium">
              {t('actors.details')}
            </h2>
            <dl className="kern-description-list">
              {[
                [t('actors.id'), organisation.id],
                [t('actors.type'), labels.type(organisation.type)],
                [t('actors.region'), labels.region(organisation.regionKey)],
                [
                  t('actors.address'),
                  organisation.address
                    ? `${organisation.address.street}, ${organisation.address.postalCode} ${organisation.address.town}`
                    : t('actors.noAddress'),
                ],
              ].map(([key, value]) => (
                <div className="kern-description-list-item" key={key}>
                  <dt className="kern-description-list-item__key">{key}</dt>
                  <dd className="kern-description-list-item__value">{value}</dd>
                </div>
              ))}
            </dl>
          </section>
          <ContactsSection actorId={id} actorName={organisation.name} />
          <Memberships organisation={organisation} />
          <ActorGoals actorId={id} />
          <ActorIdeas actorId={id} />
        </>
      ) : null}
    </>
  );
}

function Memberships({ organisation }: { organisation: OrganisationView }) {
  const { t } = useTranslation();
  const labels = useActorLabels();
  return (
    <section aria-labelledby="networks-heading">
      <h2 id="networks-heading" className="kern-heading-medium">
        {t('actors.networks')}
      </h2>
      {organisation.networks.length > 0 ? (
        <ul className="kern-list">
          {organisation.networks.map((network) => (
            <li key={network.networkId}>
              <Link className="kern-link" to={`/netzwerke/${network.networkId}`}>
                {network.name}
              </Link>{' '}
              ({t(`networks.kinds.${network.kind}`)}, {labels.memberRole(network.role)})
            </li>
          ))}
        </ul>
      ) : (
        <p className="kern-body">{t('actors.noNetworks')}</p>
      )}
    </section>
  );
}

function ActorGoals({ actorId }: { actorId: string }) {
  const { t } = useTranslation();
  const goals = useGoalList({ party: actorId, limit: 100 });
  return (
    <section aria-labelledby="goals-heading">
      <h2 id="goals-heading" className="kern-heading-medium">
        {t('actors.goals')}
      </h2>
      <QueryProblem query={goals} />
      {goals.data && goals.data.items.length === 0 ? <p className="kern-body">{t('actors.noGoals')}</p> : null}
      {goals.data && goals.data.items.length > 0 ? (
        <ul className="kern-list">
          {goals.data.items.map((goal) => (
            <li key={goal.id}>
              <Link className="kern-link" to={`/ziele/${goal.id}`}>
                {goal.title}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function ActorIdeas({ actorId }: { actorId: string }) {
  const { t } = useTranslation();
  const ideas = useIdeaList({ submitter: actorId, limit: 100 });
  return (
    <section aria-labelledby="ideas-heading">
      <h2 id="ideas-heading" className="kern-heading-medium">
        {t('actors.ideas')}
      </h2>
      <QueryProblem query={ideas} />
      {ideas.data && ideas.data.items.length === 0 ? <p className="kern-body">{t('actors.noIdeas')}</p> : null}
      {ideas.data && ideas.data.items.length > 0 ? (
        <ul className="kern-list">
          {ideas.data.items.map((idea) => (
            <li key={idea.id}>
              <Link className="kern-link" to={`/ideen/${idea.id}`}>
                {idea.title}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
