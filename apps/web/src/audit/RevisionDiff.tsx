import { useTranslation } from 'react-i18next';
import { formatTimestamp } from '../lib/format';
import { QueryProblem } from '../goals/QueryProblem';
import { TextField } from '../shell/ui';
import { useGoalDiff } from './audit-queries';
import { changeInWords, Vocabulary } from './audit-words';
import { useAddressField } from '../shell/url-filters';

function revisionOf(text: string | null): number | undefined {
  return text !== null && /^\d{1,7}$/.test(text) ? Number(text) : undefined;
}

/** What changed between two revisions, as sentences, and which events made the change. */
export function RevisionDiff({ goalId, words }: { goalId: string; words: Vocabulary }) {
  const { t } = useTranslation();
  const [fromTyped, setFrom, fromText] = useAddressField('von');
  const [toTyped, setTo, toText] = useAddressField('bis');
  const from = revisionOf(fromText);
  const to = revisionOf(toText);
  const ordered = from !== undefined && to !== undefined && from < to;
  const diff = useGoalDiff(goalId, ordered ? from : 0, ordered ? to : 0);
  const error = (text: string, value: number | undefined) =>
    text !== '' && value === undefined ? t('audit.revisionInvalid') : undefined;
  return (
    <section aria-labelledby="diff-heading">
      <h2 id="diff-heading" className="kern-heading-medium">
        {t('audit.diff')}
      </h2>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <TextField
          label={t('audit.fromRevision')}
          name="von"
          inputMode="numeric"
          value={fromTyped}
          onChange={setFrom}
          error={error(fromText, from)}
        />
        <TextField
          label={t('audit.toRevision')}
          name="bis"
          inputMode="numeric"
          value={toTyped}
          onChange={setTo}
          error={
            error(toText, to) ??
            (from !== undefined && to !== undefined && from >= to ? t('audit.revisionOrder') : undefined)
          }
        />
      </form>
      {!ordered ? <p className="kern-body">{t('audit.diffHint')}</p> : null}
      {ordered ? <QueryProblem query={diff} /> : null}
      {ordered && diff.isPending ? <p role="status">{t('loading')}</p> : null}
      {ordered && diff.data ? (
        <div data-testid="diff">
          <h3 className="kern-heading-small">{t('audit.changesBetween', { from, to })}</h3>
          {diff.data.changes.length === 0 ? (
            <p className="kern-body">{t('audit.noChanges')}</p>
          ) : (
            <ul className="kern-list">
              {diff.data.changes.map((change) => (
                <li key={`${change.kind}-${change.path}`}>{changeInWords(change, words)}</li>
              ))}
            </ul>
          )}
          <h3 className="kern-heading-small">{t('audit.eventsBetween')}</h3>
          <ol className="kern-list">
            {diff.data.events.map((entry) => (
              <li key={entry.eventId}>
                {t('audit.eventLine', {
                  revision: entry.revision,
                  event: t(`audit.event.${entry.type}`, { defaultValue: entry.type }),
                  when: formatTimestamp(entry.recordedAt),
                  who: entry.actor.id,
                })}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}
