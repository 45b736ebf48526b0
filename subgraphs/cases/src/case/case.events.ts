import { appendEvents, type DomainEvent, type WorkingCalendar } from '@hall/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { computeCaseClock, type CaseClock } from './case.clock';
import type { Case } from './case.entity';
import type { ClockStop } from './clock-stop.entity';
import { CaseAction, type CaseStatus } from './case.machine';

/** The PostgreSQL schema whose event log carries the cases subgraph's events. */
export const CASES_EVENT_SOURCE = 'cases';

/** Event types by the action that caused them: the names consumers subscribe to. */
export const CASE_EVENT_TYPES: Readonly<Record<CaseAction, string>> = {
  [CaseAction.REGISTER]: 'CaseRegistered',
  [CaseAction.ACCEPT]: 'CaseAccepted',
  [CaseAction.REFUSE]: 'CaseNotAccepted',
  [CaseAction.REQUEST_SUPPLEMENT]: 'CaseSupplementRequested',
  [CaseAction.RECEIVE_SUPPLEMENT]: 'CaseSupplementReceived',
  [CaseAction.START_REVIEW]: 'CaseReviewStarted',
  [CaseAction.START_SPECIAL_PROCEDURE]: 'CaseSpecialProcedureStarted',
  [CaseAction.END_SPECIAL_PROCEDURE]: 'CaseSpecialProcedureEnded',
  [CaseAction.EXTEND]: 'CaseExtended',
  [CaseAction.APPROVE]: 'CaseApproved',
  [CaseAction.DENY]: 'CaseDenied',
  [CaseAction.DELIVER]: 'CaseDelivered',
  [CaseAction.WITHDRAW]: 'CaseWithdrawn',
};

/**
 * What every case event carries: enough for a consumer to keep its own view of the case's
 * clock (supervision's timers) without reading the cases schema.
 */
export interface CaseEventPayload {
  caseId: string;
  serialNo: string;
  action: CaseAction;
  fromStatus: CaseStatus | null;
  status: CaseStatus;
  departmentId: string;
  matterId: string;
  matterKind: string;
  jointProjectId: string | null;
  partnerOrganizationId: string | null;
  receivedOn: string;
  /** The day the clock started; null before acceptance. */
  clockStartedOn: string | null;
  /** The decision day, once decided. */
  decidedOn: string | null;
  promisedLimitDays: number;
  statutoryLimitDays: number;
  extensionDays: number;
  supplementNoticeLate: boolean;
  /** The stops so far, for a consumer that recomputes the clock on its own calendar. */
  stops: { kind: string; startedOn: string; endedOn: string | null }[];
  clock: CaseClock | null;
  decisionReason: string | null;
  feeFen: number;
  actor: string;
  reason: string | null;
}

export function clockOf(
  subject: Case,
  stops: readonly ClockStop[],
  calendar: WorkingCalendar,
  today: string,
): CaseClock | null {
  return computeCaseClock(
    {
      promisedLimitDays: subject.promisedLimitDays,
      statutoryLimitDays: subject.statutoryLimitDays,
      startedOn: subject.clockStartedOn ?? null,
      extensionDays: subject.extensionDays,
      joint: subject.jointProjectId != null,
      stops: stops.map((stop) => ({ startedOn: stop.startedOn, endedOn: stop.endedOn ?? null })),
      decidedOn: subject.decidedOn ?? null,
    },
    calendar,
    today,
  );
}

export function caseEvent(
  subject: Case,
  change: {
    action: CaseAction;
    fromStatus: CaseStatus | null;
    actor: string;
    reason: string | null;
  },
  stops: readonly ClockStop[],
  clock: CaseClock | null,
  occurredAt: Date,
): DomainEvent<CaseEventPayload> {
  return {
    type: CASE_EVENT_TYPES[change.action],
    aggregateType: 'Case',
    aggregateId: subject.id,
    occurredAt,
    payload: {
      caseId: subject.id,
      serialNo: subject.serialNo,
      action: change.action,
      fromStatus: change.fromStatus,
      status: subject.status,
      departmentId: subject.departmentId,
      matterId: subject.matterId,
      matterKind: subject.matterKind,
      jointProjectId: subject.jointProjectId ?? null,
      partnerOrganizationId: subject.partnerOrganizationId ?? null,
      receivedOn: subject.receivedOn,
      clockStartedOn: subject.clockStartedOn ?? null,
      decidedOn: subject.decidedOn ?? null,
      promisedLimitDays: subject.promisedLimitDays,
      statutoryLimitDays: subject.statutoryLimitDays,
      extensionDays: subject.extensionDays,
      supplementNoticeLate: subject.supplementNoticeLate,
      stops: stops.map((stop) => ({
        kind: stop.kind,
        startedOn: stop.startedOn,
        endedOn: stop.endedOn ?? null,
      })),
      clock,
      decisionReason: subject.decisionReason ?? null,
      feeFen: subject.feeFen,
      actor: change.actor,
      reason: change.reason,
    },
  };
}

export function appendCaseEvents(
  tx: EntityManager,
  events: readonly DomainEvent<object>[],
): Promise<void> {
  return appendEvents(tx, CASES_EVENT_SOURCE, events as readonly DomainEvent[]);
}
