import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldErrorsOf, Problem } from '../api/problem';
import { Alert } from './ui';

/**
 * Why a command was refused, in words, with what to do next; a stale If-Match says what changed in
 * `staleText` and offers to reload.
 */
export function CommandProblem({
  problem,
  onReload,
  staleText,
}: {
  problem: Problem;
  onReload: () => void;
  staleText: string;
}) {
  const { t } = useTranslation();
  if (problem.code === 'stale-revision')
    return (
      <Alert kind="danger" title={t('step.rejected')}>
        <p className="kern-body">{staleText}</p>
        <button type="button" className="kern-btn kern-btn--secondary" onClick={onReload}>
          <span className="kern-label">{t('step.stale.reload')}</span>
        </button>
      </Alert>
    );
  return (
    <Alert kind="danger" title={t('step.rejected')}>
      <p className="kern-body">
        {t(`problem.code.${problem.code}`, { defaultValue: t('problem.serviceSays', { detail: problem.detail }) })}
      </p>
    </Alert>
  );
}

/**
 * Above a form that creates something: why the service refused it, or how many fields to check.
 */
export function FormProblems({
  problem,
  fieldErrors,
}: {
  problem: Problem | undefined;
  fieldErrors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const count = Object.keys(fieldErrors).length;
  return (
    <>
      {problem ? (
        <Alert kind="danger" title={t('step.rejected')}>
          <p className="kern-body">
            {t(`problem.code.${problem.code}`, { defaultValue: t('problem.serviceSays', { detail: problem.detail }) })}
          </p>
        </Alert>
      ) : null}
      {count > 0 ? <Alert kind="danger" title={t('form.checkFields', { count })} /> : null}
    </>
  );
}

/**
 * The errors of a command form: messages at the fields, or one problem for the whole form. `fail`
 * sorts a refusal into them; an answer that never came is a problem too.
 */
export function useCommandErrors() {
  const { t } = useTranslation();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | undefined>();
  return {
    fieldErrors,
    problem,
    setFieldErrors,
    clear: () => {
      setFieldErrors({});
      setProblem(undefined);
    },
    fail: (error: unknown) => {
      if (!(error instanceof ApiError)) return setProblem({ status: 0, code: 'unavailable', detail: String(error) });
      const fields = fieldErrorsOf(error.problem);
      if (Object.keys(fields).length === 0) return setProblem(error.problem);
      setFieldErrors(
        Object.fromEntries(
          Object.entries(fields).map(([field, message]) => [field, t('problem.fieldSays', { message })]),
        ),
      );
    },
  };
}
