import { LISTED_VALUES, valuesInWords } from './chart-text';

const words = {
  none: 'keine Werte',
  summary: (facts: Record<string, string>) =>
    `${facts['count']} Werte, zuerst ${facts['first']}, zuletzt ${facts['last']}, niedrigster ${facts['lowest']}, höchster ${facts['highest']}`,
};

describe('the values a chart shows, in words', () => {
  it('lists a few values one by one, the German way', () => {
    expect(
      valuesInWords(
        [
          { label: '2024', value: 29.5 },
          { label: '2025', value: 1234.5 },
        ],
        words,
      ),
    ).toBe('2024: 29,5; 2025: 1.234,5');
  });

  it('summarises a long series by its first, last, lowest and highest value', () => {
    const values = Array.from({ length: LISTED_VALUES + 1 }, (_, index) => ({
      label: `P${index}`,
      value: index === 5 ? 100 : index === 7 ? -3 : index,
    }));
    expect(valuesInWords(values, words)).toBe(
      '13 Werte, zuerst P0: 0, zuletzt P12: 12, niedrigster P7: -3, höchster P5: 100',
    );
  });

  it('says so when there is nothing to show', () => {
    expect(valuesInWords([], words)).toBe('keine Werte');
  });
});
