import { streamCategory } from '@bildungsregion/event-store';

/** Every idea is one stream, `idea-<idea id>`; the category `idea` selects them all. */
export const IDEAS = streamCategory('idea');

/** Every call for ideas is one stream, `call-<call id>`. */
export const CALLS = streamCategory('call');

/** The service that records these events and publishes them. */
export const SERVICE_NAME = 'ideas';
