import { appendEvents, type DomainEvent } from '@hall/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Complaint, ComplaintStatus } from './complaint.entity';
import { ComplaintAction } from './complaint.rules';

/** The PostgreSQL schema whose event log carries the supervision subgraph's events. */
export const SUPERVISION_EVENT_SOURCE = 'supervision';

export const COMPLAINT_EVENT_TYPES = {
  RECEIVED: 'ComplaintReceived',
  [ComplaintAction.ACCEPT]: 'ComplaintAccepted',
  [ComplaintAction.REJECT]: 'ComplaintRejected',
  [ComplaintAction.ANSWER]: 'ComplaintAnswered',
  [ComplaintAction.CLOSE]: 'ComplaintClosed',
} as const;

/**
 * What every complaint event carries: enough for the alert lights to keep their own view of
 * the complaint's deadlines. No personal data: the complainant stays in the complaint table.
 */
export interface ComplaintEventPayload {
  complaintId: string;
  code: string;
  departmentId: string;
  subjectType: string;
  subjectId: string;
  channel: string;
  fromStatus: ComplaintStatus | null;
  status: ComplaintStatus;
  receivedOn: string;
  acceptBy: string;
  answerBy: string | null;
  satisfaction: string | null;
  actor: string;
}

export function complaintEvent(
  complaint: Complaint,
  type: (typeof COMPLAINT_EVENT_TYPES)[keyof typeof COMPLAINT_EVENT_TYPES],
  fromStatus: ComplaintStatus | null,
  actor: string,
  occurredAt: Date,
): DomainEvent<ComplaintEventPayload> {
  return {
    type,
    aggregateType: 'Complaint',
    aggregateId: complaint.id,
    occurredAt,
    payload: {
      complaintId: complaint.id,
      code: complaint.code,
      departmentId: complaint.departmentId,
      subjectType: complaint.subjectType,
      subjectId: complaint.subjectId,
      channel: complaint.channel,
      fromStatus,
      status: complaint.status,
      receivedOn: complaint.receivedOn,
      acceptBy: complaint.acceptBy,
      answerBy: complaint.answerBy ?? null,
      satisfaction: complaint.satisfaction ?? null,
      actor,
    },
  };
}

/** Appends supervision events inside the transaction that makes the change. */
export function appendSupervisionEvents(
  tx: EntityManager,
  events: readonly DomainEvent<object>[],
): Promise<void> {
  return appendEvents(tx, SUPERVISION_EVENT_SOURCE, events);
}
