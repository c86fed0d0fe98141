import { streamCategory } from '@bildungsregion/event-store';

/** Every organisation is one stream, `organisation-<actor id>`. */
export const ORGANISATIONS = streamCategory('organisation');
/** Every network or body is one stream, `network-<actor id>`. */
export const NETWORKS = streamCategory('network');
/** Every contact person is one stream, `contact-<uuid>`; their personal data in it is sealed. */
export const CONTACTS = streamCategory('contact');

/** The service that records these events and publishes them. */
export const SERVICE_NAME = 'planning';
