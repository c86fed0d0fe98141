import type { Person } from '../auth/session';
import { parseGermanNumber } from '../lib/format';
import type { Goal, GoalStatus } from './goal-types';

/** Every step of a goal's lifecycle that a form on the goal page records. */
export const ACTIONS = [
  'propose',
  'consent',
  'agree',
  'revise',
  'milestone',
  'progress',
  'correction',
  'suspend',
  'resume',
  'close',
  'cancel',
] as const;
export type Action = (typeof ACTIONS)[number];

/** The statuses each step is possible in; the goals service decides again and has the last word. */
const ALLOWED_IN: Record<Action, readonly GoalStatus[]> = {
  propose: ['draft'],
  consent: ['proposed'],
  agree: ['proposed'],
  revise: ['draft', 'proposed', 'agreed'],
  milestone: ['draft', 'proposed', 'agreed', 'suspended'],
  progress: ['agreed'],
  correction: ['agreed', 'suspended'],
  suspend: ['proposed', 'agreed'],
  resume: ['suspended'],
  close: ['agreed'],
  cancel: ['draft', 'proposed', 'agreed', 'suspended'],
};

/** The parties that have not consented yet; an actor only ever consents for itself. */
export function partiesAwaitingConsent(goal: Goal, person: Person): { id: string; name: string }[] {
  return (goal.terms?.parties ?? []).filter(
    (party) => !goal.consents.includes(party.id) && (person.role !== 'actor' || party.id === person.actorId),
  );
}

/** What the person may do to the goal now: by its status, their role and, for actors, their party. */
export function availableActions(goal: Goal, person: Person): Action[] {
  if (goal.status === 'none' || person.role === 'auditor') return [];
  const isParty = goal.terms?.parties.some((party) => party.id === person.actorId) ?? false;
  return ACTIONS.filter((action) => {
    if (!ALLOWED_IN[action].includes(goal.status as GoalStatus)) return false;
    if (action === 'consent') return partiesAwaitingConsent(goal, person).length > 0;
    if (action === 'agree') return person.role !== 'actor' && partiesAwaitingConsent(goal, person).length === 0;
    if (action === 'correction') return person.role !== 'actor' && goal.progress.length > 0;
    if (person.role === 'actor') return isParty && action === 'progress';
    return true;
  });
}

export type FieldKind = 'text' | 'textarea' | 'number' | 'date' | 'party' | 'progress' | 'outcome';

export interface FieldSpec {
  /** The field's path in the request body, e.g. `changes.target.value`; server errors name the same path. */
  readonly name: string;
  readonly kind: FieldKind;
  readonly required: boolean;
}

const text = (name: string, required = false): FieldSpec => ({ name, kind: 'text', required });
const reason = (required: boolean): FieldSpec => ({ name: 'reason', kind: 'textarea', required });
const decision: FieldSpec[] = [text('authority'), { name: 'effectiveOn', kind: 'date', required: false }];

/** The fields of each step's form, in the order they are shown. */
export const ACTION_FIELDS: Record<Action, readonly FieldSpec[]> = {
  propose: [],
  consent: [{ name: 'partyId', kind: 'party', required: true }],
  agree: [text('authority', true), { name: 'effectiveOn', kind: 'date', required: true }],
  revise: [
    reason(true),
    text('changes.title'),
    { name: 'changes.description', kind: 'textarea', required: false },
    { name: 'changes.target.value', kind: 'number', required: false },
    { name: 'changes.target.dueDate', kind: 'date', required: false },
    ...decision,
  ],
  milestone: [
    { name: 'date', kind: 'date', required: true },
    { name: 'value', kind: 'number', required: true },
  ],
  progress: [
    { name: 'value', kind: 'number', required: true },
    { name: 'asOf', kind: 'date', required: true },
    { name: 'note', kind: 'textarea', required: false },
  ],
  correction: [
    { name: 'progressId', kind: 'progress', required: true },
    { name: 'value', kind: 'number', required: true },
    reason(true),
  ],
  suspend: [reason(true), ...decision],
  resume: [reason(false), ...decision],
  close: [{ name: 'outcome', kind: 'outcome', required: true }, reason(true), ...decision],
  cancel: [reason(true), ...decision],
};

/** Why a field's value cannot be sent, as a message key. */
export type FieldProblem = 'required' | 'notChosen' | 'notANumber' | 'notADate' | 'targetNeedsBoth';

export type FormResult =
  | { readonly ok: true; readonly body: Record<string, unknown> }
  | { readonly ok: false; readonly problems: Record<string, FieldProblem> };

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1] as string] = value;
}

/**
 * Turns what was typed into the step's request body: numbers read the German way, empty optional
 * fields left out; or the problems by field, so nothing is sent.
 */
export function formToBody(action: Action, values: Readonly<Record<string, string>>): FormResult {
  const body: Record<string, unknown> = {};
  const problems: Record<string, FieldProblem> = {};
  for (const field of ACTION_FIELDS[action]) {
    const raw = (values[field.name] ?? '').trim();
    if (raw === '') {
      if (field.required) problems[field.name] = 'required';
      continue;
    }
    if (field.kind === 'number') {
      const number = parseGermanNumber(raw);
      if (number === null) problems[field.name] = 'notANumber';
      else setPath(body, field.name, number);
    } else if (field.kind === 'date') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(raw))) problems[field.name] = 'notADate';
      else setPath(body, field.name, raw);
    } else {
      setPath(body, field.name, raw);
    }
  }
  // A new target is a value and a date together.
  const target = (body['changes'] as { target?: Record<string, unknown> } | undefined)?.target;
  if (target && (target['value'] === undefined || target['dueDate'] === undefined)) {
    const missing = target['value'] === undefined ? 'changes.target.value' : 'changes.target.dueDate';
    problems[missing] ??= 'targetNeedsBoth';
  }
  if (action === 'revise' && !body['changes']) body['changes'] = {};
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, body };
}
