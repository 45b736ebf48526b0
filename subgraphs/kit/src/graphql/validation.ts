import { badUserInput } from './errors';

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
