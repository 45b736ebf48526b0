import { isLocalDate } from '../time/local-date';
import { badUserInput, conflict } from './errors';

/** Trimmed `value`; refuses blank text and text longer than `max` characters. */
export function checkText(value: string, field: string, max: number): string {
  const text = value.trim();
  if (text.length === 0) throw badUserInput(`${field} must not be empty`, { field });
  if (text.length > max) {
    throw badUserInput(`${field} must be at most ${max} characters`, { field });
  }
  return text;
}

/** Refuses non-integers and integers outside [min, max]. */
export function checkInteger(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badUserInput(`${field} must be a whole number from ${min} to ${max}, got ${value}`, {
      field,
    });
  }
  return value;
}

/** `%` and `_` typed by a person are literal characters, not wildcards. */
export function containsPattern(term: string): string {
  return `%${term.trim().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** Trimmed text, or null when blank or absent. */
export function optionalText(
  value: string | null | undefined,
  field: string,
  max: number,
): string | null {
  return value == null || value.trim() === '' ? null : checkText(value, field, max);
}

/** Refuses a stale write with CONFLICT: the record moved on since the caller read `expectedVersion`. */
export function checkVersion(
  record: { version: number },
  expectedVersion: number | null | undefined,
  label: string,
): void {
  if (expectedVersion != null && expectedVersion !== record.version) {
    throw conflict(
      `${label} changed since version ${expectedVersion}; it is at ${record.version}`,
      { currentVersion: record.version },
    );
  }
}

/** A period of hall dates, both ends included, at most 30 years long. */
export function checkPeriod(from: string, to: string): { from: string; to: string } {
  if (!isLocalDate(from)) throw badUserInput('from must be a date (YYYY-MM-DD)', { field: 'from' });
  if (!isLocalDate(to)) throw badUserInput('to must be a date (YYYY-MM-DD)', { field: 'to' });
  if (from > to) throw badUserInput('from must not be after to', { field: 'from' });
  if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > 30) {
    throw badUserInput('A period spans 30 years at most', { field: 'to' });
  }
  return { from, to };
}
