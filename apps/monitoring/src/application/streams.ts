/** Each indicator is one stream (`indicator-<key>`) holding its definition and all its measurements. */
export const INDICATOR_CATEGORY = 'indicator';
/** Each data release and each CSV import is recorded in a stream of its own. */
export const RELEASE_CATEGORY = 'release';
export const IMPORT_CATEGORY = 'import';

export const indicatorStreamId = (key: string): string => `${INDICATOR_CATEGORY}-${key}`;
export const releaseStreamId = (releaseId: string): string => `${RELEASE_CATEGORY}-${releaseId}`;
export const importStreamId = (importId: string): string => `${IMPORT_CATEGORY}-${importId}`;

export function idInStream(streamId: string): string {
  return streamId.slice(streamId.indexOf('-') + 1);
}
