import { addDays, type LocalDate } from '@hall/kit';

/** Hall dates from `from` to `to`, both included. */
export interface DateRange {
  from: LocalDate;
  to: LocalDate;
}

/**
 * A period cut where the rollups meet: the whole calendar months inside it (read from the
 * monthly rollups, by their first days) and the days before and after them (read from the
 * daily rollup). Together the parts cover the period exactly once.
 */
export interface PeriodParts {
  /** First days of the first and last whole month; null when no whole month fits. */
  months: DateRange | null;
  /** The days before the first whole month, or the whole period when no month fits. */
  head: DateRange | null;
  /** The days after the last whole month. */
  tail: DateRange | null;
}

/** The first day of the month `date` falls in. */
export function monthOf(date: LocalDate): LocalDate {
  return `${date.slice(0, 7)}-01`;
}

/** The first day of the month after the one `month` (a first day) begins. */
function nextMonth(month: LocalDate): LocalDate {
  return monthOf(addDays(month, 32));
}

function isFirstOfMonth(date: LocalDate): boolean {
  return date.endsWith('-01');
}

/** Cuts [from, to] (from ≤ to) into whole months and ragged ends. */
export function periodParts(from: LocalDate, to: LocalDate): PeriodParts {
  const dayAfter = addDays(to, 1);
  const firstMonth = isFirstOfMonth(from) ? from : nextMonth(monthOf(from));
  const lastMonth = isFirstOfMonth(dayAfter) ? monthOf(to) : monthOf(addDays(monthOf(to), -1));
  if (firstMonth > lastMonth) return { months: null, head: { from, to }, tail: null };
  const lastMonthEnd = addDays(nextMonth(lastMonth), -1);
  return {
    months: { from: firstMonth, to: lastMonth },
    head: from < firstMonth ? { from, to: addDays(firstMonth, -1) } : null,
    tail: lastMonthEnd < to ? { from: addDays(lastMonthEnd, 1), to } : null,
  };
}
