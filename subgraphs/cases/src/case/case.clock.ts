import type { LocalDate, WorkingCalendar } from '@hall/kit';

/** Working days an approved extension (延期) adds, Administrative Licensing Law Art. 42. */
export const EXTENSION_WORKING_DAYS = 10;
/** The statutory extension of a joint or centralised handling (联合办理), Art. 42. */
export const JOINT_EXTENSION_WORKING_DAYS = 15;
/** Art. 32: the supplement notice is due within this many working days of receipt. */
export const SUPPLEMENT_NOTICE_WORKING_DAYS = 5;

/** A stretch during which the clock stood still (补正 or 特别程序). */
export interface ClockSegment {
  startedOn: LocalDate;
  /** Null while the clock is still stopped. */
  endedOn: LocalDate | null;
}

/** What the clock of one case is computed from: nothing but recorded facts. */
export interface ClockFacts {
  promisedLimitDays: number;
  statutoryLimitDays: number;
  /** The day the clock started: acceptance, or receipt when the supplement notice was late. */
  startedOn: LocalDate | null;
  extensionDays: number;
  joint: boolean;
  stops: readonly ClockSegment[];
  /** The decision day; the clock ends there. */
  decidedOn: LocalDate | null;
}

export interface CaseClock {
  startedOn: LocalDate;
  /** Promised working days plus any extension. */
  limitDays: number;
  /** Working days given back by stops so far. */
  pausedWorkingDays: number;
  paused: boolean;
  dueOn: LocalDate;
  statutoryDueOn: LocalDate;
  /** Working days the case has used of its limit (stops excluded), up to today or decision. */
  usedWorkingDays: number;
  /** Working days from today (or the decision) to the due date; negative once overdue. */
  remainingWorkingDays: number;
  /** Used over limit; above 1 once overdue. Immediate matters (limit 0) use 1 on their day. */
  elapsedRatio: number;
  /** Decided by the due date, or still within it. */
  onTime: boolean;
  /** The due date has not moved by later facts: decided cases only. */
  final: boolean;
}

/**
 * Working days a stop gives back: the day it starts counts for the case (work was done
 * that day); each working day after it, up to and including the day the clock runs again,
 * is given back. A stop still open gives back the days up to `until`.
 */
export function pausedWorkingDays(
  calendar: WorkingCalendar,
  stops: readonly ClockSegment[],
  clockStartedOn: LocalDate,
  until: LocalDate,
): number {
  let paused = 0;
  for (const stop of stops) {
    // A stop before the clock started (material asked for at the counter) gives nothing back.
    const start = stop.startedOn < clockStartedOn ? clockStartedOn : stop.startedOn;
    const end = stop.endedOn ?? until;
    const bounded = end > until ? until : end;
    if (bounded > start) paused += calendar.countWorkingDays(start, bounded);
  }
  return paused;
}

/**
 * The clock of a case on `today`, from its recorded facts and the calendar as it is now:
 * a changed calendar or a moved clock gives the answer the law would. Null before the
 * clock has started (a case received but not yet accepted).
 *
 * Due date = start + promised working days (+ extension), pushed later by every working day
 * a stop gave back; the statutory due date likewise with the statutory limit.
 */
export function computeCaseClock(
  facts: ClockFacts,
  calendar: WorkingCalendar,
  today: LocalDate,
): CaseClock | null {
  if (!facts.startedOn) return null;
  const until = facts.decidedOn ?? today;
  const paused = pausedWorkingDays(calendar, facts.stops, facts.startedOn, until);
  const limitDays = facts.promisedLimitDays + facts.extensionDays;
  const statutoryExtension =
    facts.extensionDays > 0
      ? facts.joint
        ? JOINT_EXTENSION_WORKING_DAYS
        : EXTENSION_WORKING_DAYS
      : 0;
  const dueOn = calendar.addWorkingDays(facts.startedOn, limitDays + paused);
  const statutoryDueOn = calendar.addWorkingDays(
    facts.startedOn,
    facts.statutoryLimitDays + statutoryExtension + paused,
  );
  const usedWorkingDays = Math.max(0, calendar.countWorkingDays(facts.startedOn, until) - paused);
  const remainingWorkingDays = calendar.countWorkingDays(until, dueOn);
  const elapsedRatio =
    limitDays === 0 ? 1 + usedWorkingDays : Math.round((usedWorkingDays / limitDays) * 1000) / 1000;
  return {
    startedOn: facts.startedOn,
    limitDays,
    pausedWorkingDays: paused,
    paused: facts.stops.some((stop) => stop.endedOn === null) && !facts.decidedOn,
    dueOn,
    statutoryDueOn,
    usedWorkingDays,
    remainingWorkingDays,
    elapsedRatio,
    onTime: until <= dueOn,
    final: facts.decidedOn !== null,
  };
}

/**
 * Art. 32: a supplement notice later than 5 working days after receipt means the case counts
 * as accepted on the day it was received.
 */
export function supplementNoticeIsLate(
  calendar: WorkingCalendar,
  receivedOn: LocalDate,
  noticeOn: LocalDate,
): boolean {
  return calendar.countWorkingDays(receivedOn, noticeOn) > SUPPLEMENT_NOTICE_WORKING_DAYS;
}
