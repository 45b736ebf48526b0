/**
 * Calendar dates of the hall, as `YYYY-MM-DD` strings. The hall keeps China Standard Time
 * (UTC+8, no daylight saving), so a fixed offset turns an instant into the hall's date
 * without a time-zone database.
 */
export type LocalDate = string;

const HALL_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(value: string): value is LocalDate {
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.toISOString().slice(0, 10) === value;
}

export function parseLocalDate(value: string): LocalDate {
  if (!isLocalDate(value)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${value}`);
  return value;
}

/** The hall's calendar date at an instant. */
export function hallDateOf(instant: Date): LocalDate {
  return new Date(instant.getTime() + HALL_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a hall date begins (00:00 China Standard Time). */
export function startOfHallDate(date: LocalDate): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - HALL_UTC_OFFSET_MS);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Saturday or Sunday: the ordinary week's days off, before holidays and make-up days. */
export function isWeekend(date: LocalDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6;
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The hall date now, by the request's injected clock. */
export function today(context: { clock: { now(): Date } }): LocalDate {
  return hallDateOf(context.clock.now());
}
