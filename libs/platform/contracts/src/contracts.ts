import * as goals from './goals.contracts';
import * as ideas from './ideas.contracts';
import { IntegrationEventContract } from './integration-event';
import * as monitoring from './monitoring.contracts';
import * as planning from './planning.contracts';
import { sealContracts } from './seal.contracts';

/** Every integration event the system knows; an event of any other type is rejected on publish and on consume. */
export const integrationEventContracts: readonly IntegrationEventContract[] = [
  ...Object.values(monitoring),
  ...Object.values(goals),
  ...Object.values(ideas),
  ...Object.values(planning),
  ...sealContracts,
];

export type DataOf<C> = C extends IntegrationEventContract<infer Data> ? Data : never;
