import {
  appendEvents,
  badUserInput,
  checkText,
  conflict,
  forbidden,
  hallDateOf,
  isLocalDate,
  type Caller,
  type DomainEvent,
  type Role,
} from '@hall/kit';
import type { EntityManager } from '@mikro-orm/postgresql';

/** The PostgreSQL schema whose event log carries the evaluation subgraph's events. */
export const EVALUATION_EVENT_SOURCE = 'evaluation';

/** Who reads ratings, tickets and call-backs; department staff only their own department's. */
export const EVALUATION_READERS = [
  'SERVICE_BUREAU_ADMIN',
  'CITY_LEADER',
  'SUPERVISION_STAFF',
  'DEPARTMENT_STAFF',
] as const;

/** Who reads the hall-wide figures, grades and reviews. */
export const EVALUATION_OVERSEERS = [
  'SERVICE_BUREAU_ADMIN',
  'CITY_LEADER',
  'SUPERVISION_STAFF',
] as const;

/**
 * Who submits ratings: the window pad at the acceptance desk, and the bureau whose SMS and
 * web gateways are first-party clients acting for the applicant.
 */
export const RATING_TAKERS = ['SERVICE_BUREAU_ADMIN', 'ACCEPTANCE_CLERK'] as const;

/** Who calls applicants back (回访) and records it. */
export const CALLERS_BACK = [
  'SERVICE_BUREAU_ADMIN',
  'SUPERVISION_STAFF',
  'ACCEPTANCE_CLERK',
] as const;

/** Who works a bad review's rectification: the department concerned, or the bureau. */
export const RECTIFIERS = ['SERVICE_BUREAU_ADMIN', 'DEPARTMENT_STAFF'] as const;

/** Who decides an appeal against a bad review. */
export const APPEAL_JUDGES = ['SERVICE_BUREAU_ADMIN', 'SUPERVISION_STAFF'] as const;

/** A uuid no row has: what a department staff member without a department is scoped to. */
export const NO_DEPARTMENT = '00000000-0000-0000-0000-000000000000';

/** Roles that see a rater's name and phone; nobody else learns who rated. */
const SEES_RATERS: readonly Role[] = ['SERVICE_BUREAU_ADMIN', 'SUPERVISION_STAFF'];

export function maySeeRater(caller: Caller): boolean {
  return caller.kind === 'user' && SEES_RATERS.includes(caller.role);
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

/** Appends evaluation events inside the transaction that makes the change. */
export function appendEvaluationEvents(
  tx: EntityManager,
  events: readonly DomainEvent<object>[],
): Promise<void> {
  return appendEvents(tx, EVALUATION_EVENT_SOURCE, events);
}

/** One event of this subgraph: domain time from the injected clock. */
export function evaluationEvent<Payload extends object>(
  type: string,
  aggregateType: string,
  aggregateId: string,
  occurredAt: Date,
  payload: Payload,
): DomainEvent<Payload> {
  return { type, aggregateType, aggregateId, occurredAt, payload };
}
