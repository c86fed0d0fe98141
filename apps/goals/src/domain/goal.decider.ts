import { accept, Decider, Decision, invalidTransition, ruleViolation, unknownCommand } from '@bildungsregion/decider';
import { District } from '@bildungsregion/reference-data';
import {
  DraftTerms,
  Goal,
  GoalCommand,
  GoalEvent,
  GoalStatus,
  GoalTerms,
  initialGoal,
  Milestone,
  ProgressRecord,
  REQUIRED_TERMS,
  RevisableTerms,
} from './goal';
import { assess } from './trajectory';

type Rejected = Decision<never>;

const OPEN_STATUSES: readonly GoalStatus[] = ['draft', 'proposed', 'agreed', 'suspended'];

function describe(status: Goal['status']): string {
  return status === 'none' ? 'does not exist' : `is ${status}`;
}

function requireStatus(goal: Goal, allowed: readonly GoalStatus[], action: string): Rejected | undefined {
  if (goal.status === 'none')
    return invalidTransition('goal-not-found', 'There is no goal with this id; draft it first.');
  if (allowed.includes(goal.status)) return undefined;
  return invalidTransition(
    `not-${allowed.join('-or-')}`,
    `Cannot ${action}: the goal ${describe(goal.status)}; this needs a goal that is ${allowed.join(' or ')}.`,
  );
}

/** The required terms a draft still lacks; a goal needs at least one region and one party. */
export function missingTerms(terms: DraftTerms): string[] {
  return REQUIRED_TERMS.filter((key) => {
    const value = terms[key];
    return value === undefined || (Array.isArray(value) && value.length === 0);
  });
}

function requireCompleteTerms(goal: Goal, action: string): Rejected | undefined {
  if (goal.terms || goal.status === 'none') return undefined;
  return ruleViolation(
    'draft-incomplete',
    `Cannot ${action}: the draft is not complete yet; missing: ${missingTerms(goal.incompleteTerms ?? {}).join(', ')}.`,
  );
}

function requireReason(reason: string | undefined, action: string): Rejected | undefined {
  return reason && reason.trim() !== '' ? undefined : ruleViolation('reason-required', `Give a reason to ${action}.`);
}

function checkMilestones(
  milestones: readonly Milestone[],
  terms: Pick<GoalTerms, 'baseline' | 'target'>,
): Rejected | undefined {
  const dates = new Set<string>();
  for (const milestone of milestones) {
    if (milestone.date <= terms.baseline.date || milestone.date >= terms.target.dueDate) {
      return ruleViolation(
        'milestone-outside-period',
        `The milestone on ${milestone.date} must fall after the baseline date ${terms.baseline.date} and before the due date ${terms.target.dueDate}.`,
      );
    }
    if (dates.has(milestone.date))
      return ruleViolation('milestone-duplicate', `There is already a milestone on ${milestone.date}.`);
    dates.add(milestone.date);
  }
  return undefined;
}

function checkRegions(district: District, terms: Pick<GoalTerms, 'regionKeys' | 'indicator'>): Rejected | undefined {
  const unknown = [...terms.regionKeys, ...(terms.indicator ? [terms.indicator.regionKey] : [])].find(
    (key) => !district.regionOf(key),
  );
  return unknown === undefined ? undefined : ruleViolation('region-unknown', `The ${district.outside(unknown)}.`);
}

/** The business rules every version of the terms must keep. */
export function checkTerms(district: District, terms: GoalTerms): Rejected | undefined {
  const { baseline, target, direction } = terms;
  if (target.value === baseline.value) {
    return ruleViolation(
      'target-equals-baseline',
      `The target ${target.value} equals the baseline; a goal must aim for a change.`,
    );
  }
  if ((direction === 'higher') !== target.value > baseline.value) {
    return ruleViolation(
      'target-against-direction',
      `Higher values are ${direction === 'higher' ? 'better' : 'worse'}, so the target must be ${direction === 'higher' ? 'above' : 'below'} the baseline ${baseline.value}.`,
    );
  }
  if (target.dueDate <= baseline.date) {
    return ruleViolation(
      'due-date-not-after-baseline',
      `The due date ${target.dueDate} must be after the baseline date ${baseline.date}.`,
    );
  }
  const partyIds = terms.parties.map((party) => party.id);
  const duplicate = partyIds.find((id, index) => partyIds.indexOf(id) !== index);
  if (duplicate) return ruleViolation('party-duplicate', `The party ${duplicate} is listed twice.`);
  if (!terms.parties.some((party) => party.role === 'responsible')) {
    return ruleViolation('responsible-party-missing', 'Name at least one responsible party.');
  }
  const regions = new Set(terms.regionKeys);
  if (regions.size !== terms.regionKeys.length) return ruleViolation('region-duplicate', 'A region is listed twice.');
  return checkRegions(district, terms) ?? checkMilestones(terms.milestones, terms);
}

/** Events plus an AssessmentChanged when they move the goal to another assessment. */
function withAssessment(goal: Goal, events: GoalEvent[]): Decision<GoalEvent> {
  const after = events.reduce(evolveGoal, goal);
  if (after.status !== 'agreed' && after.status !== 'suspended') return accept(...events);
  const to = after.terms ? assess(after.terms, after.progress) : null;
  if (to === null || to === goal.assessment) return accept(...events);
  const asOf = after.progress.reduce((latest, record) => (record.asOf > latest ? record.asOf : latest), '');
  return accept(...events, { type: 'AssessmentChanged', data: { from: goal.assessment, to, asOf } });
}

function revise(district: District, goal: Goal, changes: RevisableTerms, reason: string): Decision<GoalEvent> {
  const rejected =
    requireStatus(goal, ['draft', 'proposed', 'agreed'], 'revise the goal') ??
    requireCompleteTerms(goal, 'revise the goal') ??
    requireReason(reason, 'revise the goal');
  if (rejected) return rejected;
  const current = goal.terms as GoalTerms;
  const changed = Object.fromEntries(
    Object.entries(changes).filter(
      ([key, value]) => JSON.stringify(value) !== JSON.stringify(current[key as keyof GoalTerms]),
    ),
  ) as RevisableTerms;
  if (Object.keys(changed).length === 0)
    return ruleViolation('revision-without-change', 'The revision changes nothing in the current terms.');
  const broken = checkTerms(district, { ...current, ...changed });
  if (broken) return broken;
  return withAssessment(goal, [{ type: 'GoalRevised', data: { changes: changed } }]);
}

type CommandOf<Type extends GoalCommand['type']> = Extract<GoalCommand, { type: Type }>;

function draft(district: District, command: CommandOf<'DraftGoal'>, goal: Goal): Decision<GoalEvent> {
  if (goal.status !== 'none')
    return invalidTransition('goal-exists', `A goal with the id ${command.goalId} already exists.`);
  const broken = checkTerms(district, command.terms);
  if (broken) return broken;
  return accept({
    type: 'GoalDrafted',
    data: { goalId: command.goalId, terms: command.terms, synthetic: command.synthetic ?? false },
  });
}

function draftFromIdea(district: District, command: CommandOf<'DraftGoalFromIdea'>, goal: Goal): Decision<GoalEvent> {
  if (goal.status !== 'none')
    return invalidTransition('goal-exists', `A goal with the id ${command.goalId} already exists.`);
  const { type: _type, ...data } = command;
  return checkRegions(district, command.terms) ?? accept({ type: 'GoalDraftedFromIdea', data });
}

/** Changes any term of a draft; once every required term is there, the terms must keep every rule. */
function amendDraft(district: District, changes: DraftTerms, goal: Goal): Decision<GoalEvent> {
  const rejected = requireStatus(goal, ['draft'], 'amend the draft');
  if (rejected) return rejected;
  const current: DraftTerms = goal.terms ?? goal.incompleteTerms ?? {};
  const changed = Object.fromEntries(
    Object.entries(changes).filter(
      ([key, value]) =>
        value !== undefined && JSON.stringify(value) !== JSON.stringify(current[key as keyof DraftTerms]),
    ),
  ) as DraftTerms;
  if (Object.keys(changed).length === 0)
    return ruleViolation('revision-without-change', 'The amendment changes nothing in the draft.');
  const amended = { milestones: [], ...current, ...changed };
  const missing = missingTerms(amended);
  const broken =
    missing.length === 0
      ? checkTerms(district, amended as GoalTerms)
      : checkRegions(district, {
          regionKeys: amended.regionKeys ?? [],
          ...(amended.indicator ? { indicator: amended.indicator } : {}),
        });
  return broken ?? accept({ type: 'DraftAmended', data: { changes: changed, missing } });
}

function consent(partyId: string, goal: Goal): Decision<GoalEvent> {
  const rejected = requireStatus(goal, ['proposed'], 'record a consent');
  if (rejected) return rejected;
  if (!goal.terms?.parties.some((party) => party.id === partyId)) {
    return ruleViolation('not-a-party', `${partyId} is not a party to this goal; only its parties consent.`);
  }
  if (goal.consents.includes(partyId))
    return invalidTransition('consent-already-recorded', `${partyId} has already consented to this proposal.`);
  return accept({ type: 'ConsentRecorded', data: { partyId } });
}

function agree(command: CommandOf<'AgreeGoal'>, goal: Goal): Decision<GoalEvent> {
  const rejected = requireStatus(goal, ['proposed'], 'record the agreement');
  if (rejected) return rejected;
  const missing = (goal.terms?.parties ?? [])
    .filter((party) => !goal.consents.includes(party.id))
    .map((party) => party.id);
  if (missing.length > 0) {
    return invalidTransition(
      'consent-missing',
      `Every party must consent before the agreement; still missing: ${missing.join(', ')}.`,
    );
  }
  return accept({
    type: 'GoalAgreed',
    data: { authority: command.authority, effectiveOn: command.effectiveOn, terms: goal.terms as GoalTerms },
  });
}

function addMilestone(milestone: Milestone, goal: Goal): Decision<GoalEvent> {
  const incomplete = requireCompleteTerms(goal, 'add a milestone');
  if (incomplete) return incomplete;
  const rejected = requireStatus(goal, OPEN_STATUSES, 'add a milestone');
  if (rejected) return rejected;
  const terms = goal.terms as GoalTerms;
  const broken = checkMilestones([...terms.milestones, milestone], terms);
  if (broken) return broken;
  return withAssessment(goal, [{ type: 'MilestoneAdded', data: { milestone } }]);
}

function recordProgress({ type: _type, ...record }: CommandOf<'RecordProgress'>, goal: Goal): Decision<GoalEvent> {
  const rejected = requireStatus(goal, ['agreed'], 'record progress');
  if (rejected) return rejected;
  const known = goal.progress.find((earlier) => earlier.progressId === record.progressId);
  // A redelivered measurement is recognised by its event id and changes nothing.
  if (known && record.measurement && known.measurementEvents?.includes(record.measurement.eventId)) return accept();
  if (known)
    return invalidTransition('progress-already-recorded', `Progress ${record.progressId} has already been recorded.`);
  const baselineDate = (goal.terms as GoalTerms).baseline.date;
  if (record.asOf < baselineDate) {
    return ruleViolation(
      'progress-before-baseline',
      `The progress date ${record.asOf} is before the baseline date ${baselineDate}.`,
    );
  }
  return withAssessment(goal, [
    {
      type: 'ProgressRecorded',
      data: record.measurement ? { ...record, measurementEvents: [record.measurement.eventId] } : record,
    },
  ]);
}

function correctProgress(command: CommandOf<'CorrectProgress'>, goal: Goal): Decision<GoalEvent> {
  const rejected =
    requireStatus(goal, ['agreed', 'suspended'], 'correct progress') ??
    requireReason(command.reason, 'correct progress');
  if (rejected) return rejected;
  const earlier = goal.progress.find((known) => known.progressId === command.progressId);
  if (!earlier)
    return ruleViolation('progress-not-found', `This goal has no progress ${command.progressId} to correct.`);
  const fromMonitoring = command.measurementCorrection;
  // A redelivered correction, or one that the goal already shows, changes nothing.
  if (
    fromMonitoring &&
    (earlier.measurementEvents?.includes(fromMonitoring.eventId) || earlier.value === command.value)
  )
    return accept();
  if (earlier.value === command.value) {
    return ruleViolation(
      'correction-without-change',
      `Progress ${command.progressId} already has the value ${command.value}.`,
    );
  }
  const { progressId, value } = command;
  return withAssessment(goal, [
    {
      type: 'ProgressCorrected',
      data: {
        progressId,
        value,
        previousValue: earlier.value,
        ...(fromMonitoring ? { measurementCorrection: fromMonitoring } : {}),
      },
    },
  ]);
}

function suspend(reason: string, goal: Goal): Decision<GoalEvent> {
  return (
    requireStatus(goal, ['proposed', 'agreed'], 'suspend the goal') ??
    requireReason(reason, 'suspend the goal') ??
    accept({ type: 'GoalSuspended', data: {} })
  );
}

function close(command: CommandOf<'CloseGoal'>, goal: Goal): Decision<GoalEvent> {
  return (
    requireStatus(goal, ['agreed'], `close the goal as ${command.outcome}`) ??
    requireReason(command.reason, 'close the goal') ??
    accept({ type: 'GoalClosed', data: { outcome: command.outcome } })
  );
}

function cancel(reason: string, goal: Goal): Decision<GoalEvent> {
  return (
    requireStatus(goal, OPEN_STATUSES, 'cancel the goal') ??
    requireReason(reason, 'cancel the goal') ??
    accept({ type: 'GoalCancelled', data: {} })
  );
}

/** Dispatches each command to its decision; the district's regions are the ones goals may name. */
export function decideGoal(district: District): (command: GoalCommand, goal: Goal) => Decision<GoalEvent> {
  return (command, goal) => {
    switch (command.type) {
      case 'DraftGoal':
        return draft(district, command, goal);
      case 'DraftGoalFromIdea':
        return draftFromIdea(district, command, goal);
      case 'AmendDraft':
        return amendDraft(district, command.changes, goal);
      case 'ProposeGoal':
        return (
          requireStatus(goal, ['draft'], 'propose the goal') ??
          requireCompleteTerms(goal, 'propose the goal') ??
          accept({ type: 'GoalProposed', data: {} })
        );
      case 'RecordConsent':
        return consent(command.partyId, goal);
      case 'AgreeGoal':
        return agree(command, goal);
      case 'ReviseGoal':
        return revise(district, goal, command.changes, command.reason);
      case 'AddMilestone':
        return addMilestone(command.milestone, goal);
      case 'RecordProgress':
        return recordProgress(command, goal);
      case 'CorrectProgress':
        return correctProgress(command, goal);
      case 'SuspendGoal':
        return suspend(command.reason, goal);
      case 'ResumeGoal':
        return requireStatus(goal, ['suspended'], 'resume the goal') ?? accept({ type: 'GoalResumed', data: {} });
      case 'CloseGoal':
        return close(command, goal);
      case 'CancelGoal':
        return cancel(command.reason, goal);
      default:
        return unknownCommand(command);
    }
  };
}

function corrected(
  record: ProgressRecord,
  correction: { value: number; measurementCorrection?: { eventId: string } },
): ProgressRecord {
  const eventId = correction.measurementCorrection?.eventId;
  return {
    ...record,
    value: correction.value,
    originalValue: record.originalValue ?? record.value,
    ...(eventId ? { measurementEvents: [...(record.measurementEvents ?? []), eventId] } : {}),
  };
}

export function evolveGoal(goal: Goal, event: GoalEvent): Goal {
  switch (event.type) {
    case 'GoalDrafted':
      return {
        ...initialGoal,
        status: 'draft',
        goalId: event.data.goalId,
        terms: event.data.terms,
        synthetic: event.data.synthetic,
      };
    case 'GoalDraftedFromIdea':
      return {
        ...initialGoal,
        status: 'draft',
        goalId: event.data.goalId,
        incompleteTerms: { ...event.data.terms, parties: [], milestones: [] },
        origin: event.data.origin,
      };
    case 'DraftAmended': {
      const amended = { ...(goal.terms ?? goal.incompleteTerms), ...event.data.changes };
      if (event.data.missing.length > 0) return { ...goal, incompleteTerms: amended };
      const { incompleteTerms: _incomplete, ...rest } = goal;
      return { ...rest, terms: { milestones: [], ...amended } as GoalTerms };
    }
    case 'GoalProposed':
      return { ...goal, status: 'proposed', consents: [] };
    case 'ConsentRecorded':
      return { ...goal, consents: [...goal.consents, event.data.partyId] };
    case 'GoalAgreed':
      return {
        ...goal,
        status: 'agreed',
        agreement: { authority: event.data.authority, effectiveOn: event.data.effectiveOn },
      };
    case 'GoalRevised':
      // A revision of a proposed or agreed goal changes what the parties consented to, so they consent again.
      return {
        ...goal,
        terms: { ...(goal.terms as GoalTerms), ...event.data.changes },
        ...(goal.status === 'draft' ? {} : { status: 'proposed' as const, consents: [] }),
      };
    case 'MilestoneAdded': {
      const terms = goal.terms as GoalTerms;
      return { ...goal, terms: { ...terms, milestones: [...terms.milestones, event.data.milestone] } };
    }
    case 'ProgressRecorded':
      return { ...goal, progress: [...goal.progress, event.data] };
    case 'ProgressCorrected':
      return {
        ...goal,
        progress: goal.progress.map((record) =>
          record.progressId === event.data.progressId ? corrected(record, event.data) : record,
        ),
      };
    case 'AssessmentChanged':
      return { ...goal, assessment: event.data.to };
    case 'GoalSuspended':
      return { ...goal, status: 'suspended', suspendedFrom: goal.status as GoalStatus };
    case 'GoalResumed': {
      const { suspendedFrom, ...rest } = goal;
      return { ...rest, status: suspendedFrom ?? 'agreed' };
    }
    case 'GoalClosed':
      return { ...goal, status: event.data.outcome };
    case 'GoalCancelled':
      return { ...goal, status: 'cancelled' };
  }
}

/**
 * The same as evolving event by event, but progress goes into one private copy of the list for the
 * whole fold instead of a new copy per event, so a goal with n progress records folds in O(n).
 */
export function evolveGoalAll(goal: Goal, events: readonly GoalEvent[]): Goal {
  let state = goal;
  let owned: ProgressRecord[] | undefined;
  for (const event of events) {
    if (event.type === 'ProgressRecorded' || event.type === 'ProgressCorrected') {
      owned ??= [...state.progress];
      if (event.type === 'ProgressRecorded') {
        owned.push(event.data);
      } else {
        const index = owned.findIndex((record) => record.progressId === event.data.progressId);
        if (index >= 0) owned[index] = corrected(owned[index] as ProgressRecord, event.data);
      }
      state = { ...state, progress: owned };
    } else {
      state = evolveGoal(state, event);
      if (state.progress !== owned) owned = undefined;
    }
  }
  return state;
}

/** A Zielvereinbarung as a decider for the district's regions: commands in, events out, state folded from events. */
export function goalDecider(district: District): Decider<GoalCommand, Goal, GoalEvent> {
  return { initialState: initialGoal, decide: decideGoal(district), evolve: evolveGoal, evolveAll: evolveGoalAll };
}
