import { addDays } from '@hall/kit';
import { monthOf, periodParts, type DateRange } from './figures.period';

/** Every day of `range`, in order. */
function daysOf(range: DateRange | null): string[] {
  const days: string[] = [];
  if (!range) return days;
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) days.push(day);
  return days;
}

describe('a period cut into whole months and ragged ends', () => {
  it('keeps whole months whole', () => {
    expect(periodParts('2024-01-01', '2024-12-31')).toEqual({
      months: { from: '2024-01-01', to: '2024-12-01' },
      head: null,
      tail: null,
    });
  });

  it('reads the days before the first and after the last whole month from days', () => {
    expect(periodParts('2023-12-15', '2024-03-10')).toEqual({
      months: { from: '2024-01-01', to: '2024-02-01' },
      head: { from: '2023-12-15', to: '2023-12-31' },
      tail: { from: '2024-03-01', to: '2024-03-10' },
    });
  });

  it('reads a period with no whole month from days alone', () => {
    for (const [from, to] of [
      ['2024-05-06', '2024-05-06'],
      ['2024-02-02', '2024-02-29'],
      ['2024-12-10', '2025-01-20'],
      ['2024-03-01', '2024-03-30'],
    ] as const) {
      expect(periodParts(from, to)).toEqual({ months: null, head: { from, to }, tail: null });
    }
  });

  it('ends a whole February on its last day, leap or not', () => {
    expect(periodParts('2024-02-01', '2024-02-29').months).toEqual({
      from: '2024-02-01',
      to: '2024-02-01',
    });
    expect(periodParts('2023-02-01', '2023-02-28').months).toEqual({
      from: '2023-02-01',
      to: '2023-02-01',
    });
    expect(periodParts('2024-02-01', '2024-02-28').months).toBeNull();
  });

  it('covers every day of a period exactly once', () => {
    for (let start = '2023-11-25'; start <= '2024-01-05'; start = addDays(start, 3)) {
      for (let length = 0; length < 120; length += 7) {
        const end = addDays(start, length);
        const { months, head, tail } = periodParts(start, end);
        const monthDays = months
          ? daysOf({ from: months.from, to: addDays(monthOf(addDays(months.to, 31)), -1) })
          : [];
        expect([...daysOf(head), ...monthDays, ...daysOf(tail)]).toEqual(
          daysOf({ from: start, to: end }),
        );
      }
    }
  });
});
