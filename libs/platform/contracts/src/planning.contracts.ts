import { z } from 'zod';
import { contract, id, isoDate, regionKey, text } from './shared-schemas';
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

const planningStage = z.enum(['krippe', 'kindergarten', 'hort', 'grundschule']);
const measureOutline = {
  measureId: id,
  title: text,
  /** The municipality it is for, or the district. */
  regionKey,
  /** The goals it serves. */
  goalIds: z.array(id),
  /** Places it adds to a stage at an institution from a day on, where it adds any. */
  effect: z
    .strictObject({
      institutionId: id,
      stage: planningStage,
      places: z.number().int().positive(),
      effectiveFrom: isoDate,
    })
    .optional(),
};

/** A measure (Maßnahme) was planned; `origin` names the idea it was promoted from, when it was. */
export const MeasurePlanned = contract(
  Topics.planning,
  'bildung.planning.measure-planned.v1',
  z.strictObject({ ...measureOutline, origin: z.strictObject({ ideaId: id, promotionId: id }).optional() }),
);

/** A planned measure's terms changed; the event carries them whole. */
export const MeasureRevised = contract(
  Topics.planning,
  'bildung.planning.measure-revised.v1',
  z.strictObject(measureOutline),
);

export const MeasureApproved = contract(
  Topics.planning,
  'bildung.planning.measure-approved.v1',
  z.strictObject({ measureId: id, authority: text, decidedOn: isoDate }),
);

export const MeasureImplemented = contract(
  Topics.planning,
  'bildung.planning.measure-implemented.v1',
  z.strictObject({ measureId: id, implementedOn: isoDate }),
);

export const MeasureDropped = contract(
  Topics.planning,
  'bildung.planning.measure-dropped.v1',
  z.strictObject({ measureId: id, reason: text }),
);

const gapFigures = z.strictObject({
  regionKey,
  stage: planningStage,
  /** The Kita or school year starting 1 August. */
  year: z.number().int(),
  demand: z.number().int(),
  supply: z.number().int(),
  balance: z.number().int(),
  missingGroups: z.number().int(),
  /** The measures counted in the supply. */
  measureIds: z.array(id),
});

/** The status-quo plan's balance of a municipality, stage and year fell below zero. */
export const GapIdentified = contract(Topics.planning, 'bildung.planning.gap-identified.v1', gapFigures);

/** The balance is zero or more again, e.g. because an approved measure counts from that year. */
export const GapClosed = contract(Topics.planning, 'bildung.planning.gap-closed.v1', gapFigures);
