import { accept, Decider, Decision, invalidTransition, ruleViolation, unknownCommand } from '@bildungsregion/decider';
import { District } from '@bildungsregion/reference-data';
import { Call, CallCommand, CallEvent, CallPeriod, CallTerms, initialCall } from './call';

type Rejected = Decision<never>;

function checkTerms(district: District, terms: CallTerms): Rejected | undefined {
  if (terms.theme.trim() === '') return ruleViolation('theme-required', 'Name the theme of the call.');
  const unknown = terms.regionKeys.find((key) => !district.regionOf(key));
  if (unknown) return ruleViolation('region-unknown', `The ${district.outside(unknown)}.`);
  const keys = terms.criteria.map((criterion) => criterion.key);
  const repeated = keys.find((key, index) => keys.indexOf(key) !== index);
  if (repeated) return ruleViolation('criterion-duplicate', `The criterion ${repeated} is listed twice.`);
  const weightless = terms.criteria.find((criterion) => !(criterion.weight > 0));
  return weightless
    ? ruleViolation('criterion-weight', `The criterion ${weightless.key} needs a weight above zero.`)
    : undefined;
}

function open(period: CallPeriod, call: Call): Decision<CallEvent> {
  if (call.status !== 'draft')
    return invalidTransition(
      call.status === 'none' ? 'call-not-found' : 'call-not-draft',
      call.status === 'none' ? 'There is no call with this id.' : `The call is ${call.status} already.`,
    );
  if ((call.terms as CallTerms).stages.length === 0)
    return ruleViolation('stage-required', 'Name at least one Bildungsbereich before the call opens.');
  if (period.closesOn <= period.opensOn)
    return ruleViolation('closes-before-opening', `The call must close after it opens (${period.opensOn}).`);
  return accept({ type: 'CallOpened', data: { ...period, terms: call.terms as CallTerms } });
}

export function decideCall(district: District): (command: CallCommand, call: Call) => Decision<CallEvent> {
  return (command, call) => {
    switch (command.type) {
      case 'DraftCall': {
        if (call.status !== 'none')
          return invalidTransition('call-exists', `A call with the id ${command.callId} already exists.`);
        const { type: _type, ...data } = command;
        return checkTerms(district, command.terms) ?? accept({ type: 'CallDrafted', data });
      }
      case 'ReviseCall': {
        if (call.status === 'none') return invalidTransition('call-not-found', 'There is no call with this id.');
        if (call.status === 'closed')
          return invalidTransition('call-closed', 'The call is closed; its terms stay as they were.');
        const terms = call.terms as CallTerms;
        const changed = Object.fromEntries(
          Object.entries(command.changes).filter(
            ([key, value]) =>
              value !== undefined && JSON.stringify(value) !== JSON.stringify(terms[key as keyof CallTerms]),
          ),
        ) as Partial<CallTerms>;
        if (Object.keys(changed).length === 0)
          return ruleViolation('revision-without-change', 'The revision changes nothing in the call.');
        if (call.status === 'open' && ('criteria' in changed || 'evaluatorPool' in changed))
          return invalidTransition(
            'call-open',
            'The criteria and the evaluator pool are fixed once a call is open, so every idea is evaluated alike.',
          );
        return (
          checkTerms(district, { ...terms, ...changed }) ?? accept({ type: 'CallRevised', data: { changes: changed } })
        );
      }
      case 'OpenCall':
        return open({ opensOn: command.opensOn, closesOn: command.closesOn }, call);
      case 'CloseCall':
        if (call.status !== 'open')
          return invalidTransition(
            call.status === 'none' ? 'call-not-found' : 'call-not-open',
            call.status === 'none'
              ? 'There is no call with this id.'
              : `The call is ${call.status}; only an open call closes.`,
          );
        return accept({
          type: 'CallClosed',
          data: { closedOn: command.on, early: command.on < (call.period as CallPeriod).closesOn },
        });
      default:
        return unknownCommand(command);
    }
  };
}

export function evolveCall(call: Call, event: CallEvent): Call {
  switch (event.type) {
    case 'CallDrafted':
      return {
        ...initialCall,
        status: 'draft',
        callId: event.data.callId,
        terms: event.data.terms,
        cause: event.data.cause ?? null,
      };
    case 'CallRevised':
      return { ...call, terms: { ...(call.terms as CallTerms), ...event.data.changes } };
    case 'CallOpened':
      return { ...call, status: 'open', period: { opensOn: event.data.opensOn, closesOn: event.data.closesOn } };
    case 'CallClosed':
      return { ...call, status: 'closed' };
  }
}

/** Whether a call takes ideas on a day: open, and not past its closing date. */
export const acceptsIdeasOn = (call: Call, day: string): boolean =>
  call.status === 'open' && call.period !== null && day >= call.period.opensOn && day <= call.period.closesOn;

export function callDecider(district: District): Decider<CallCommand, Call, CallEvent> {
  return { initialState: initialCall, decide: decideCall(district), evolve: evolveCall };
}
