import { streamCategory } from '@bildungsregion/event-store';

/** Each indicator is one stream (`indicator-<key>`) holding its definition and all its measurements. */
export const INDICATORS = streamCategory('indicator');
/** Each data release and each CSV import is recorded in a stream of its own. */
export const RELEASES = streamCategory('release');
export const IMPORTS = streamCategory('import');

/** The service that records monitoring's events and publishes them. */
export const SERVICE_NAME = 'monitoring';
