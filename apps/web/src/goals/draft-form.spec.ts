import { draftFormToBody, EMPTY_DRAFT } from './draft-form';

const filled = {
  ...EMPTY_DRAFT,
  title: 'Mehr Krippenplätze',
  description: 'Ausbau in Bramsche',
  stage: 'fruehkindliche-bildung',
  region: '03459008',
  unit: '%',
  baselineValue: '35,5',
  baselineDate: '2026-01-01',
  targetValue: '45',
  targetDate: '2028-07-31',
  parties: [{ id: 'stadt-bramsche', name: 'Stadt Bramsche', role: 'responsible' }],
};

describe('the draft form', () => {
  it('becomes the body of POST /goals, with the indicator in the goal’s region', () => {
    expect(draftFormToBody({ ...filled, indicator: 'betreuungsquote-u3' })).toEqual({
      ok: true,
      body: {
        title: 'Mehr Krippenplätze',
        description: 'Ausbau in Bramsche',
        stage: 'fruehkindliche-bildung',
        regionKeys: ['03459008'],
        unit: '%',
        direction: 'higher',
        baseline: { value: 35.5, date: '2026-01-01' },
        target: { value: 45, dueDate: '2028-07-31' },
        parties: [{ id: 'stadt-bramsche', name: 'Stadt Bramsche', role: 'responsible' }],
        indicator: { key: 'betreuungsquote-u3', regionKey: '03459008' },
      },
    });
  });

  it('names every missing or unreadable field by the API’s field path', () => {
    const result = draftFormToBody({ ...EMPTY_DRAFT, baselineValue: 'viel', targetDate: '31.07.2028' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual({
      title: 'required',
      description: 'required',
      stage: 'notChosen',
      regionKeys: 'notChosen',
      unit: 'required',
      'baseline.value': 'notANumber',
      'baseline.date': 'required',
      'target.value': 'required',
      'target.dueDate': 'notADate',
      'parties.0.id': 'required',
      'parties.0.name': 'required',
    });
  });
});
