import { given } from '@bildungsregion/decider';
import { LANDKREIS_OSNABRUECK } from '@bildungsregion/reference-data';
import { CallEvent, CallTerms } from './call';
import { acceptsIdeasOn, callDecider } from './call.decider';

const decider = callDecider(LANDKREIS_OSNABRUECK);
const terms: CallTerms = {
  theme: 'Frühe Hilfen in Bramsche',
  description: 'Ideen für mehr Kita-Plätze.',
  stages: ['fruehkindliche-bildung'],
  regionKeys: ['03459011'],
  targetGroups: ['Kitas'],
  criteria: [],
  evaluatorPool: [],
};
const drafted: CallEvent = { type: 'CallDrafted', data: { callId: 'c1', terms } };
const opened: CallEvent = { type: 'CallOpened', data: { opensOn: '2026-12-01', closesOn: '2027-01-31', terms } };

describe('a call for ideas', () => {
  it('is drafted once per id, with or without a cause', () => {
    given(decider).when({ type: 'DraftCall', callId: 'c1', terms }).then([drafted]);
    given(decider, [drafted])
      .when({ type: 'DraftCall', callId: 'c1', terms })
      .thenRejects('invalid-transition', 'call-exists');
  });

  it.each([
    ['theme-required', { theme: ' ' }],
    ['region-unknown', { regionKeys: ['03404000'] }],
    [
      'criterion-duplicate',
      {
        criteria: [
          { key: 'a', label: 'A', weight: 1 },
          { key: 'a', label: 'B', weight: 1 },
        ],
      },
    ],
    ['criterion-weight', { criteria: [{ key: 'a', label: 'A', weight: 0 }] }],
  ] as const)('refuses terms that break a rule: %s', (code, change) => {
    given(decider)
      .when({ type: 'DraftCall', callId: 'c1', terms: { ...terms, ...change } as CallTerms })
      .thenRejects('rule-violation', code);
  });

  it('opens from a draft with a closing date after the opening, and takes ideas only in that period', () => {
    const open = given(decider, [drafted]).when({ type: 'OpenCall', opensOn: '2026-12-01', closesOn: '2027-01-31' });
    open.then([opened]);
    expect(acceptsIdeasOn(open.state, '2026-11-30')).toBe(false);
    expect(acceptsIdeasOn(open.state, '2027-01-31')).toBe(true);
    expect(acceptsIdeasOn(open.state, '2027-02-01')).toBe(false);
    given(decider, [drafted])
      .when({ type: 'OpenCall', opensOn: '2026-12-01', closesOn: '2026-12-01' })
      .thenRejects('rule-violation', 'closes-before-opening');
    given(decider, [drafted, opened])
      .when({ type: 'OpenCall', opensOn: '2026-12-01', closesOn: '2027-01-31' })
      .thenRejects('invalid-transition', 'call-not-draft');
    // A call drafted from a cause has no Bildungsbereich yet; the coordinator names one before opening it.
    given(decider, [{ type: 'CallDrafted', data: { callId: 'c1', terms: { ...terms, stages: [] } } }])
      .when({ type: 'OpenCall', opensOn: '2026-12-01', closesOn: '2027-01-31' })
      .thenRejects('rule-violation', 'stage-required');
  });

  it('closes only when open, noting an early close', () => {
    const closed = given(decider, [drafted, opened]).when({ type: 'CloseCall', on: '2027-01-15' });
    closed.then([{ type: 'CallClosed', data: { closedOn: '2027-01-15', early: true } }]);
    expect(acceptsIdeasOn(closed.state, '2027-01-20')).toBe(false);
    given(decider, [drafted])
      .when({ type: 'CloseCall', on: '2027-01-15' })
      .thenRejects('invalid-transition', 'call-not-open');
  });

  it('revises a draft freely, an open call except criteria and evaluators, a closed one not at all', () => {
    given(decider, [drafted])
      .when({ type: 'ReviseCall', changes: { theme: 'Kita-Plätze in Bramsche' } })
      .then([{ type: 'CallRevised', data: { changes: { theme: 'Kita-Plätze in Bramsche' } } }]);
    given(decider, [drafted])
      .when({ type: 'ReviseCall', changes: { theme: terms.theme } })
      .thenRejects('rule-violation', 'revision-without-change');
    given(decider, [drafted, opened])
      .when({ type: 'ReviseCall', changes: { criteria: [{ key: 'a', label: 'A', weight: 1 }] } })
      .thenRejects('invalid-transition', 'call-open');
    given(decider, [drafted, opened, { type: 'CallClosed', data: { closedOn: '2027-01-31', early: false } }])
      .when({ type: 'ReviseCall', changes: { theme: 'x' } })
      .thenRejects('invalid-transition', 'call-closed');
  });
});
