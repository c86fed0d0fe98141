import de from './de.json';
import en from './en.json';

function entries(messages: object, prefix = ''): [string, unknown][] {
  return Object.entries(messages).flatMap(([key, value]): [string, unknown][] =>
    typeof value === 'object' && value !== null ? entries(value, `${prefix}${key}/`) : [[`${prefix}${key}`, value]],
  );
}

describe('the message files', () => {
  it('give English for every German text and nothing else', () => {
    const keys = (messages: object) =>
      entries(messages)
        .map(([key]) => key)
        .sort();
    expect(keys(en)).toEqual(keys(de));
  });

  it('leave no text empty', () => {
    for (const messages of [de, en]) {
      const empty = entries(messages).filter(([, value]) => typeof value !== 'string' || value.trim() === '');
      expect(empty).toEqual([]);
    }
  });
});
