import {
  badUserInput,
  checkText,
  conflict,
  forbidden,
  hallDateOf,
  isLocalDate,
  type Caller,
  type Role,
} from '@hall/kit';
import type { EntityManager } from '@mikro-orm/postgresql';

/** Who does supervision work: deciding complaints, inspections, fee permits and reports. */
export const SUPERVISION_WORKERS = ['SERVICE_BUREAU_ADMIN', 'SUPERVISION_STAFF'] as const;

/** Who registers a complaint: supervision, the bureau, and the acceptance desk that took it. */
export const COMPLAINT_REGISTRARS = [
  'SERVICE_BUREAU_ADMIN',
  'SUPERVISION_STAFF',
  'ACCEPTANCE_CLERK',
] as const;

/** Who reads supervision records; department staff only those of their own department. */
export const SUPERVISION_READERS = [
  'SERVICE_BUREAU_ADMIN',
  'CITY_LEADER',
  'SUPERVISION_STAFF',
  'DEPARTMENT_STAFF',
] as const;

/** Who reads the hall-wide supervision figures and the social supervisors. */
export const SUPERVISION_OVERSEERS = [
  'SERVICE_BUREAU_ADMIN',
  'CITY_LEADER',
  'SUPERVISION_STAFF',
] as const;

/** Who files inspection and fee requests: a department's own staff, or the bureau for it. */
export const DEPARTMENT_REQUESTERS = ['SERVICE_BUREAU_ADMIN', 'DEPARTMENT_STAFF'] as const;

/** A uuid no row has: what a department staff member without a department is scoped to. */
export const NO_DEPARTMENT = '00000000-0000-0000-0000-000000000000';

/** Roles that see complainants' and supervisors' names and phones unmasked. */
const SEES_PERSONAL_DATA: readonly Role[] = ['SERVICE_BUREAU_ADMIN', 'SUPERVISION_STAFF'];

export function maySeePersonalData(caller: Caller): boolean {
  return caller.kind === 'user' && SEES_PERSONAL_DATA.includes(caller.role);
}

/** Who did it, for records and events. */
export function actorOf(caller: Caller): string {
  return caller.kind === 'user' ? caller.subject : 'anonymous';
}

/** The department a department staff member is scoped to; undefined for every other role. */
export function scopedDepartment(caller: Caller): string | undefined {
  if (caller.kind !== 'user' || caller.role !== 'DEPARTMENT_STAFF') return undefined;
  return caller.departmentId ?? NO_DEPARTMENT;
}

/** Department staff read and act only on their own department's records. */
export function checkDepartmentScope(caller: Caller, departmentId: string, what: string): void {
  const scope = scopedDepartment(caller);
  if (scope !== undefined && scope !== departmentId) {
    throw forbidden(`Department staff may see only their own department’s ${what}`);
  }
}

/** Refuses a stale write: the record moved on since the caller read `expectedVersion`. */
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

/** Trimmed text, or null when blank or absent. */
export function optionalText(
  value: string | null | undefined,
  field: string,
  max: number,
): string | null {
  return value == null || value.trim() === '' ? null : checkText(value, field, max);
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

/** The hall date now, by the injected clock. */
export function today(context: { clock: { now(): Date } }): string {
  return hallDateOf(context.clock.now());
}

/**
 * The next number of a yearly series such as `TS2026-0007`: the year's highest number plus
 * one. A transaction-scoped advisory lock on the series makes concurrent writers take turns,
 * so two never draw the same number; it is released at commit or rollback.
 */
export async function nextYearlyNumber(
  tx: EntityManager,
  series: { table: string; column: string; prefix: string; year: string; digits: number },
): Promise<string> {
  const head = `${series.prefix}${series.year}-`;
  await tx.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`supervision.${series.table}`]);
  const rows = await tx.execute<{ n: number | null }[]>(
    `select max(substring(${series.column} from ?)::int) as n from supervision.${series.table}
      where ${series.column} like ?`,
    [head.length + 1, `${head}%`],
  );
  const next = (rows[0]?.n ?? 0) + 1;
  return `${head}${String(next).padStart(series.digits, '0')}`;
}
