import { appendEvents, type Caller, type DomainEvent, type Role } from '@hall/kit';
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

/** Roles that see a rater's name and phone; nobody else learns who rated. */
const SEES_RATERS: readonly Role[] = ['SERVICE_BUREAU_ADMIN', 'SUPERVISION_STAFF'];

export function maySeeRater(caller: Caller): boolean {
  return caller.kind === 'user' && SEES_RATERS.includes(caller.role);
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
