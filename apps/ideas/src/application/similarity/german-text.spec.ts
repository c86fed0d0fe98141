import { foldGerman, stemsOf, termsOf } from './german-text';
import { trigramsOf, trigramSimilarity } from './trigram';

describe('German text for the similarity search', () => {
  it('folds umlauts and ß the way they are typed without a German keyboard, after NFKC', () => {
    expect(foldGerman('Größe Übergänge')).toBe('groesse uebergaenge');
    expect(foldGerman('ﬁnanzierung')).toBe('finanzierung');
  });

  it('drops stop words and reduces inflected forms to one stem', () => {
    expect(stemsOf('Die Schulen und der Schule')).toEqual(['schul', 'schul']);
    expect(stemsOf('Förderung')).toEqual(stemsOf('Foerderung'));
    expect(stemsOf('Kindertagesstätten')).toEqual(stemsOf('Kindertagesstätte'));
  });

  it('keeps the words as written next to their stems, for highlighting', () => {
    expect(termsOf('Lesepaten gewinnen')).toEqual([
      { stem: 'lesepat', word: 'lesepaten' },
      { stem: 'gewinn', word: 'gewinnen' },
    ]);
  });
});

describe('trigram similarity', () => {
  it('gives the numbers pg_trgm gives', () => {
    // PostgreSQL: SELECT similarity('word', 'words') → 0.5714286; similarity('word', 'two words') → 0.36363637
    expect(trigramSimilarity(trigramsOf(['word']), trigramsOf(['words']))).toBeCloseTo(0.5714286, 6);
    expect(trigramSimilarity(trigramsOf(['word']), trigramsOf(['two', 'words']))).toBeCloseTo(0.3636364, 6);
    expect(trigramSimilarity(trigramsOf([]), trigramsOf(['word']))).toBe(0);
  });
});
