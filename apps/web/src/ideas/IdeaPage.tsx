import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryProblem } from '../goals/QueryProblem';
import { useRegionName } from '../monitoring/monitoring-queries';
import { usePerson } from '../shell/AuthProvider';
import { useDataReady } from '../shell/data-ready';
import { usePageTitle } from '../shell/page-title';
import { Alert, Badge, SyntheticNotice } from '../shell/ui';
import { IdeaActions } from './IdeaActions';
import { IdeaComments } from './IdeaComments';
import { IdeaDecision } from './IdeaDecision';
import { IdeaEvaluation } from './IdeaEvaluation';
import { IdeaLineage } from './IdeaLineage';
import { IdeaEndorsements } from './IdeaEndorsements';
import { IdeaHistory } from './IdeaHistory';
import { useIdea } from './idea-queries';
import { SAMPLE_TAG, STATUS_BADGE, useIdeaLabels } from './labels';

/** One idea: what it says, who stands behind it, the conversation about it, and every change. */
export function IdeaPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const labels = useIdeaLabels();
  const person = usePerson();
  const view = useIdea(id);
  const regionName = useRegionName();
  const idea = view.data?.idea;
  usePageTitle(idea?.content.title ?? t('idea.page'));
  useDataReady(Boolean(view.data));
  return (
    <>
      <p>
        <Link className="kern-link" to="/ideen">
          {t('idea.back')}
        </Link>
      </p>
      <QueryProblem query={view} />
      {view.data && idea ? (
        <>
          <div className="page-heading">
            <h1 className="kern-heading-large">{idea.content.title}</h1>
            <Badge kind={STATUS_BADGE[idea.status]}>{labels.status(idea.status)}</Badge>
            {idea.decision ? <Badge kind="info">{t(`idea.decision.outcome.${idea.decision.outcome}`)}</Badge> : null}
          </div>
          {idea.content.tags.includes(SAMPLE_TAG) ? <SyntheticNotice /> : null}
          {view.data.integrity.intact ? null : (
            <Alert kind="danger" title={t('idea.tampered.title')}>
              <p className="kern-body">{t('idea.tampered.text')}</p>
            </Alert>
          )}
          {idea.withdrawal ? (
            <Alert kind="warning" title={t('idea.withdrawn.title', { reason: labels.reason(idea.withdrawal.reason) })}>
              <p className="kern-body">{idea.withdrawal.explanation}</p>
              {idea.withdrawal.duplicateOf ? (
                <p className="kern-body">
                  <Link className="kern-link" to={`/ideen/${idea.withdrawal.duplicateOf}`}>
                    {t('idea.withdrawn.inFavourOf')}
                  </Link>
                </p>
              ) : null}
            </Alert>
          ) : null}
          {idea.bundledInto ? (
            <Alert kind="info" title={t('idea.bundledInto.title')}>
              <p className="kern-body">
                <Link className="kern-link" to={`/ideen/${idea.bundledInto}`}>
                  {t('idea.bundledInto.link')}
                </Link>
              </p>
            </Alert>
          ) : null}
          <p className="kern-body idea-description">{idea.content.description}</p>
          <dl className="kern-description-list">
            <div className="kern-description-list-item">
              <dt className="kern-description-list-item__key">{t('idea.stages')}</dt>
              <dd className="kern-description-list-item__value">{idea.content.stages.map(labels.stage).join(', ')}</dd>
            </div>
            <div className="kern-description-list-item">
              <dt className="kern-description-list-item__key">{t('idea.regions')}</dt>
              <dd className="kern-description-list-item__value">
                {idea.content.regionKeys.length > 0
                  ? idea.content.regionKeys.map(regionName).join(', ')
                  : t('idea.noRegion')}
              </dd>
            </div>
            <div className="kern-description-list-item">
              <dt className="kern-description-list-item__key">{t('idea.tags')}</dt>
              <dd className="kern-description-list-item__value">
                {idea.content.tags.length > 0 ? idea.content.tags.join(', ') : t('idea.noTags')}
              </dd>
            </div>
            <div className="kern-description-list-item">
              <dt className="kern-description-list-item__key">{t('idea.submitter')}</dt>
              <dd className="kern-description-list-item__value">
                {idea.submitter.kind === 'coordinator' ? (
                  t('idea.submittedByOffice', { id: idea.submitter.id })
                ) : view.data?.actors[idea.submitter.id] ? (
                  <Link className="kern-link" to={`/akteure/${idea.submitter.id}`}>
                    {view.data.actors[idea.submitter.id]?.name}
                  </Link>
                ) : (
                  idea.submitter.id
                )}
              </dd>
            </div>
          </dl>
          <IdeaLineage ideaId={id} view={view.data} />
          <IdeaDecision ideaId={id} idea={idea} person={person} />
          <IdeaEvaluation ideaId={id} view={view.data} person={person} />
          <IdeaActions ideaId={id} idea={idea} person={person} />
          <IdeaEndorsements ideaId={id} idea={idea} person={person} total={view.data.endorsementTotal} />
          <IdeaComments ideaId={id} idea={idea} person={person} />
          <IdeaHistory ideaId={id} />
        </>
      ) : null}
    </>
  );
}
