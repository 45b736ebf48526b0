/**
 * Figures and dates as the pages show them. Dates of the hall are LocalDate strings
 * (YYYY-MM-DD) on the hall's calendar; they are computed as strings, never through the
 * browser's time zone or clock, because the hall's "today" comes from the gateway.
 */

export function formatInteger(value: number | null | undefined, locale: string): string {
  return value == null ? '—' : value.toLocaleString(locale);
}

export function formatPercent(rate: number | null | undefined, digits = 1): string {
  return rate == null ? '—' : `${(rate * 100).toFixed(digits)}%`;
}

export function formatDecimal(value: number | null | undefined, digits = 1): string {
  return value == null ? '—' : value.toFixed(digits);
}

export function formatYuan(fen: number, locale: string): string {
  return `¥${(fen / 100).toLocaleString(locale, { minimumFractionDigits: 2 })}`;
}

const HALL_TIME_ZONE = 'Asia/Shanghai';

/** An instant from the graph, in the hall's time zone. */
export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale, {
    timeZone: HALL_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

export function formatTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale, {
    timeZone: HALL_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

function parse(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function print(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const next = parse(date);
  next.setUTCDate(next.getUTCDate() + days);
  return print(next);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to).getTime() - parse(from).getTime()) / 86_400_000);
}

/** Monday of the week of `date`, as Chinese calendars count weeks. */
export function startOfWeek(date: string): string {
  const day = parse(date).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}

export function startOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function startOfQuarter(date: string): string {
  const month = Number(date.slice(5, 7));
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  return `${date.slice(0, 4)}-${String(first).padStart(2, '0')}-01`;
}

export function startOfYear(date: string): string {
  return `${date.slice(0, 4)}-01-01`;
}

/** "Long date and weekday" of a hall date, for headings and the lobby. */
export function formatLongDate(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'long',
  }).format(parse(date));
}
