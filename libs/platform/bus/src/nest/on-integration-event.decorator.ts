import { SetMetadata } from '@nestjs/common';
import { IntegrationEventContract } from '@bildungsregion/contracts';

export const INTEGRATION_EVENT_HANDLER = 'bildungsregion:integration-event-handler';

export interface IntegrationEventHandlerMetadata {
  readonly type: string;
  readonly topic: string;
}

/**
 * Marks a provider method as the handler of one integration event type. The method receives the
 * `Delivery`; it is found when the application starts, whichever bus adapter runs.
 */
export function OnIntegrationEvent(contract: IntegrationEventContract): MethodDecorator {
  return SetMetadata<string, IntegrationEventHandlerMetadata>(INTEGRATION_EVENT_HANDLER, {
    type: contract.type,
    topic: contract.topic,
  });
}
