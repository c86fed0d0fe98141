import { streamCategory } from '@bildungsregion/event-store';

/** Every organisation is one stream, `organisation-<actor id>`. */
export const ORGANISATIONS = streamCategory('organisation');
/** Every network or body is one stream, `network-<actor id>`. */
export const NETWORKS = streamCategory('network');
/** Every contact person is one stream, `contact-<uuid>`; their personal data in it is sealed. */
export const CONTACTS = streamCategory('contact');
/** Every institution (Kita, school, …) is one stream, `institution-<uuid>`. */
export const INSTITUTIONS = streamCategory('institution');
/** Every offering (course, programme) is one stream, `offering-<uuid>`. */
export const OFFERINGS = streamCategory('offering');
/** Every scenario of the capacity plan is one stream, `scenario-<id>`. */
export const SCENARIOS = streamCategory('scenario');
/** Every recorded plan run is one stream, `planrun-<uuid>`. */
export const PLAN_RUNS = streamCategory('planrun');
/** Every measure (Maßnahme) is one stream, `measure-<uuid>`. */
export const MEASURES = streamCategory('measure');
/** Every municipality's balance of a stage and plan year that was ever short, `gap-<region key>.<stage>.<year>`. */
export const GAPS = streamCategory('gap');
/** Monitoring's measurements planning plans from, `input-<indicator key>.<region key>`. */
export const INPUTS = streamCategory('input');

/** The service that records these events and publishes them. */
export const SERVICE_NAME = 'planning';
