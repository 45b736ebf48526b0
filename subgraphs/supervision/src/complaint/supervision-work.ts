import { type Caller, type Role } from '@hall/kit';
import type { EntityManager } from '@mikro-orm/postgresql';

export {
  actorOf,
  checkDepartmentScope,
  checkPeriod,
  checkVersion,
  NO_DEPARTMENT,
  optionalText,
  scopedDepartment,
  today,
} from '@hall/kit';

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

/** Roles that see complainants' and supervisors' names and phones unmasked. */
const SEES_PERSONAL_DATA: readonly Role[] = ['SERVICE_BUREAU_ADMIN', 'SUPERVISION_STAFF'];

export function maySeePersonalData(caller: Caller): boolean {
  return caller.kind === 'user' && SEES_PERSONAL_DATA.includes(caller.role);
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
