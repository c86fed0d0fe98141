import { Injectable, Provider } from '@nestjs/common';
import { ActorDirectory } from '@bildungsregion/application';
import { Delivery, OnIntegrationEvent } from '@bildungsregion/bus';
import { ActorRegistered, ActorRenamed, ActorRetired } from '@bildungsregion/contracts';
import { EventStore } from '@bildungsregion/event-store';
import { ReadModelStore } from '@bildungsregion/read-models';
import { EVENT_STORE, READ_MODELS } from './service-module';

/** Feeds planning's directory events into the service's local actor directory. */
@Injectable()
export class ActorDirectoryConsumer {
  constructor(private readonly directory: ActorDirectory) {}

  @OnIntegrationEvent(ActorRegistered)
  registered(delivery: Delivery): Promise<void> {
    return this.directory.note(delivery.event);
  }

  @OnIntegrationEvent(ActorRenamed)
  renamed(delivery: Delivery): Promise<void> {
    return this.directory.note(delivery.event);
  }

  @OnIntegrationEvent(ActorRetired)
  retired(delivery: Delivery): Promise<void> {
    return this.directory.note(delivery.event);
  }
}

/**
 * The local actor directory of a service that names parties or submitters: add these providers, the
 * `knownActorProjection` and the planning topic to the service's runtime parts.
 */
export function actorDirectoryProviders(service: string): Provider[] {
  return [
    {
      provide: ActorDirectory,
      inject: [EVENT_STORE, READ_MODELS],
      useFactory: (store: EventStore, readModels: ReadModelStore) =>
        new ActorDirectory(store, readModels, { id: `${service}.actor-directory`, role: 'service' }),
    },
    ActorDirectoryConsumer,
  ];
}
