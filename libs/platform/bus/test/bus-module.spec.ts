import 'reflect-metadata';
import { MeasurementCorrected, MeasurementRecorded, Topics } from '@bildungsregion/contracts';
import { describeWith, eventually, kafkaForTests, useTempDir } from '@bildungsregion/testing';
import { Inject, Injectable, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Bus, BUS, BusModule, DeadLetter, Delivery, OnIntegrationEvent } from '../src';
import { measurementRecorded } from './support/messages';

@Injectable()
class ProgressFromMeasurements {
  readonly handled: Delivery[] = [];

  @OnIntegrationEvent(MeasurementRecorded)
  async onMeasurementRecorded(delivery: Delivery): Promise<void> {
    this.handled.push(delivery);
  }

  @OnIntegrationEvent(MeasurementCorrected)
  async onMeasurementCorrected(): Promise<void> {
    throw new Error('corrections are not linked yet');
  }
}

@Injectable()
class Publisher {
  constructor(@Inject(BUS) readonly bus: Bus) {}
}

const deadLettered: { topic: string; groupId: string; attempts: number; error: string }[] = [];

function moduleFor(url: string, topicNamespace: string) {
  @Module({
    imports: [
      BusModule.forRoot({
        url,
        groupId: 'goals',
        publishes: [Topics.goals],
        topicNamespace,
        retry: { maxAttempts: 2, initialBackoffMs: 5 },
        onDeadLetter: (deadLetter) => deadLettered.push(deadLetter),
      }),
    ],
    providers: [ProgressFromMeasurements, Publisher],
  })
  class GoalsTestModule {}
  return GoalsTestModule;
}

// The handlers fail on purpose; the bus's warnings about it would only clutter the test report.
process.env['LOG_LEVEL'] = 'silent';

function busModuleSpec(url: () => string, timeoutMs: number): void {
  let app: INestApplicationContext;

  beforeEach(async () => {
    app = await NestFactory.createApplicationContext(moduleFor(url(), `nest${randomUUID().slice(0, 8)}`), {
      logger: false,
    });
    await app.init();
  });

  afterEach(async () => {
    await app.close();
  });

  it('calls the decorated method for its event type and dead-letters what the handler keeps rejecting', async () => {
    const { bus } = app.get(Publisher);
    const recorded = measurementRecorded('03459020', 1);
    const corrected = {
      ...measurementRecorded('03459020', 2),
      type: MeasurementCorrected.type,
      data: {
        measurementId: 'measurement-2',
        indicatorKey: 'betreuungsquote-u3',
        regionKey: '03459020',
        period: '2025',
        value: 2.5,
        previousValue: 2,
        reason: 'Tippfehler in der Meldung',
        correctedBy: { id: 'coordinator-1', role: 'coordinator' },
      },
    };
    await bus.publish([recorded, corrected].map((event) => ({ topic: Topics.monitoring, event })));
    const deadLetters: DeadLetter[] = [];
    const reader = await bus.subscribeDeadLetters({
      groupId: 'operator',
      topics: [Topics.monitoring],
      handler: async (deadLetter) => {
        deadLetters.push(deadLetter);
      },
    });
    const handler = app.get(ProgressFromMeasurements);
    await eventually(() => handler.handled.length === 1 && deadLetters.length === 1, timeoutMs);
    await reader.stop();
    expect(handler.handled[0]!.event).toEqual(recorded);
    expect(deadLetters[0]).toMatchObject({
      error: 'Error: corrections are not linked yet',
      attempts: 2,
      consumerGroup: 'goals',
    });
    expect(deadLettered).toContainEqual({
      topic: Topics.monitoring,
      groupId: 'goals',
      attempts: 2,
      error: 'Error: corrections are not linked yet',
    });
  });

  it('creates the topics the service publishes to', async () => {
    const { bus } = app.get(Publisher);
    await expect(bus.publish([{ topic: Topics.goals, event: progressRecorded() }])).resolves.toBeUndefined();
  });
}

function progressRecorded() {
  return {
    id: randomUUID(),
    type: 'bildung.goals.progress-recorded.v1',
    source: 'goals',
    subject: 'goal-1',
    time: new Date().toISOString(),
    correlationId: 'c-1',
    data: { goalId: 'goal-1', progressId: 'p-1', value: 3, asOf: '2026-01-31', source: 'manual' },
  };
}

describe('BusModule on the in-memory bus', () => {
  busModuleSpec(() => 'memory:', 5_000);
});

describe('BusModule on the SQLite bus', () => {
  const dir = useTempDir();
  busModuleSpec(() => `sqlite:${join(dir(), 'bus.sqlite')}`, 10_000);
});

describeWith(kafkaForTests(), 'BusModule on Kafka', (brokers) => {
  busModuleSpec(() => `kafka://${brokers}`, 30_000);
});
