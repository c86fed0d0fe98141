import { given } from '@bildungsregion/decider';
import { LANDKREIS_OSNABRUECK } from '@bildungsregion/reference-data';
import { EffectInstitution, MeasureEvent, MeasureTerms } from './measure';
import { measureDecider } from './measure.decider';

const decider = measureDecider(LANDKREIS_OSNABRUECK);
const BRAMSCHE = '03459014';
const kita: EffectInstitution = { institutionId: 'kita-1', type: 'kita', regionKey: BRAMSCHE };
const terms: MeasureTerms = {
  title: 'Zweite Krippengruppe in der Kita Sonnenschein',
  description: 'Umbau des Bewegungsraums',
  regionKey: BRAMSCHE,
  effect: { institutionId: 'kita-1', stage: 'krippe', places: 15, effectiveFrom: '2027-08-01' },
  cost: { investment: 250_000, annual: 180_000 },
  goalIds: ['5d0c3c7e-2f43-4a57-9a55-0d3f1c7b8e21'],
};
const planned: MeasureEvent = { type: 'MeasurePlanned', data: { measureId: 'm1', terms } };
const approval = { authority: 'Rat der Stadt Bramsche, Beschluss 2027/041', decidedOn: '2027-03-15' };
const approved: MeasureEvent = { type: 'MeasureApproved', data: approval };
const plan = (changes: Partial<MeasureTerms>, institution: EffectInstitution | null = kita) => ({
  type: 'PlanMeasure' as const,
  measureId: 'm1',
  terms: { ...terms, ...changes },
  ...(institution ? { institution } : {}),
});

describe('a measure', () => {
  it('is planned with a capacity effect at an institution that offers the stage in its municipality', () => {
    given(decider).when(plan({})).then([planned]);
    given(decider).when(plan({}, null)).thenRejects('rule-violation', 'institution-unknown');
    given(decider)
      .when(plan({}, { ...kita, closedFrom: '2027-08-01' }))
      .thenRejects('rule-violation', 'institution-closed');
    given(decider)
      .when(plan({}, { ...kita, type: 'grundschule' }))
      .thenRejects('rule-violation', 'effect-stage-mismatch');
    given(decider)
      .when(plan({}, { ...kita, regionKey: '03459020' }))
      .thenRejects('rule-violation', 'effect-outside-region');
    given(decider)
      .when(plan({ regionKey: '03459' }, { ...kita, regionKey: '03459020' }))
      .then([{ type: 'MeasurePlanned', data: { measureId: 'm1', terms: { ...terms, regionKey: '03459' } } }]);
    given(decider)
      .when(plan({ title: ' ' }))
      .thenRejects('rule-violation', 'title-required');
    given(decider)
      .when(plan({ regionKey: '03404000' }))
      .thenRejects('rule-violation', 'region-unknown');
    given(decider, [planned]).when(plan({})).thenRejects('invalid-transition', 'measure-exists');
  });

  it('keeps the idea it was drafted from, and needs no effect', () => {
    const origin = { ideaId: 'i1', promotionId: 'p1' };
    const { effect, cost, ...bare } = terms;
    given(decider)
      .when({ type: 'PlanMeasure', measureId: 'm1', terms: bare, origin })
      .then([{ type: 'MeasurePlanned', data: { measureId: 'm1', terms: bare, origin } }]);
    expect(effect).toBeDefined();
    expect(cost).toBeDefined();
  });

  it('is revised only while planned, and only when something differs', () => {
    const revisedTerms = { ...terms, cost: { investment: 300_000 } };
    given(decider, [planned])
      .when({ type: 'ReviseMeasure', terms: revisedTerms, reason: 'Angebot des Architekten', institution: kita })
      .then([{ type: 'MeasureRevised', data: { terms: revisedTerms, reason: 'Angebot des Architekten' } }]);
    given(decider, [planned]).when({ type: 'ReviseMeasure', terms, reason: 'nichts', institution: kita }).then([]);
    given(decider, [planned])
      .when({ type: 'ReviseMeasure', terms: revisedTerms, reason: '' })
      .thenRejects('rule-violation', 'reason-required');
    given(decider, [planned, approved])
      .when({ type: 'ReviseMeasure', terms: revisedTerms, reason: 'zu spät', institution: kita })
      .thenRejects('invalid-transition', 'measure-approved');
  });

  it('is approved by a named authority, then implemented, never before its approval', () => {
    given(decider, [planned]).when({ type: 'ApproveMeasure', approval }).then([approved]);
    given(decider, [planned])
      .when({ type: 'ApproveMeasure', approval: { ...approval, authority: '' } })
      .thenRejects('rule-violation', 'authority-required');
    given(decider).when({ type: 'ApproveMeasure', approval }).thenRejects('invalid-transition', 'measure-not-found');
    given(decider, [planned])
      .when({ type: 'ImplementMeasure', implementedOn: '2027-08-01' })
      .thenRejects('invalid-transition', 'measure-planned');
    given(decider, [planned, approved])
      .when({ type: 'ImplementMeasure', implementedOn: '2027-03-14' })
      .thenRejects('rule-violation', 'implemented-before-approval');
    given(decider, [planned, approved])
      .when({ type: 'ImplementMeasure', implementedOn: '2027-08-01' })
      .then([{ type: 'MeasureImplemented', data: { implementedOn: '2027-08-01' } }]);
  });

  it('is dropped with a reason before it is implemented', () => {
    const dropped: MeasureEvent = { type: 'MeasureDropped', data: { reason: 'Kein Bauplatz' } };
    given(decider, [planned, approved]).when({ type: 'DropMeasure', reason: 'Kein Bauplatz' }).then([dropped]);
    given(decider, [planned])
      .when({ type: 'DropMeasure', reason: ' ' })
      .thenRejects('rule-violation', 'reason-required');
    given(decider, [planned, dropped])
      .when({ type: 'ApproveMeasure', approval })
      .thenRejects('invalid-transition', 'measure-dropped');
    given(decider, [planned, approved, { type: 'MeasureImplemented', data: { implementedOn: '2027-08-01' } }])
      .when({ type: 'DropMeasure', reason: 'x' })
      .thenRejects('invalid-transition', 'measure-implemented');
  });
});
