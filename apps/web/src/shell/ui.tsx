import { ReactNode, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

type AlertKind = 'info' | 'success' | 'warning' | 'danger';

/** A KERN alert; errors are announced at once, everything else politely. */
export function Alert({ kind, title, children }: { kind: AlertKind; title: string; children?: ReactNode }) {
  return (
    <div className={`kern-alert kern-alert--${kind}`} role={kind === 'danger' ? 'alert' : 'status'}>
      <div className="kern-alert__header">
        <span className={`kern-icon kern-icon--${kind}`} aria-hidden="true" />
        <span className="kern-title">{title}</span>
      </div>
      {children ? <div className="kern-alert__body">{children}</div> : null}
    </div>
  );
}

/** Shown wherever sample data is: it must never pass for official figures. */
export function SyntheticNotice() {
  const { t } = useTranslation();
  return (
    <p className="kern-badge kern-badge--warning synthetic-notice">
      <span className="kern-label">{t('synthetic')}</span>
    </p>
  );
}

interface FieldProps {
  readonly label: string;
  readonly name: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly required?: boolean;
  readonly hint?: string;
  readonly error?: string;
}

/** Label, hint, error and control wired for assistive technology; required fields say so in words. */
function FieldFrame({
  label,
  required,
  hint,
  error,
  children,
}: Omit<FieldProps, 'name' | 'value' | 'onChange'> & {
  children: (ids: { id: string; describedBy: string | undefined }) => ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={id}>
        {label} <span className="kern-label__optional">{required ? t('form.required') : t('form.optional')}</span>
      </label>
      {hint ? (
        <div className="kern-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p className="kern-error" id={`${id}-error`}>
          <span className="kern-icon kern-icon--danger" aria-hidden="true" />
          <span className="kern-body">{error}</span>
        </p>
      ) : null}
      {children({ id, describedBy })}
    </div>
  );
}

/** A one-line field, or with `multiline` a text area for reasons and descriptions. */
export function TextField(
  props: FieldProps & { type?: 'text' | 'date' | 'search'; inputMode?: 'decimal' | 'numeric'; multiline?: boolean },
) {
  return (
    <FieldFrame {...props}>
      {({ id, describedBy }) => {
        const common = {
          id,
          name: props.name,
          className: `kern-form-input__input${props.error ? ' kern-form-input__input--error' : ''}`,
          value: props.value,
          'aria-describedby': describedBy,
          'aria-invalid': props.error ? true : undefined,
          'aria-required': props.required || undefined,
        };
        return props.multiline ? (
          <textarea {...common} rows={3} onChange={(event) => props.onChange(event.target.value)} />
        ) : (
          <input
            {...common}
            type={props.type ?? 'text'}
            inputMode={props.inputMode}
            onChange={(event) => props.onChange(event.target.value)}
          />
        );
      }}
    </FieldFrame>
  );
}

export interface Option {
  readonly value: string;
  readonly label: string;
}

export function SelectField(props: FieldProps & { options: readonly Option[]; emptyLabel?: string }) {
  return (
    <FieldFrame {...props}>
      {({ id, describedBy }) => (
        <div className="kern-form-input__select-wrapper">
          <select
            id={id}
            name={props.name}
            className={`kern-form-input__select${props.error ? ' kern-form-input__select--error' : ''}`}
            value={props.value}
            onChange={(event) => props.onChange(event.target.value)}
            aria-describedby={describedBy}
            aria-invalid={props.error ? true : undefined}
            aria-required={props.required || undefined}
          >
            {props.emptyLabel !== undefined ? <option value="">{props.emptyLabel}</option> : null}
            {props.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      )}
    </FieldFrame>
  );
}

/** The frame of a group of choices: the legend names it, says whether it is required, and carries hint and error. */
function ChoiceFieldset({
  label,
  required,
  hint,
  error,
  children,
}: Omit<FieldProps, 'name' | 'value' | 'onChange'> & { children: ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`} aria-describedby={describedBy}>
      <legend className="kern-label">
        {label} <span className="kern-label__optional">{required ? t('form.required') : t('form.optional')}</span>
      </legend>
      {hint ? (
        <div className="kern-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p className="kern-error" id={`${id}-error`}>
          <span className="kern-icon kern-icon--danger" aria-hidden="true" />
          <span className="kern-body">{error}</span>
        </p>
      ) : null}
      <div className="kern-fieldset__body">{children}</div>
    </fieldset>
  );
}

export function RadioGroup(props: FieldProps & { options: readonly Option[] }) {
  const id = useId();
  return (
    <ChoiceFieldset {...props}>
      {props.options.map((option) => (
        <div className="kern-form-check" key={option.value}>
          <input
            className="kern-form-check__radio"
            type="radio"
            id={`${id}-${option.value}`}
            name={props.name}
            value={option.value}
            checked={props.value === option.value}
            onChange={() => props.onChange(option.value)}
          />
          <label className="kern-label" htmlFor={`${id}-${option.value}`}>
            {option.label}
          </label>
        </div>
      ))}
    </ChoiceFieldset>
  );
}

/** Several choices of a list; the legend names the group, and a required group says so in words. */
export function CheckboxGroup(
  props: Omit<FieldProps, 'value' | 'onChange'> & {
    options: readonly Option[];
    values: readonly string[];
    onChange: (values: string[]) => void;
  },
) {
  const id = useId();
  const toggle = (value: string, checked: boolean) =>
    props.onChange(checked ? [...props.values, value] : props.values.filter((known) => known !== value));
  return (
    <ChoiceFieldset {...props}>
      {props.options.map((option) => (
        <div className="kern-form-check" key={option.value}>
          <input
            className="kern-form-check__checkbox"
            type="checkbox"
            id={`${id}-${option.value}`}
            name={props.name}
            value={option.value}
            checked={props.values.includes(option.value)}
            onChange={(event) => toggle(option.value, event.target.checked)}
          />
          <label className="kern-label" htmlFor={`${id}-${option.value}`}>
            {option.label}
          </label>
        </div>
      ))}
    </ChoiceFieldset>
  );
}

/** A status in words, with a colour that only repeats what the words say. */
export function Badge({ kind, children }: { kind: AlertKind; children: ReactNode }) {
  return (
    <span className={`kern-badge kern-badge--${kind}`}>
      <span className="kern-label">{children}</span>
    </span>
  );
}

/** The way back to the list of goals, above every goal page. */
export function BackToGoals() {
  const { t } = useTranslation();
  return (
    <p>
      <Link className="kern-link" to="/ziele">
        {t('goal.back')}
      </Link>
    </p>
  );
}

/**
 * A table that scrolls sideways inside its own box when the screen is too narrow for it. Only then
 * the box is a named region that takes the keyboard focus, so the hidden columns can be reached with
 * the arrow keys (WCAG 2.1.1) without adding a tab stop to every table that fits.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    // The observer reports every observed element once after layout, so nothing forces a layout here.
    const observer = new ResizeObserver(() => setScrolls(element.scrollWidth > element.clientWidth));
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={box}
      className="kern-table-responsive"
      {...(scrolls ? { role: 'region', 'aria-label': label, tabIndex: 0 } : {})}
    >
      {children}
    </div>
  );
}

/** Previous and next page of a list, with where the person is; nothing when everything fits on one page. */
export function Pagination({
  label,
  page,
  pages,
  onPage,
}: {
  label: string;
  page: number;
  pages: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="pagination">
      <button
        type="button"
        className="kern-btn kern-btn--tertiary"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        <span className="kern-label">{t('pagination.previous')}</span>
      </button>
      <span className="kern-body">{t('pagination.pageOf', { page, pages })}</span>
      <button
        type="button"
        className="kern-btn kern-btn--tertiary"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        <span className="kern-label">{t('pagination.next')}</span>
      </button>
    </nav>
  );
}
