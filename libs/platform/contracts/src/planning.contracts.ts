import { z } from 'zod';
import { contract, id, regionKey, text } from './shared-schemas';
import { Topics } from './topics';

/**
 * What planning publishes on bildung.planning.v1: the actors directory, so goals and ideas can show
 * the names of parties and submitters. Contact persons and their personal data never leave planning.
 */
export const ActorRegistered = contract(
  Topics.planning,
  'bildung.planning.actor-registered.v1',
  z.strictObject({
    actorId: id,
    name: text,
    /** An organisation, or a network or body of organisations. */
    kind: z.enum(['organisation', 'network']),
    /** The organisation's type (traeger, schule, …) or the network's kind (netzwerk, gremium). */
    type: id,
    /** Where an organisation sits; networks have none. */
    regionKey: regionKey.optional(),
  }),
);

export const ActorRenamed = contract(
  Topics.planning,
  'bildung.planning.actor-renamed.v1',
  z.strictObject({ actorId: id, name: text }),
);

/** The organisation was retired or the network dissolved; its id stays known with its last name. */
export const ActorRetired = contract(
  Topics.planning,
  'bildung.planning.actor-retired.v1',
  z.strictObject({ actorId: id }),
);
