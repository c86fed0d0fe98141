import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { join } from 'node:path';
import { useTempDir } from '@bildungsregion/testing';
import { inSpan, InvalidEventError, SqliteEventStore, traceparentOf } from '../src';
import { newEvent } from './support/events';

describe('trace context in event metadata', () => {
  const dir = useTempDir();

  it('records none while tracing is off', async () => {
    const store = new SqliteEventStore({ file: join(dir(), 'off.sqlite') });
    await inSpan('decide goal', {}, () => store.append('goal-1', [newEvent('Drafted', { title: 'Ganztag' })], 'any'));
    const [event] = await store.readStream('goal-1');
    expect(event?.metadata).not.toHaveProperty('traceparent');
    await store.close();
  });

  describe('with tracing on', () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

    beforeAll(() => {
      context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
      propagation.setGlobalPropagator(new W3CTraceContextPropagator());
      trace.setGlobalTracerProvider(provider);
    });

    afterAll(async () => {
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    });

    it('gives each append of one group commit the trace it was made in', async () => {
      const store = new SqliteEventStore({ file: join(dir(), 'on.sqlite') });
      const made: string[] = [];
      await Promise.all(
        ['goal-1', 'goal-2', 'goal-3'].map((streamId) =>
          inSpan(`decide ${streamId}`, {}, async () => {
            made.push(traceparentOf() ?? '');
            await store.append(streamId, [newEvent('Drafted', { title: streamId })], 'any');
          }),
        ),
      );
      const stored = await store.readAll();
      expect(stored.map((event) => event.metadata.traceparent)).toEqual(made);
      expect(new Set(made).size).toBe(3);
      expect(exporter.getFinishedSpans().map((span) => span.name)).toEqual(
        expect.arrayContaining(['decide goal-1', 'decide goal-2', 'decide goal-3']),
      );
      await store.close();
    });

    it('refuses a traceparent that is not a W3C one, and keeps one that is given', async () => {
      const store = new SqliteEventStore({ file: join(dir(), 'given.sqlite') });
      const given = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
      const event = newEvent('Drafted', { title: 'Ganztag' });
      await expect(
        store.append('goal-1', [{ ...event, metadata: { ...event.metadata, traceparent: 'kaputt' } }], 'any'),
      ).rejects.toThrow(InvalidEventError);
      await inSpan('decide goal', {}, () =>
        store.append('goal-1', [{ ...event, metadata: { ...event.metadata, traceparent: given } }], 'any'),
      );
      expect((await store.readStream('goal-1')).map((stored) => stored.metadata.traceparent)).toEqual([given]);
      await store.close();
    });
  });
});
