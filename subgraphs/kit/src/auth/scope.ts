import { forbidden } from '../graphql/errors';
import type { Caller } from './caller';

/** A uuid no row has: what a department staff member without a department is scoped to. */
export const NO_DEPARTMENT = '00000000-0000-0000-0000-000000000000';

/** Who did it, for records and events: the caller's subject, or `anonymous`. */
export function actorOf(caller: Caller): string {
  return caller.kind === 'user' ? caller.subject : 'anonymous';
}

/**
 * What a subgraph answers a read by: the caller's role and scope (department for department
 * staff, organisation for partners), never who exactly asks. Callers with the same read scope
 * get the same answer to the same query, which is what lets the gateway share reads between
 * them; a resolver that answered by subject would have to change this.
 */
export function readScope(caller: Caller): string {
  return caller.kind === 'user'
    ? `${caller.role}|${caller.departmentId ?? ''}|${caller.organizationId ?? ''}`
    : 'anonymous';
}

/** The department a department staff member is scoped to; undefined for every other role. */
export function scopedDepartment(caller: Caller): string | undefined {
  if (caller.kind !== 'user' || caller.role !== 'DEPARTMENT_STAFF') return undefined;
  return caller.departmentId ?? NO_DEPARTMENT;
}

/**
 * Department staff read and act only on their own department's records: FORBIDDEN for any
 * other department's `records` (e.g. `cases`); `verb` says what they tried (`see`, `act`).
 */
export function checkDepartmentScope(
  caller: Caller,
  departmentId: string,
  records: string,
  verb: 'see' | 'act' = 'see',
): void {
  const scope = scopedDepartment(caller);
  if (scope !== undefined && scope !== departmentId) {
    throw forbidden(`Department staff may ${verb} only their own department’s ${records}`);
  }
}
