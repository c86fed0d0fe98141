import { accept, Decider, invalidTransition, ruleViolation, unknownCommand } from '@bildungsregion/decider';
import { District } from '@bildungsregion/reference-data';
import { KITA_TYPES } from './institution';
import { EffectInstitution, Measure, MeasureCommand, MeasureEvent, MeasureTerms } from './measure';
import { Rejected, requireReason, requireRegion } from './rules';

function requireStatus(measure: Measure, allowed: readonly Measure['status'][], doing: string): Rejected | undefined {
  if (measure.status === 'none')
    return invalidTransition('measure-not-found', 'There is no measure with this id; plan it first.');
  return allowed.includes(measure.status)
    ? undefined
    : invalidTransition(`measure-${measure.status}`, `The measure is ${measure.status}; it cannot be ${doing}.`);
}

function checkEffect(
  district: District,
  terms: MeasureTerms,
  institution: EffectInstitution | undefined,
): Rejected | undefined {
  const effect = terms.effect;
  if (!effect) return undefined;
  if (!institution || institution.institutionId !== effect.institutionId)
    return ruleViolation('institution-unknown', `There is no institution ${effect.institutionId}; register it first.`);
  if (institution.closedFrom !== undefined && institution.closedFrom <= effect.effectiveFrom)
    return ruleViolation(
      'institution-closed',
      `The institution is closed from ${institution.closedFrom}; its places cannot grow from ${effect.effectiveFrom}.`,
    );
  const fits =
    effect.stage === 'grundschule' ? institution.type === 'grundschule' : KITA_TYPES.includes(institution.type);
  if (!fits)
    return ruleViolation(
      'effect-stage-mismatch',
      `A ${institution.type} offers no ${effect.stage} places; choose a ${effect.stage === 'grundschule' ? 'Grundschule' : 'Kita'}.`,
    );
  if (terms.regionKey !== district.region.key && institution.regionKey !== terms.regionKey)
    return ruleViolation(
      'effect-outside-region',
      `The institution lies in ${district.regionOf(institution.regionKey)?.name ?? institution.regionKey}, not in the measure's municipality.`,
    );
  return undefined;
}

function checkTerms(district: District, terms: MeasureTerms, institution?: EffectInstitution): Rejected | undefined {
  if (terms.title.trim() === '') return ruleViolation('title-required', 'Give the measure a title.');
  if (new Set(terms.goalIds).size !== terms.goalIds.length)
    return ruleViolation('goal-twice', 'A goal is linked only once.');
  return requireRegion(district, terms.regionKey) ?? checkEffect(district, terms, institution);
}

/**
 * A measure (Maßnahme): planned (by hand or from a promoted idea), revised while planned, approved by
 * an authority, implemented, or dropped with a reason before it is implemented.
 */
export function measureDecider(district: District): Decider<MeasureCommand, Measure, MeasureEvent> {
  return {
    initialState: { status: 'none' },
    decide: (command, measure) => {
      switch (command.type) {
        case 'PlanMeasure': {
          if (measure.status !== 'none')
            return invalidTransition('measure-exists', `A measure with the id ${command.measureId} exists already.`);
          const { measureId, terms, origin } = command;
          return (
            checkTerms(district, terms, command.institution) ??
            accept({ type: 'MeasurePlanned', data: { measureId, terms, ...(origin ? { origin } : {}) } })
          );
        }
        case 'ReviseMeasure': {
          const rejected = requireStatus(measure, ['planned'], 'revised') ?? requireReason(command.reason);
          if (rejected) return rejected;
          // Terms are built field by field in the same order, so equal terms serialise equally.
          if (JSON.stringify(command.terms) === JSON.stringify(measure.terms)) return accept();
          return (
            checkTerms(district, command.terms, command.institution) ??
            accept({ type: 'MeasureRevised', data: { terms: command.terms, reason: command.reason } })
          );
        }
        case 'ApproveMeasure':
          if (command.approval.authority.trim() === '')
            return ruleViolation('authority-required', 'Name who decided it, e.g. the council and its resolution.');
          return (
            requireStatus(measure, ['planned'], 'approved') ??
            accept({ type: 'MeasureApproved', data: command.approval })
          );
        case 'ImplementMeasure': {
          const rejected = requireStatus(measure, ['approved'], 'implemented');
          if (rejected) return rejected;
          const decidedOn = measure.approval?.decidedOn ?? '';
          if (command.implementedOn < decidedOn)
            return ruleViolation(
              'implemented-before-approval',
              `It was approved on ${decidedOn}; it cannot be implemented on ${command.implementedOn}.`,
            );
          return accept({ type: 'MeasureImplemented', data: { implementedOn: command.implementedOn } });
        }
        case 'DropMeasure':
          return (
            requireStatus(measure, ['planned', 'approved'], 'dropped') ??
            requireReason(command.reason) ??
            accept({ type: 'MeasureDropped', data: { reason: command.reason } })
          );
        default:
          return unknownCommand(command);
      }
    },
    evolve: (measure, event) => {
      switch (event.type) {
        case 'MeasurePlanned':
          return { status: 'planned', terms: event.data.terms };
        case 'MeasureRevised':
          return { ...measure, terms: event.data.terms };
        case 'MeasureApproved':
          return { ...measure, status: 'approved', approval: event.data };
        case 'MeasureImplemented':
          return { ...measure, status: 'implemented' };
        case 'MeasureDropped':
          return { ...measure, status: 'dropped' };
      }
    },
  };
}
