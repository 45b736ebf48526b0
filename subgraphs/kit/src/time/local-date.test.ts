import { hallDateOf, isLocalDate, startOfHallDate } from './local-date';

describe('hall dates', () => {
  it('uses China Standard Time for the date of an instant', () => {
    // 16:30 UTC on the 23rd is 00:30 on the 24th in the hall.
    expect(hallDateOf(new Date('2026-11-23T16:30:00Z'))).toBe('2026-11-24');
    expect(hallDateOf(new Date('2026-11-23T15:59:59Z'))).toBe('2026-11-23');
    expect(startOfHallDate('2026-11-24').toISOString()).toBe('2026-11-23T16:00:00.000Z');
  });

  it('accepts only real calendar dates', () => {
    expect(isLocalDate('2026-02-28')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-2-1')).toBe(false);
  });
});
