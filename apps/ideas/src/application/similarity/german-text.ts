import { stemmer } from '@orama/stemmers/german';
import { deu } from 'stopword';

/** One word of a text as the similarity search sees it: its stem, and the word as written. */
export interface Term {
  readonly stem: string;
  readonly word: string;
}

/** ä → ae, ö → oe, ü → ue, ß → ss, as people type them without a German keyboard. */
export function foldGerman(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss');
}

const STOP_WORDS = new Set(deu.map(foldGerman));
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The words of a German text that carry meaning: NFKC, lower case, umlauts and ß folded, stop words
 * and single letters dropped, each reduced to its Snowball stem.
 */
export function termsOf(text: string): Term[] {
  const terms: Term[] = [];
  for (const match of text.normalize('NFKC').matchAll(WORD)) {
    const word = match[0].toLowerCase();
    const folded = foldGerman(word);
    if (folded.length < 2 || STOP_WORDS.has(folded)) continue;
    terms.push({ stem: foldGerman(stemmer(folded)), word });
  }
  return terms;
}

export const stemsOf = (text: string): string[] => termsOf(text).map((term) => term.stem);
