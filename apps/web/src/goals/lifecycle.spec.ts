import type { Person } from '../auth/session';
import type { Goal } from './goal-types';
import { availableActions, formToBody, partiesAwaitingConsent } from './lifecycle';

const coordinator: Person = { id: 'k', name: 'K', role: 'coordinator' };
const auditor: Person = { id: 'p', name: 'P', role: 'auditor' };
const kita: Person = { id: 'kita', name: 'A', role: 'actor', actorId: 'kita' };
const outsider: Person = { id: 'vhs', name: 'O', role: 'actor', actorId: 'vhs' };

function goal(status: Goal['status'], consents: string[] = [], progress = 0): Goal {
  return {
    status,
    synthetic: false,
    consents,
    assessment: null,
    progress: Array.from({ length: progress }, (_, index) => ({
      progressId: `p-${index}`,
      value: 1,
      asOf: '2026-06-30',
      source: 'manual' as const,
    })),
    terms: {
      title: 'T',
      description: 'D',
      stage: 'weiterbildung',
      regionKeys: ['03459'],
      parties: [
        { id: 'kita', name: 'Kita', role: 'responsible' },
        { id: 'stadt', name: 'Stadt', role: 'contributing' },
      ],
      baseline: { value: 1, date: '2026-01-01' },
      target: { value: 2, dueDate: '2027-01-01' },
      milestones: [],
      unit: '%',
      direction: 'higher',
    },
  };
}

describe('the steps offered on a goal', () => {
  it('follows the status for coordinators', () => {
    expect(availableActions(goal('draft'), coordinator)).toEqual(['propose', 'revise', 'milestone', 'cancel']);
    expect(availableActions(goal('proposed', ['kita']), coordinator)).toEqual([
      'consent',
      'revise',
      'milestone',
      'suspend',
      'cancel',
    ]);
    expect(availableActions(goal('proposed', ['kita', 'stadt']), coordinator)).toEqual([
      'agree',
      'revise',
      'milestone',
      'suspend',
      'cancel',
    ]);
    expect(availableActions(goal('agreed', [], 1), coordinator)).toEqual([
      'revise',
      'milestone',
      'progress',
      'correction',
      'suspend',
      'close',
      'cancel',
    ]);
    expect(availableActions(goal('suspended'), coordinator)).toEqual(['milestone', 'resume', 'cancel']);
    expect(availableActions(goal('achieved'), coordinator)).toEqual([]);
  });

  it('gives an actor its own consent and progress only, and auditors nothing', () => {
    expect(availableActions(goal('proposed'), kita)).toEqual(['consent']);
    expect(partiesAwaitingConsent(goal('proposed'), kita)).toEqual([{ id: 'kita', name: 'Kita', role: 'responsible' }]);
    expect(availableActions(goal('proposed', ['kita']), kita)).toEqual([]);
    expect(availableActions(goal('agreed', [], 2), kita)).toEqual(['progress']);
    expect(availableActions(goal('agreed'), outsider)).toEqual([]);
    expect(availableActions(goal('agreed', [], 1), auditor)).toEqual([]);
  });
});

describe('a step’s form as a request body', () => {
  it('reads German numbers, keeps dates and leaves out empty optional fields', () => {
    expect(formToBody('progress', { value: '38,5', asOf: '2026-10-31', note: '' })).toEqual({
      ok: true,
      body: { value: 38.5, asOf: '2026-10-31' },
    });
    expect(
      formToBody('revise', {
        reason: 'Neuer Beschluss',
        'changes.target.value': '1.250',
        'changes.target.dueDate': '2028-12-31',
      }),
    ).toEqual({
      ok: true,
      body: { reason: 'Neuer Beschluss', changes: { target: { value: 1250, dueDate: '2028-12-31' } } },
    });
    expect(formToBody('propose', {})).toEqual({ ok: true, body: {} });
  });

  it('names every field it cannot send, and sends nothing', () => {
    expect(formToBody('progress', { value: 'viel', asOf: '' })).toEqual({
      ok: false,
      problems: { value: 'notANumber', asOf: 'required' },
    });
    expect(formToBody('agree', { authority: 'Kreisausschuss', effectiveOn: '31.12.2026' })).toEqual({
      ok: false,
      problems: { effectiveOn: 'notADate' },
    });
    expect(formToBody('revise', { reason: 'x', 'changes.target.value': '40' })).toEqual({
      ok: false,
      problems: { 'changes.target.dueDate': 'targetNeedsBoth' },
    });
  });
});
