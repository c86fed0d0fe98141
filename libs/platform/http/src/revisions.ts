import { ProblemError } from './problems';

/** The ETag of an aggregate at a stream revision. */
export function etagOf(revision: number): string {
  return `"${revision}"`;
}

/** An ETag as `If-Match` carries it: `"3"`, also weak `W/"3"`. */
export const IF_MATCH_PATTERN = /^\s*(?:W\/)?"(\d{1,15})"\s*$/;

/**
 * The stream revision an `If-Match` header names (`"3"`, also weak `W/"3"`), or undefined without
 * the header; anything else, an empty value too, is a 400, since guessing could overwrite someone
 * else's change.
 */
export function expectedRevisionFrom(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined) return undefined;
  const match = IF_MATCH_PATTERN.exec(ifMatch);
  if (!match) {
    throw new ProblemError(
      400,
      'invalid-if-match',
      'Invalid If-Match',
      `If-Match must be the ETag of the revision you based the change on, like "3"; got ${JSON.stringify(ifMatch.slice(0, 40))}.`,
    );
  }
  return Number(match[1]);
}
