import { given } from '@bildungsregion/decider';
import { GoalCommand, GoalEvent, GoalTerms } from './goal';
import { LANDKREIS_OSNABRUECK } from '@bildungsregion/reference-data';
import { goalDecider as goalDeciderFor } from './goal.decider';

const goalDecider = goalDeciderFor(LANDKREIS_OSNABRUECK);

const terms: GoalTerms = {
  title: 'Mehr Krippenplätze in Bramsche',
  description: 'Betreuungsquote unter 3 Jahren bis 2028 auf 45 % heben.',
  stage: 'fruehkindliche-bildung',
  regionKeys: ['03459008'],
  parties: [
    { id: 'stadt-bramsche', name: 'Stadt Bramsche', role: 'responsible' },
    { id: 'kita-traeger-nord', name: 'Kita-Träger Nord', role: 'contributing' },
  ],
  indicator: { key: 'betreuungsquote-u3', regionKey: '03459008' },
  baseline: { value: 35, date: '2026-01-01' },
  target: { value: 45, dueDate: '2028-01-01' },
  milestones: [],
  unit: '%',
  direction: 'higher',
};

const drafted: GoalEvent = { type: 'GoalDrafted', data: { goalId: 'g1', terms, synthetic: false } };
const proposed: GoalEvent = { type: 'GoalProposed', data: {} };
const consentBy = (partyId: string): GoalEvent => ({ type: 'ConsentRecorded', data: { partyId } });
const agreedEvent: GoalEvent = {
  type: 'GoalAgreed',
  data: { authority: 'Kreisausschuss, Beschluss 2026/041', effectiveOn: '2026-02-01', terms },
};
const agreed: GoalEvent[] = [
  drafted,
  proposed,
  consentBy('stadt-bramsche'),
  consentBy('kita-traeger-nord'),
  agreedEvent,
];
const progress = (progressId: string, value: number, asOf: string): GoalEvent => ({
  type: 'ProgressRecorded',
  data: { progressId, value, asOf, source: 'manual' },
});
const suspended: GoalEvent = { type: 'GoalSuspended', data: {} };

describe('a target agreement (Zielvereinbarung)', () => {
  describe('drafting', () => {
    it('drafts a goal with its terms', () => {
      given(goalDecider, []).when({ type: 'DraftGoal', goalId: 'g1', terms }).then([drafted]);
    });

    it('marks sample goals as synthetic', () => {
      given(goalDecider, [])
        .when({ type: 'DraftGoal', goalId: 'g1', terms, synthetic: true })
        .then([{ type: 'GoalDrafted', data: { goalId: 'g1', terms, synthetic: true } }]);
    });

    it('refuses a second draft under the same id', () => {
      given(goalDecider, [drafted])
        .when({ type: 'DraftGoal', goalId: 'g1', terms })
        .thenRejects('invalid-transition', 'goal-exists');
    });

    it.each<[string, Partial<GoalTerms>]>([
      ['target-equals-baseline', { target: { value: 35, dueDate: '2028-01-01' } }],
      ['target-against-direction', { target: { value: 30, dueDate: '2028-01-01' } }],
      ['target-against-direction', { direction: 'lower' }],
      ['due-date-not-after-baseline', { target: { value: 45, dueDate: '2026-01-01' } }],
      ['party-duplicate', { parties: [terms.parties[0]!, terms.parties[0]!] }],
      ['responsible-party-missing', { parties: [terms.parties[1]!] }],
      ['region-duplicate', { regionKeys: ['03459008', '03459008'] }],
      ['region-unknown', { regionKeys: ['03459008', '03404000'] }],
      ['region-unknown', { indicator: { key: 'betreuungsquote-u3', regionKey: '03459099' } }],
      ['milestone-outside-period', { milestones: [{ date: '2029-01-01', value: 40 }] }],
      [
        'milestone-duplicate',
        {
          milestones: [
            { date: '2027-01-01', value: 40 },
            { date: '2027-01-01', value: 41 },
          ],
        },
      ],
    ])('refuses terms that break the rule %s', (code, change) => {
      given(goalDecider, [])
        .when({ type: 'DraftGoal', goalId: 'g1', terms: { ...terms, ...change } })
        .thenRejects('rule-violation', code);
    });
  });

  describe('a draft from a promoted idea', () => {
    const origin = { ideaId: 'idea-1', promotionId: 'p1' };
    const fromIdea: GoalEvent = {
      type: 'GoalDraftedFromIdea',
      data: {
        goalId: 'g1',
        terms: {
          title: terms.title,
          description: terms.description,
          stage: 'allgemeinbildende-schulen',
          regionKeys: [],
        },
        origin,
      },
    };
    const { title: _t, description: _d, stage: _s, milestones: _m, ...rest } = terms;

    it('is drafted with what the idea says and its origin, and is refused a proposal naming what is missing', () => {
      const draft = given(goalDecider).when({
        type: 'DraftGoalFromIdea',
        goalId: 'g1',
        terms: fromIdea.data.terms,
        origin,
      });
      draft.then([fromIdea]);
      expect(draft.state.origin).toEqual(origin);
      expect(draft.state.terms).toBeUndefined();
      const refused = given(goalDecider, [fromIdea]).when({ type: 'ProposeGoal' });
      refused.thenRejects('rule-violation', 'draft-incomplete');
      expect(refused.decision).toMatchObject({
        rejection: {
          message: expect.stringContaining('missing: regionKeys, parties, baseline, target, unit, direction'),
        },
      });
      given(goalDecider, [fromIdea])
        .when({ type: 'ReviseGoal', changes: { title: 'x' }, reason: 'r' })
        .thenRejects('rule-violation', 'draft-incomplete');
    });

    it('is completed step by step, its Bildungsbereich changeable, and proposed once complete', () => {
      const partly: GoalEvent = {
        type: 'DraftAmended',
        data: {
          changes: { stage: 'fruehkindliche-bildung', unit: '%' },
          missing: ['regionKeys', 'parties', 'baseline', 'target', 'direction'],
        },
      };
      given(goalDecider, [fromIdea])
        .when({ type: 'AmendDraft', changes: { stage: 'fruehkindliche-bildung', unit: '%' } })
        .then([partly]);
      const completed = given(goalDecider, [fromIdea, partly]).when({ type: 'AmendDraft', changes: rest });
      // The unit was set already, so only the rest is recorded as changed.
      const { unit: _unit, ...changed } = rest;
      completed.then([{ type: 'DraftAmended', data: { changes: changed, missing: [] } }]);
      expect(completed.state.terms).toEqual({ ...terms, milestones: [] });
      expect(completed.state.incompleteTerms).toBeUndefined();
      given(goalDecider, [fromIdea, partly, { type: 'DraftAmended', data: { changes: rest, missing: [] } }])
        .when({ type: 'ProposeGoal' })
        .then([proposed]);
    });

    it('keeps the rules of complete terms, and changes only drafts', () => {
      given(goalDecider, [fromIdea])
        .when({
          type: 'AmendDraft',
          changes: { ...rest, stage: 'fruehkindliche-bildung', target: { value: 35, dueDate: '2028-01-01' } },
        })
        .thenRejects('rule-violation', 'target-equals-baseline');
      given(goalDecider, [fromIdea])
        .when({ type: 'AmendDraft', changes: { regionKeys: ['03404000'] } })
        .thenRejects('rule-violation', 'region-unknown');
      given(goalDecider, [fromIdea])
        .when({ type: 'AmendDraft', changes: { title: terms.title } })
        .thenRejects('rule-violation', 'revision-without-change');
      given(goalDecider, [drafted, proposed])
        .when({ type: 'AmendDraft', changes: { unit: 'Plätze' } })
        .thenRejects('invalid-transition', 'not-draft');
      given(goalDecider, [fromIdea])
        .when({ type: 'DraftGoalFromIdea', goalId: 'g1', terms: fromIdea.data.terms, origin })
        .thenRejects('invalid-transition', 'goal-exists');
    });
  });

  describe('proposal and consent', () => {
    it('proposes a draft', () => {
      given(goalDecider, [drafted]).when({ type: 'ProposeGoal' }).then([proposed]);
    });

    it('refuses to propose a goal that does not exist or is already proposed', () => {
      given(goalDecider, []).when({ type: 'ProposeGoal' }).thenRejects('invalid-transition', 'goal-not-found');
      given(goalDecider, [drafted, proposed])
        .when({ type: 'ProposeGoal' })
        .thenRejects('invalid-transition', 'not-draft');
    });

    it('records the consent of a party', () => {
      given(goalDecider, [drafted, proposed])
        .when({ type: 'RecordConsent', partyId: 'stadt-bramsche' })
        .then([consentBy('stadt-bramsche')]);
    });

    it('refuses consent from someone who is not a party, twice from the same party, or before the proposal', () => {
      given(goalDecider, [drafted, proposed])
        .when({ type: 'RecordConsent', partyId: 'vhs' })
        .thenRejects('rule-violation', 'not-a-party');
      given(goalDecider, [drafted, proposed, consentBy('stadt-bramsche')])
        .when({ type: 'RecordConsent', partyId: 'stadt-bramsche' })
        .thenRejects('invalid-transition', 'consent-already-recorded');
      given(goalDecider, [drafted])
        .when({ type: 'RecordConsent', partyId: 'stadt-bramsche' })
        .thenRejects('invalid-transition', 'not-proposed');
    });
  });

  describe('agreement', () => {
    const agree: GoalCommand = {
      type: 'AgreeGoal',
      authority: 'Kreisausschuss, Beschluss 2026/041',
      effectiveOn: '2026-02-01',
    };

    it('agrees the goal once every party consented, with the authority and the date it took effect', () => {
      given(goalDecider, agreed.slice(0, 4)).when(agree).then([agreedEvent]);
    });

    it('refuses the agreement while a consent is missing, naming who', () => {
      const decision = given(goalDecider, [drafted, proposed, consentBy('stadt-bramsche')]).when(agree).decision;
      expect(decision).toMatchObject({
        accepted: false,
        rejection: { code: 'consent-missing', message: expect.stringContaining('kita-traeger-nord') },
      });
    });

    it('refuses to agree a draft or an agreed goal', () => {
      given(goalDecider, [drafted]).when(agree).thenRejects('invalid-transition', 'not-proposed');
      given(goalDecider, agreed).when(agree).thenRejects('invalid-transition', 'not-proposed');
    });
  });

  describe('revision', () => {
    const newTarget = { value: 50, dueDate: '2028-06-30' };

    it('revises an agreed target, which sends the goal back to proposed and clears the consents', () => {
      const revised = given(goalDecider, agreed).when({
        type: 'ReviseGoal',
        changes: { target: newTarget },
        reason: 'Ausbau schneller als geplant',
      });
      revised.then([{ type: 'GoalRevised', data: { changes: { target: newTarget } } }]);
      expect(revised.state).toMatchObject({ status: 'proposed', consents: [], terms: { target: newTarget } });
    });

    it('keeps a revised draft a draft', () => {
      expect(
        given(goalDecider, [drafted]).when({ type: 'ReviseGoal', changes: { title: 'Neu' }, reason: 'Titel' }).state
          .status,
      ).toBe('draft');
    });

    it('records only what actually changes', () => {
      given(goalDecider, [drafted])
        .when({
          type: 'ReviseGoal',
          changes: { title: 'Neu', unitless: undefined, target: terms.target } as never,
          reason: 'Titel',
        })
        .then([{ type: 'GoalRevised', data: { changes: { title: 'Neu' } } }]);
    });

    it('refuses a revision without a reason, without a change, breaking the terms, or of a closed goal', () => {
      given(goalDecider, agreed)
        .when({ type: 'ReviseGoal', changes: { target: newTarget }, reason: ' ' })
        .thenRejects('rule-violation', 'reason-required');
      given(goalDecider, agreed)
        .when({ type: 'ReviseGoal', changes: { target: terms.target }, reason: 'x' })
        .thenRejects('rule-violation', 'revision-without-change');
      given(goalDecider, agreed)
        .when({ type: 'ReviseGoal', changes: { target: { value: 35, dueDate: '2028-01-01' } }, reason: 'x' })
        .thenRejects('rule-violation', 'target-equals-baseline');
      given(goalDecider, [...agreed, { type: 'GoalClosed', data: { outcome: 'missed' } }])
        .when({ type: 'ReviseGoal', changes: { target: newTarget }, reason: 'x' })
        .thenRejects('invalid-transition', 'not-draft-or-proposed-or-agreed');
    });
  });

  describe('milestones', () => {
    it('adds a milestone inside the goal period', () => {
      given(goalDecider, agreed)
        .when({ type: 'AddMilestone', milestone: { date: '2027-01-01', value: 40 } })
        .then([{ type: 'MilestoneAdded', data: { milestone: { date: '2027-01-01', value: 40 } } }]);
    });

    it('re-assesses the goal when a milestone moves its trajectory', () => {
      const history = [
        ...agreed,
        progress('p1', 40, '2027-01-01'),
        { type: 'AssessmentChanged', data: { from: null, to: 'on-track', asOf: '2027-01-01' } } as GoalEvent,
      ];
      given(goalDecider, history)
        .when({ type: 'AddMilestone', milestone: { date: '2026-12-01', value: 44 } })
        .then([
          { type: 'MilestoneAdded', data: { milestone: { date: '2026-12-01', value: 44 } } },
          { type: 'AssessmentChanged', data: { from: 'on-track', to: 'off-track', asOf: '2027-01-01' } },
        ]);
    });

    it('refuses a milestone outside the period, on a taken date, or on a closed goal', () => {
      given(goalDecider, agreed)
        .when({ type: 'AddMilestone', milestone: { date: '2025-01-01', value: 40 } })
        .thenRejects('rule-violation', 'milestone-outside-period');
      given(goalDecider, [
        ...agreed,
        { type: 'MilestoneAdded', data: { milestone: { date: '2027-01-01', value: 40 } } },
      ])
        .when({ type: 'AddMilestone', milestone: { date: '2027-01-01', value: 41 } })
        .thenRejects('rule-violation', 'milestone-duplicate');
      given(goalDecider, [...agreed, { type: 'GoalCancelled', data: {} }])
        .when({ type: 'AddMilestone', milestone: { date: '2027-01-01', value: 40 } })
        .thenRejects('invalid-transition', 'not-draft-or-proposed-or-agreed-or-suspended');
    });
  });

  describe('progress control (Zielkontrolle)', () => {
    it('records progress and the first assessment', () => {
      given(goalDecider, agreed)
        .when({ type: 'RecordProgress', progressId: 'p1', value: 40, asOf: '2027-01-01', source: 'manual' })
        .then([
          progress('p1', 40, '2027-01-01'),
          { type: 'AssessmentChanged', data: { from: null, to: 'on-track', asOf: '2027-01-01' } },
        ]);
    });

    it('publishes no assessment change when the assessment stays the same', () => {
      const history = [
        ...agreed,
        progress('p1', 40, '2027-01-01'),
        { type: 'AssessmentChanged', data: { from: null, to: 'on-track', asOf: '2027-01-01' } } as GoalEvent,
      ];
      given(goalDecider, history)
        .when({ type: 'RecordProgress', progressId: 'p2', value: 41, asOf: '2027-03-01', source: 'manual' })
        .then([progress('p2', 41, '2027-03-01')]);
    });

    it('keeps the measurement a monitoring value came from', () => {
      const command: GoalCommand = {
        type: 'RecordProgress',
        progressId: 'p1',
        value: 36,
        asOf: '2027-01-01',
        source: 'monitoring',
        measurementId: 'm-7',
      };
      const decision = given(goalDecider, agreed).when(command).decision;
      expect(decision).toMatchObject({
        accepted: true,
        events: [
          { type: 'ProgressRecorded', data: { source: 'monitoring', measurementId: 'm-7' } },
          { data: { to: 'off-track' } },
        ],
      });
    });

    it('refuses progress before the agreement, twice under one id, or dated before the baseline', () => {
      given(goalDecider, [drafted, proposed])
        .when({ type: 'RecordProgress', progressId: 'p1', value: 40, asOf: '2027-01-01', source: 'manual' })
        .thenRejects('invalid-transition', 'not-agreed');
      given(goalDecider, [...agreed, progress('p1', 40, '2027-01-01')])
        .when({ type: 'RecordProgress', progressId: 'p1', value: 41, asOf: '2027-02-01', source: 'manual' })
        .thenRejects('invalid-transition', 'progress-already-recorded');
      given(goalDecider, agreed)
        .when({ type: 'RecordProgress', progressId: 'p1', value: 40, asOf: '2025-12-31', source: 'manual' })
        .thenRejects('rule-violation', 'progress-before-baseline');
    });

    it('corrects an earlier value with a correction event and re-assesses', () => {
      const history = [
        ...agreed,
        progress('p1', 40, '2027-01-01'),
        { type: 'AssessmentChanged', data: { from: null, to: 'on-track', asOf: '2027-01-01' } } as GoalEvent,
      ];
      const corrected = given(goalDecider, history).when({
        type: 'CorrectProgress',
        progressId: 'p1',
        value: 37,
        reason: 'Tippfehler',
      });
      corrected.then([
        { type: 'ProgressCorrected', data: { progressId: 'p1', value: 37, previousValue: 40 } },
        { type: 'AssessmentChanged', data: { from: 'on-track', to: 'off-track', asOf: '2027-01-01' } },
      ]);
      expect(corrected.state.progress).toEqual([
        { progressId: 'p1', value: 37, asOf: '2027-01-01', source: 'manual', originalValue: 40 },
      ]);
    });

    it('refuses a correction without a reason, of unknown progress, or that changes nothing', () => {
      const history = [...agreed, progress('p1', 40, '2027-01-01')];
      given(goalDecider, history)
        .when({ type: 'CorrectProgress', progressId: 'p1', value: 37, reason: '' })
        .thenRejects('rule-violation', 'reason-required');
      given(goalDecider, history)
        .when({ type: 'CorrectProgress', progressId: 'p9', value: 37, reason: 'x' })
        .thenRejects('rule-violation', 'progress-not-found');
      given(goalDecider, history)
        .when({ type: 'CorrectProgress', progressId: 'p1', value: 40, reason: 'x' })
        .thenRejects('rule-violation', 'correction-without-change');
      given(goalDecider, [drafted])
        .when({ type: 'CorrectProgress', progressId: 'p1', value: 37, reason: 'x' })
        .thenRejects('invalid-transition', 'not-agreed-or-suspended');
    });
  });

  describe('suspension and resumption', () => {
    it('suspends an agreed goal and resumes it where it was', () => {
      given(goalDecider, agreed).when({ type: 'SuspendGoal', reason: 'Träger insolvent' }).then([suspended]);
      const resumed = given(goalDecider, [...agreed, suspended]).when({ type: 'ResumeGoal' });
      resumed.then([{ type: 'GoalResumed', data: {} }]);
      expect(resumed.state.status).toBe('agreed');
      expect(given(goalDecider, [drafted, proposed, suspended]).when({ type: 'ResumeGoal' }).state.status).toBe(
        'proposed',
      );
    });

    it('refuses a suspension without a reason or of a draft, and a resumption of a goal that is not suspended', () => {
      given(goalDecider, agreed)
        .when({ type: 'SuspendGoal', reason: '' })
        .thenRejects('rule-violation', 'reason-required');
      given(goalDecider, [drafted])
        .when({ type: 'SuspendGoal', reason: 'x' })
        .thenRejects('invalid-transition', 'not-proposed-or-agreed');
      given(goalDecider, agreed).when({ type: 'ResumeGoal' }).thenRejects('invalid-transition', 'not-suspended');
    });

    it('refuses progress while suspended', () => {
      given(goalDecider, [...agreed, suspended])
        .when({ type: 'RecordProgress', progressId: 'p1', value: 40, asOf: '2027-01-01', source: 'manual' })
        .thenRejects('invalid-transition', 'not-agreed');
    });
  });

  describe('closure and cancellation', () => {
    it('closes an agreed goal as achieved or missed', () => {
      given(goalDecider, agreed)
        .when({ type: 'CloseGoal', outcome: 'achieved', reason: 'Quote 46 % erreicht' })
        .then([{ type: 'GoalClosed', data: { outcome: 'achieved' } }]);
      given(goalDecider, agreed)
        .when({ type: 'CloseGoal', outcome: 'missed', reason: 'Fachkräftemangel' })
        .then([{ type: 'GoalClosed', data: { outcome: 'missed' } }]);
    });

    it('refuses to close without a reason or a goal that is not agreed', () => {
      given(goalDecider, agreed)
        .when({ type: 'CloseGoal', outcome: 'achieved', reason: '' })
        .thenRejects('rule-violation', 'reason-required');
      given(goalDecider, [drafted, proposed])
        .when({ type: 'CloseGoal', outcome: 'achieved', reason: 'x' })
        .thenRejects('invalid-transition', 'not-agreed');
    });

    it('cancels an open goal with a reason, and nothing happens to it afterwards', () => {
      given(goalDecider, [drafted])
        .when({ type: 'CancelGoal', reason: 'Projekt entfällt' })
        .then([{ type: 'GoalCancelled', data: {} }]);
      const cancelled = [drafted, { type: 'GoalCancelled', data: {} } as GoalEvent];
      given(goalDecider, cancelled)
        .when({ type: 'CancelGoal', reason: 'x' })
        .thenRejects('invalid-transition', 'not-draft-or-proposed-or-agreed-or-suspended');
      given(goalDecider, cancelled).when({ type: 'ProposeGoal' }).thenRejects('invalid-transition', 'not-draft');
      given(goalDecider, [drafted])
        .when({ type: 'CancelGoal', reason: '' })
        .thenRejects('rule-violation', 'reason-required');
    });
  });

  describe('progress reported by monitoring', () => {
    const measurement = {
      eventId: 'e-1',
      indicatorKey: 'betreuungsquote-u3',
      regionKey: '03459008',
      period: '2026',
      value: 37,
      source: 'KJH',
      recordedBy: { id: 'coordinator-1', role: 'coordinator' },
      recordedAt: '2027-03-01T10:00:00.000Z',
      correlationId: 'import-2026',
      importId: 'i-1',
    };
    const fromMonitoring: GoalCommand = {
      type: 'RecordProgress',
      progressId: 'p-m',
      value: 37,
      asOf: '2026-12-31',
      source: 'monitoring',
      measurementId: 'm-1',
      measurement,
    };
    const recordedFromMonitoring: GoalEvent = {
      type: 'ProgressRecorded',
      data: {
        progressId: 'p-m',
        value: 37,
        asOf: '2026-12-31',
        source: 'monitoring',
        measurementId: 'm-1',
        measurement,
        measurementEvents: ['e-1'],
      },
    };
    const correction = (eventId: string, value: number): GoalCommand => ({
      type: 'CorrectProgress',
      progressId: 'p-m',
      value,
      reason: 'Korrektur aus dem Bildungsmonitoring',
      measurementCorrection: { eventId, correctedBy: { id: 'coordinator-1', role: 'coordinator' } },
    });

    it('keeps the measurement it came from and the event that carried it', () => {
      const decision = given(goalDecider, agreed).when(fromMonitoring).decision;
      expect(decision.accepted && decision.events[0]).toEqual(recordedFromMonitoring);
    });

    it('records nothing when the same measurement event arrives again', () => {
      given(goalDecider, [...agreed, recordedFromMonitoring])
        .when(fromMonitoring)
        .thenNothingHappened();
    });

    it('corrects the value once per correction event, and not again on redelivery', () => {
      const decision = given(goalDecider, [...agreed, recordedFromMonitoring]).when(correction('e-2', 39)).decision;
      expect(decision.accepted && decision.events[0]).toMatchObject({
        type: 'ProgressCorrected',
        data: { progressId: 'p-m', value: 39, previousValue: 37, measurementCorrection: { eventId: 'e-2' } },
      });
      const correctedEvents = decision.accepted ? [...decision.events] : [];
      given(goalDecider, [...agreed, recordedFromMonitoring, ...correctedEvents])
        .when(correction('e-2', 39))
        .thenNothingHappened();
      given(goalDecider, [
        ...agreed,
        recordedFromMonitoring,
        ...correctedEvents,
        {
          type: 'ProgressCorrected',
          data: {
            progressId: 'p-m',
            value: 41,
            previousValue: 39,
            measurementCorrection: { eventId: 'e-3', correctedBy: { id: 'c', role: 'coordinator' } },
          },
        },
      ])
        .when(correction('e-2', 39))
        .thenNothingHappened();
    });

    it('ignores a correction to the value the goal already shows', () => {
      given(goalDecider, [...agreed, recordedFromMonitoring])
        .when(correction('e-2', 37))
        .thenNothingHappened();
    });

    it('does not apply a measurement to a goal that is not agreed', () => {
      given(goalDecider, [drafted, proposed]).when(fromMonitoring).thenRejects('invalid-transition', 'not-agreed');
    });
  });
});

describe('folding a long history', () => {
  it('gives the same state as evolving event by event, without touching the state it starts from', () => {
    const history: GoalEvent[] = [...agreed];
    for (let index = 0; index < 300; index++) {
      history.push(progress(`p${index}`, 35 + (index % 10), `2026-${String(1 + (index % 12)).padStart(2, '0')}-15`));
      if (index % 7 === 0)
        history.push({ type: 'ProgressCorrected', data: { progressId: `p${index}`, value: 40, previousValue: 35 } });
      if (index % 50 === 0)
        history.push({ type: 'AssessmentChanged', data: { from: null, to: 'at-risk', asOf: '2026-06-30' } });
      if (index === 150) history.push(suspended, { type: 'GoalResumed', data: {} });
    }
    const oneByOne = history.reduce(goalDecider.evolve, goalDecider.initialState);
    expect(goalDecider.evolveAll!(goalDecider.initialState, history)).toEqual(oneByOne);

    const middle = history.slice(0, 200).reduce(goalDecider.evolve, goalDecider.initialState);
    const frozen = JSON.stringify(middle);
    expect(goalDecider.evolveAll!(middle, history.slice(200))).toEqual(oneByOne);
    expect(JSON.stringify(middle)).toBe(frozen);
  });
});
