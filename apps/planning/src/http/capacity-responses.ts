import { EDUCATION_STAGES } from '@bildungsregion/contracts';
import { pageOf } from '@bildungsregion/http';
import { z } from 'zod';
import { PLANNING_STAGES } from '../domain/capacity';
import { INSTITUTION_TYPES } from '../domain/institution';
import { OFFERING_KINDS } from '../domain/offering';

/** What the institution, offering, scenario and plan routes answer, for the OpenAPI document. */

const timestamp = z.string().describe('ISO 8601 timestamp');
const places = z.object({ approved: z.number(), overSevenHours: z.number(), integration: z.number() });
const capacityChange = z.looseObject({
  effectiveFrom: z.string(),
  places: z.object({ krippe: places.optional(), kindergarten: places.optional(), hort: places.optional() }),
  streams: z.number().optional(),
  classesPerYearGroup: z.array(z.number()).optional(),
});
const occupancy = z.object({
  referenceDate: z.string(),
  occupied: z.object({
    krippe: z.number().optional(),
    kindergarten: z.number().optional(),
    hort: z.number().optional(),
  }),
});

export const InstitutionResult = z.looseObject({
  id: z.string(),
  name: z.string(),
  type: z.enum(INSTITUTION_TYPES),
  regionKey: z.string(),
  locality: z.string().optional(),
  operatorId: z.string(),
  status: z.enum(['open', 'closed']),
  closedFrom: z.string().optional(),
  capacity: z.array(capacityChange),
  occupancy: z.array(occupancy),
  revision: z.number(),
  updatedAt: timestamp,
});
export const InstitutionPageResult = pageOf(InstitutionResult);

export const OfferingResult = z.looseObject({
  id: z.string(),
  title: z.string(),
  kind: z.enum(OFFERING_KINDS),
  providerId: z.string(),
  stage: z.enum(EDUCATION_STAGES),
  targetGroup: z.string(),
  places: z.number().optional(),
  startsOn: z.string(),
  endsOn: z.string().optional(),
  regionKey: z.string(),
  status: z.enum(['running', 'ended']),
  updatedAt: timestamp,
});
export const OfferingPageResult = pageOf(OfferingResult);

const perStage = z.object(Object.fromEntries(PLANNING_STAGES.map((stage) => [stage, z.number().optional()])));
const assumptions = z.looseObject({
  participation: perStage,
  birthsChangePercent: z.number(),
  migrationPercent: z.number(),
  bufferPercent: perStage,
  groupSize: z.object(Object.fromEntries(PLANNING_STAGES.map((stage) => [stage, z.number()]))),
  schoolEntryShareBeforeCutoff: z.number(),
  buildingAreas: z.array(
    z.object({ name: z.string(), regionKey: z.string(), children: z.number(), fromYear: z.number() }),
  ),
  includePlannedMeasures: z.boolean().optional(),
});
const version = z.looseObject({
  name: z.string(),
  description: z.string(),
  assumptions,
  version: z.number(),
  recordedAt: timestamp,
  reason: z.string().optional(),
});
export const ScenarioResult = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  assumptions,
  version: z.number(),
  status: z.enum(['active', 'archived']),
  versions: z.array(version),
  updatedAt: timestamp,
});
export const ScenarioListResult = z.object({ items: z.array(ScenarioResult) });
const scenarioAsRun = version.extend({ scenarioId: z.string() });

const verdict = z.enum(['covered', 'tight', 'shortfall', 'no-population']);
const rateSource = z.looseObject({ kind: z.enum(['measurement', 'assumption', 'default']) });
const planRow = z.looseObject({
  regionKey: z.string(),
  stage: z.enum(PLANNING_STAGES),
  year: z.number(),
  children: z.number().nullable(),
  participation: z.number(),
  demand: z.number().nullable(),
  supply: z.number(),
  balance: z.number().nullable(),
  coverage: z.number().nullable(),
  groupsNeeded: z.number().nullable(),
  missingGroups: z.number(),
  verdict,
  missingRegions: z.number().optional(),
  sources: z.looseObject({
    children: z
      .looseObject({
        basePeriod: z.number(),
        rolledYears: z.number(),
        measurementIds: z.array(z.string()),
        buildingAreas: z.array(z.string()),
      })
      .nullable(),
    participation: rateSource,
    supply: z.array(z.object({ institutionId: z.string(), name: z.string(), places: z.number() })),
    measures: z.array(
      z.object({
        measureId: z.string(),
        title: z.string(),
        status: z.enum(['planned', 'approved', 'implemented']),
        institutionId: z.string(),
        places: z.number(),
        takesEffect: z.boolean().describe('The first plan year the measure counts in.'),
      }),
    ),
  }),
});
export const CapacityPlanResult = z.looseObject({
  scenario: scenarioAsRun,
  firstYear: z.number(),
  rows: z.array(planRow),
});

export const ScenarioComparisonResult = z.looseObject({
  scenarios: z.array(scenarioAsRun),
  firstYear: z.number(),
  rows: z.array(
    z.looseObject({
      regionKey: z.string(),
      stage: z.enum(PLANNING_STAGES),
      year: z.number(),
      figures: z.array(
        z.looseObject({
          scenarioId: z.string(),
          demand: z.number().nullable(),
          supply: z.number(),
          balance: z.number().nullable(),
          verdict,
          demandDifference: z.number().nullable(),
          balanceDifference: z.number().nullable(),
        }),
      ),
    }),
  ),
});

export const NkitagResult = z.looseObject({
  scenario: scenarioAsRun,
  referenceDate: z.string(),
  lines: z.array(
    z.looseObject({
      regionKey: z.string(),
      municipality: z.string(),
      locality: z.string(),
      referenceDate: z.string(),
      ageGroup: z.enum(['krippe', 'kindergarten', 'hort']),
      approved: z.number(),
      overSevenHours: z.number(),
      integration: z.number(),
      occupied: z.number(),
      demand: z.array(z.number().nullable()),
    }),
  ),
});

const runSummary = {
  id: z.string(),
  purpose: z.string(),
  firstYear: z.number(),
  scenarios: z.array(z.object({ scenarioId: z.string(), version: z.number(), name: z.string() })),
  recordedAt: timestamp,
  recordedBy: z.string(),
};
export const PlanRunPageResult = pageOf(z.looseObject({ ...runSummary, rowCount: z.number() }));
export const PlanRunResult = z.looseObject({
  ...runSummary,
  inputs: z.object({
    measurementIds: z.array(z.string()),
    institutions: z.array(z.object({ institutionId: z.string(), revision: z.number() })),
    measures: z.array(z.object({ measureId: z.string(), status: z.string() })).optional(),
  }),
  rows: z.array(
    z.looseObject({
      scenarioId: z.string(),
      regionKey: z.string(),
      stage: z.enum(PLANNING_STAGES),
      year: z.number(),
      children: z.number().nullable(),
      participation: z.number(),
      demand: z.number().nullable(),
      supply: z.number(),
    }),
  ),
});
