import { bodyOf, EMPTY_MEASURE } from './MeasureForm';

describe('the measure form', () => {
  const base = { ...EMPTY_MEASURE, title: 'Zweite Krippengruppe', regionKey: '03459014' };

  it('sends no effect and no cost when neither was given', () => {
    expect(bodyOf(base)).toEqual({
      title: 'Zweite Krippengruppe',
      description: '',
      regionKey: '03459014',
      goalIds: [],
    });
  });

  it('sends the effect of a chosen institution and German amounts as numbers', () => {
    const body = bodyOf({
      ...base,
      institutionId: 'kita-1',
      stage: 'krippe',
      places: '15',
      effectiveFrom: '2027-08-01',
      investment: '250.000',
      annual: '',
      goalIds: ['g1'],
    });
    expect(body.effect).toEqual({ institutionId: 'kita-1', stage: 'krippe', places: 15, effectiveFrom: '2027-08-01' });
    expect(body.cost).toEqual({ investment: 250_000 });
    expect(body.goalIds).toEqual(['g1']);
  });

  it('lets the server name an amount it cannot read rather than dropping it', () => {
    expect(bodyOf({ ...base, annual: 'viel' }).cost?.annual).toBeNaN();
  });
});
