import { pastOrToday, todayInGermany } from '../src';

describe("today's date where the office works", () => {
  it.each([
    ['2026-03-28T22:59:59.999Z', '2026-03-28'],
    ['2026-03-28T23:00:00.000Z', '2026-03-29'],
    ['2026-07-01T21:59:59.999Z', '2026-07-01'],
    ['2026-07-01T22:00:00.000Z', '2026-07-02'],
  ])('at %s is %s in Berlin', (instant, date) => {
    expect(todayInGermany(new Date(instant))).toBe(date);
  });

  it('turns to the next day at midnight in Berlin after answering for the minute before', () => {
    expect(todayInGermany(new Date('2026-11-29T22:59:30Z'))).toBe('2026-11-29');
    expect(todayInGermany(new Date('2026-11-29T23:00:00Z'))).toBe('2026-11-30');
    expect(todayInGermany(new Date('2026-11-29T22:59:59Z'))).toBe('2026-11-29');
  });

  it('refuses a date after today', () => {
    const tomorrow = new Date(Date.now() + 36 * 3_600_000).toISOString().slice(0, 10);
    expect(pastOrToday.safeParse(tomorrow).success).toBe(false);
    expect(pastOrToday.safeParse(todayInGermany()).success).toBe(true);
  });
});
