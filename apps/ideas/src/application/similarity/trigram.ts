/**
 * Trigram similarity as PostgreSQL's pg_trgm computes it (`similarity()`): every word padded with
 * two spaces in front and one behind, the set of its three-letter windows, and the share of
 * trigrams two texts have in common (shared ÷ union). The words come in already normalised.
 */
export function trigramsOf(words: readonly string[]): Set<string> {
  const trigrams = new Set<string>();
  for (const word of words) {
    const padded = `  ${word} `;
    for (let at = 0; at + 3 <= padded.length; at += 1) trigrams.add(padded.slice(at, at + 3));
  }
  return trigrams;
}

export function trigramSimilarity(left: ReadonlySet<string>, right: ReadonlySet<string>): number {
  if (left.size === 0 || right.size === 0) return 0;
  const [smaller, larger] = left.size <= right.size ? [left, right] : [right, left];
  let shared = 0;
  for (const trigram of smaller) if (larger.has(trigram)) shared += 1;
  return shared / (left.size + right.size - shared);
}
