import { streamCategory } from '@bildungsregion/event-store';

/** Every goal is one stream, `goal-<goal id>`; the category `goal` selects them all. */
export const GOALS = streamCategory('goal');

/** The service that records goals' events and publishes them. */
export const SERVICE_NAME = 'goals';
