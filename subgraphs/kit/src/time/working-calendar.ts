import { addDays, daysBetween, isWeekend, type LocalDate } from './local-date';

/**
 * How a date departs from the ordinary week: a public holiday (法定节假日) closes a weekday,
 * an official make-up working day (调休上班) opens a weekend day.
 */
export type CalendarExceptionKind = 'HOLIDAY' | 'MAKEUP_WORKDAY';

export interface CalendarException {
  date: LocalDate;
  kind: CalendarExceptionKind;
  /** The festival it belongs to, e.g. 春节. */
  name: string;
}

export type DayKind = 'WORKDAY' | 'WEEKEND' | 'HOLIDAY' | 'MAKEUP_WORKDAY';

/** Limits of the day-by-day walk: no time limit of the hall spans more than a few years. */
const MAX_WALK_DAYS = 366 * 20;

/**
 * The span the calendar indexes once, on first use, so that counting and adding working
 * days costs a lookup instead of a walk (a dashboard computes thousands of clocks). Dates
 * outside it are walked day by day, with the same answers.
 */
const INDEX_FROM: LocalDate = '2000-01-01';
const INDEX_TO: LocalDate = '2060-12-31';

interface WorkingDayIndex {
  /** Working days from INDEX_FROM up to and including the date. */
  countThrough: Map<LocalDate, number>;
  /** The working days in order: `days[k]` is the (k+1)-th from INDEX_FROM. */
  days: LocalDate[];
}

/**
 * The hall's working-day calendar: Monday to Friday, less public holidays, plus make-up
 * working days. The exceptions are data (maintained in the catalog), never code.
 *
 * Counting follows the Administrative Licensing Law: a limit of n working days starts on the
 * day after the starting date, so `addWorkingDays(d, n)` is the n-th working day after `d`
 * and `countWorkingDays(d, addWorkingDays(d, n)) === n` for every n.
 */
export class WorkingCalendar {
  private readonly exceptions: ReadonlyMap<LocalDate, CalendarException>;
  private index: WorkingDayIndex | undefined;

  constructor(exceptions: Iterable<CalendarException>) {
    const byDate = new Map<LocalDate, CalendarException>();
    for (const exception of exceptions) byDate.set(exception.date, exception);
    this.exceptions = byDate;
  }

  exceptionOn(date: LocalDate): CalendarException | undefined {
    return this.exceptions.get(date);
  }

  kindOf(date: LocalDate): DayKind {
    const exception = this.exceptions.get(date);
    if (exception) return exception.kind;
    return isWeekend(date) ? 'WEEKEND' : 'WORKDAY';
  }

  isWorkingDay(date: LocalDate): boolean {
    const kind = this.kindOf(date);
    return kind === 'WORKDAY' || kind === 'MAKEUP_WORKDAY';
  }

  private indexed(): WorkingDayIndex {
    if (!this.index) {
      const countThrough = new Map<LocalDate, number>();
      const days: LocalDate[] = [];
      for (let date = INDEX_FROM; date <= INDEX_TO; date = addDays(date, 1)) {
        if (this.isWorkingDay(date)) days.push(date);
        countThrough.set(date, days.length);
      }
      this.index = { countThrough, days };
    }
    return this.index;
  }

  /**
   * The |days|-th working day after `date` (before it when negative); `date` itself for 0.
   */
  addWorkingDays(date: LocalDate, days: number): LocalDate {
    if (!Number.isInteger(days)) throw new RangeError(`working days must be whole, got ${days}`);
    if (date >= INDEX_FROM && date <= INDEX_TO && days !== 0) {
      const index = this.indexed();
      const through = index.countThrough.get(date)!;
      // Working days strictly before `date` are days[0 .. before - 1].
      const before = through - (this.isWorkingDay(date) ? 1 : 0);
      const found = days > 0 ? index.days[through + days - 1] : index.days[before + days];
      if (found !== undefined) return found;
    }
    const step = days < 0 ? -1 : 1;
    let remaining = Math.abs(days);
    let current = date;
    let walked = 0;
    while (remaining > 0) {
      current = addDays(current, step);
      if (this.isWorkingDay(current)) remaining -= 1;
      if (++walked > MAX_WALK_DAYS) throw new RangeError(`no working days near ${date}`);
    }
    return current;
  }

  /** `addWorkingDays(date, -days)`. */
  subtractWorkingDays(date: LocalDate, days: number): LocalDate {
    return this.addWorkingDays(date, -days);
  }

  /**
   * Working days after `from` up to and including `to`; negative when `to` lies before
   * `from` (then it counts the working days after `to` up to and including `from`).
   */
  countWorkingDays(from: LocalDate, to: LocalDate): number {
    const span = daysBetween(from, to);
    if (span === 0) return 0;
    if (from >= INDEX_FROM && from <= INDEX_TO && to >= INDEX_FROM && to <= INDEX_TO) {
      const { countThrough } = this.indexed();
      return countThrough.get(to)! - countThrough.get(from)!;
    }
    if (Math.abs(span) > MAX_WALK_DAYS) throw new RangeError(`span too long: ${from}..${to}`);
    const [start, end, sign] = span > 0 ? [from, to, 1] : [to, from, -1];
    let count = 0;
    for (let current = addDays(start, 1); current <= end; current = addDays(current, 1)) {
      if (this.isWorkingDay(current)) count += 1;
    }
    return sign * count;
  }

  /** `date` when it is a working day, else the next working day. */
  workingDayOnOrAfter(date: LocalDate): LocalDate {
    return this.isWorkingDay(date) ? date : this.addWorkingDays(date, 1);
  }
}
