import { parseGermanNumber } from '../lib/format';
import type { DraftBody, EducationStage } from './goal-types';
import type { FieldProblem } from './lifecycle';

export interface DraftForm {
  readonly title: string;
  readonly description: string;
  readonly stage: string;
  readonly region: string;
  readonly unit: string;
  readonly direction: string;
  readonly baselineValue: string;
  readonly baselineDate: string;
  readonly targetValue: string;
  readonly targetDate: string;
  readonly indicator: string;
  readonly parties: readonly { readonly id: string; readonly name: string; readonly role: string }[];
}

export const EMPTY_DRAFT: DraftForm = {
  title: '',
  description: '',
  stage: '',
  region: '',
  unit: '',
  direction: 'higher',
  baselineValue: '',
  baselineDate: '',
  targetValue: '',
  targetDate: '',
  indicator: '',
  parties: [{ id: '', name: '', role: 'responsible' }],
};

/** The problems by the API's field path (`target.value`, `parties.0.id`), so server errors land on the same fields. */
export type DraftResult = { ok: true; body: DraftBody } | { ok: false; problems: Record<string, FieldProblem> };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The draft form as the body of POST /goals, or the fields that cannot be sent. */
export function draftFormToBody(form: DraftForm): DraftResult {
  const problems: Record<string, FieldProblem> = {};
  const required = (path: string, value: string) => {
    if (value.trim() === '') problems[path] = 'required';
    return value.trim();
  };
  const chosen = (path: string, value: string) => {
    if (value === '') problems[path] = 'notChosen';
    return value;
  };
  const number = (path: string, value: string) => {
    if (value.trim() === '') {
      problems[path] = 'required';
      return 0;
    }
    const parsed = parseGermanNumber(value);
    if (parsed === null) problems[path] = 'notANumber';
    return parsed ?? 0;
  };
  const date = (path: string, value: string) => {
    if (value.trim() === '') problems[path] = 'required';
    else if (!DATE.test(value.trim())) problems[path] = 'notADate';
    return value.trim();
  };
  const body: DraftBody = {
    title: required('title', form.title),
    description: required('description', form.description),
    stage: chosen('stage', form.stage) as EducationStage,
    regionKeys: [chosen('regionKeys', form.region)],
    unit: required('unit', form.unit),
    direction: form.direction === 'lower' ? 'lower' : 'higher',
    baseline: { value: number('baseline.value', form.baselineValue), date: date('baseline.date', form.baselineDate) },
    target: { value: number('target.value', form.targetValue), dueDate: date('target.dueDate', form.targetDate) },
    parties: form.parties.map((party, index) => ({
      id: required(`parties.${index}.id`, party.id),
      name: required(`parties.${index}.name`, party.name),
      role: party.role === 'contributing' ? 'contributing' : 'responsible',
    })),
    ...(form.indicator.trim() ? { indicator: { key: form.indicator.trim(), regionKey: form.region } } : {}),
  };
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, body };
}

/** The form prefilled with the terms a draft has so far (a draft promoted from an idea lacks some). */
export function draftFormFrom(terms: Partial<DraftBody>): DraftForm {
  const text = (value: number | undefined) => (value === undefined ? '' : String(value).replace('.', ','));
  return {
    ...EMPTY_DRAFT,
    title: terms.title ?? '',
    description: terms.description ?? '',
    stage: terms.stage ?? '',
    region: terms.regionKeys?.[0] ?? '',
    unit: terms.unit ?? '',
    direction: terms.direction ?? 'higher',
    baselineValue: text(terms.baseline?.value),
    baselineDate: terms.baseline?.date ?? '',
    targetValue: text(terms.target?.value),
    targetDate: terms.target?.dueDate ?? '',
    indicator: terms.indicator?.key ?? '',
    parties: terms.parties && terms.parties.length > 0 ? terms.parties : EMPTY_DRAFT.parties,
  };
}
