import { randomUUID } from 'node:crypto';
import { MeasurementRecorded, periodEndDate, Topics, validateIntegrationEvent } from '../src';

function measurementRecorded(data: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    type: MeasurementRecorded.type,
    source: 'monitoring',
    subject: 'measurement-1',
    time: '2026-03-01T10:00:00.000Z',
    correlationId: 'import-7',
    data: {
      measurementId: 'measurement-1',
      indicatorKey: 'betreuungsquote-u3',
      regionKey: '03459020',
      period: '2025',
      value: 38.2,
      source: 'Kinder- und Jugendhilfestatistik',
      recordedBy: { id: 'coordinator-1', role: 'coordinator' },
      ...data,
    },
  };
}

describe('integration event validation', () => {
  it('accepts an event that matches its contract and topic', () => {
    const result = validateIntegrationEvent(measurementRecorded(), Topics.monitoring);
    expect(result).toMatchObject({ ok: true, contract: { type: MeasurementRecorded.type } });
  });

  it('rejects an unknown type', () => {
    const event = { ...measurementRecorded(), type: 'bildung.monitoring.something-else.v1' };
    expect(validateIntegrationEvent(event, Topics.monitoring)).toEqual({
      ok: false,
      error: 'unknown event type bildung.monitoring.something-else.v1',
    });
  });

  it('rejects an event published on another service topic', () => {
    expect(validateIntegrationEvent(measurementRecorded(), Topics.goals)).toEqual({
      ok: false,
      error: 'bildung.monitoring.measurement-recorded.v1 belongs on bildung.monitoring.v1, not on bildung.goals.v1',
    });
  });

  it.each([
    ['a value that is not a finite number', { value: Number.NaN }, 'value'],
    ['a region that is not an AGS key', { regionKey: 'Osnabrück' }, 'regionKey'],
    ['an unknown field', { extra: true }, '(root)'],
    ['a malformed period', { period: '25' }, 'period'],
  ])('names the field for %s', (_case, data, field) => {
    const result = validateIntegrationEvent(measurementRecorded(data), Topics.monitoring);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(
      new RegExp(`^invalid bildung.monitoring.measurement-recorded.v1 data: .*${field.replace(/[()]/g, '\\$&')}`),
    );
  });

  it('rejects an envelope without id or with a bad time', () => {
    const { id: _id, ...withoutId } = measurementRecorded();
    expect(validateIntegrationEvent(withoutId, Topics.monitoring)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^invalid envelope: id:/),
    });
    const badTime = { ...measurementRecorded(), time: 'yesterday' };
    expect(validateIntegrationEvent(badTime, Topics.monitoring)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/time:/),
    });
  });
});

describe('periodEndDate', () => {
  it.each([
    ['2025', '2025-12-31'],
    ['2025/26', '2026-07-31'],
    ['1999/00', '2000-07-31'],
    ['2025-06-30', '2025-06-30'],
  ])('maps %s to %s', (given, expected) => {
    expect(periodEndDate(given)).toBe(expected);
  });

  it.each(['2025/27', '2025-02-30', '2025-13-01', '25', 'next year'])('refuses %s', (given) => {
    expect(periodEndDate(given)).toBeNull();
  });
});
