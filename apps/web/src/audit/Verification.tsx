import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/problem';
import { formatNumber, formatTimestamp } from '../lib/format';
import { QueryProblem } from '../goals/QueryProblem';
import { usePerson } from '../shell/AuthProvider';
import { Alert } from '../shell/ui';
import { useGoalVerification, useSealCheck, useSealNow, useVerifyAllGoals } from './audit-queries';

/** The verdict on one goal's hash chain, checked when the page opens. */
export function GoalVerification({ goalId }: { goalId: string }) {
  const { t } = useTranslation();
  const verification = useGoalVerification(goalId);
  const result = verification.data;
  return (
    <div data-testid="goal-verification">
      <QueryProblem query={verification} />
      {verification.isPending ? <p role="status">{t('audit.verifying')}</p> : null}
      {result?.valid ? (
        <Alert kind="success" title={t('audit.chainIntact')}>
          <p className="kern-body">
            {t('audit.chainIntactText', { count: result.eventsChecked, hash: result.headHash.slice(0, 16) })}
          </p>
        </Alert>
      ) : null}
      {result && !result.valid ? (
        <Alert kind="danger" title={t('audit.chainBroken')}>
          <p className="kern-body">
            {t('audit.chainBrokenText', {
              revision: result.firstBroken?.revision,
              reason: result.firstBroken?.problem.reason,
            })}
          </p>
        </Alert>
      ) : null}
    </div>
  );
}

/** The verdict on every goal's chain; run on request, as it reads the whole store. */
export function AllGoalsVerification() {
  const { t } = useTranslation();
  const verify = useVerifyAllGoals();
  const result = verify.data;
  return (
    <div data-testid="all-verification">
      <button
        type="button"
        className="kern-btn kern-btn--primary"
        onClick={() => verify.mutate()}
        disabled={verify.isPending}
      >
        <span className="kern-label">{t('audit.verifyAll')}</span>
      </button>
      {verify.isPending ? <p role="status">{t('audit.verifying')}</p> : null}
      {verify.error ? <QueryProblem query={{ error: verify.error, refetch: () => verify.mutate() }} /> : null}
      {result?.valid ? (
        <Alert kind="success" title={t('audit.allIntact')}>
          <p className="kern-body">
            {t('audit.allIntactText', {
              streams: formatNumber(result.streamsChecked),
              events: formatNumber(result.eventsChecked),
            })}
          </p>
        </Alert>
      ) : null}
      {result && !result.valid ? (
        <Alert kind="danger" title={t('audit.allBroken', { count: result.broken.length })}>
          <ul className="kern-list">
            {result.broken.map((broken) => (
              <li key={broken.streamId}>
                {t('audit.brokenStream', {
                  stream: broken.streamId,
                  revision: broken.revision,
                  reason: broken.problem.reason,
                })}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </div>
  );
}

/** The check of the store against the latest signed seal; only auditors and administrators may run it. */
export function SealVerdict({ streamId }: { streamId?: string }) {
  const { t } = useTranslation();
  const person = usePerson();
  const allowed = person.role === 'auditor' || person.role === 'admin';
  const seal = useSealCheck(allowed);
  const sealNow = useSealNow();
  const [sealed, setSealed] = useState(false);
  if (!allowed) return <p className="kern-body">{t('audit.sealForAuditors')}</p>;
  const noSeal = seal.error instanceof ApiError && seal.error.problem.status === 404;
  const result = seal.data;
  const concerned = (id: string) => streamId === undefined || id === streamId;
  const findings = result
    ? [
        ...result.brokenChains.filter((item) => concerned(item.streamId)).map((item) => item.streamId),
        ...result.rewrittenStreams.filter((item) => concerned(item.streamId)).map((item) => item.streamId),
        ...result.truncatedStreams.filter((item) => concerned(item.streamId)).map((item) => item.streamId),
        ...result.missingStreams.filter(concerned),
      ]
    : [];
  const intact =
    result !== undefined && result.seal.signatureValid && findings.length === 0 && (streamId ? true : result.valid);
  return (
    <div data-testid="seal-verdict">
      {seal.isPending ? <p role="status">{t('audit.verifying')}</p> : null}
      {noSeal ? (
        <Alert kind="info" title={t('audit.noSeal')}>
          <p className="kern-body">{t('audit.noSealText')}</p>
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            disabled={sealNow.isPending}
            onClick={() => sealNow.mutate(undefined, { onSuccess: () => setSealed(true) })}
          >
            <span className="kern-label">{t('audit.sealNow')}</span>
          </button>
        </Alert>
      ) : (
        <QueryProblem query={seal} />
      )}
      {sealNow.error ? <QueryProblem query={{ error: sealNow.error, refetch: () => sealNow.mutate() }} /> : null}
      {result ? (
        <Alert kind={intact ? 'success' : 'danger'} title={t(intact ? 'audit.sealConfirms' : 'audit.sealContradicts')}>
          <p className="kern-body">
            {t('audit.sealText', {
              sequence: result.seal.sequence,
              when: formatTimestamp(result.seal.sealedAt),
              signature: t(result.seal.signatureValid ? 'audit.signatureValid' : 'audit.signatureInvalid'),
              after: formatNumber(result.eventsAfterSeal),
            })}
          </p>
          {findings.length > 0 ? (
            <p className="kern-body">{t('audit.sealFindings', { streams: findings.join(', ') })}</p>
          ) : null}
          {sealed ? <p className="kern-body">{t('audit.sealMade')}</p> : null}
        </Alert>
      ) : null}
    </div>
  );
}
