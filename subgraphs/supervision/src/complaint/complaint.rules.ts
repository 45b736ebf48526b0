import type { WorkingCalendar } from '@hall/kit';
import { registerEnumType } from 'type-graphql';
import { ACCEPT_WORKING_DAYS, ANSWER_WORKING_DAYS, ComplaintStatus } from './complaint.entity';

export enum ComplaintAction {
  ACCEPT = 'ACCEPT',
  REJECT = 'REJECT',
  ANSWER = 'ANSWER',
  CLOSE = 'CLOSE',
}
registerEnumType(ComplaintAction, { name: 'ComplaintAction' });

/** The complaint's life: received, then accepted or rejected; accepted, answered, closed. */
const TRANSITIONS: Readonly<
  Record<ComplaintStatus, Partial<Record<ComplaintAction, ComplaintStatus>>>
> = {
  [ComplaintStatus.RECEIVED]: {
    [ComplaintAction.ACCEPT]: ComplaintStatus.ACCEPTED,
    [ComplaintAction.REJECT]: ComplaintStatus.REJECTED,
  },
  [ComplaintStatus.ACCEPTED]: { [ComplaintAction.ANSWER]: ComplaintStatus.ANSWERED },
  [ComplaintStatus.ANSWERED]: { [ComplaintAction.CLOSE]: ComplaintStatus.CLOSED },
  [ComplaintStatus.REJECTED]: {},
  [ComplaintStatus.CLOSED]: {},
};

/** The status `action` leads to from `status`, or null when it is not a step it can take. */
export function nextComplaintStatus(
  status: ComplaintStatus,
  action: ComplaintAction,
): ComplaintStatus | null {
  return TRANSITIONS[status][action] ?? null;
}

export function complaintActionsFrom(status: ComplaintStatus): ComplaintAction[] {
  return Object.keys(TRANSITIONS[status]) as ComplaintAction[];
}

/** Statuses that still owe the complainant something. */
export const OPEN_COMPLAINT_STATUSES: readonly ComplaintStatus[] = [
  ComplaintStatus.RECEIVED,
  ComplaintStatus.ACCEPTED,
  ComplaintStatus.ANSWERED,
];

/** The day a complaint received on `receivedOn` must be accepted or rejected by. */
export function acceptByOf(calendar: WorkingCalendar, receivedOn: string): string {
  return calendar.addWorkingDays(receivedOn, ACCEPT_WORKING_DAYS);
}

/** The day a complaint accepted on `acceptedOn` must be answered by. */
export function answerByOf(calendar: WorkingCalendar, acceptedOn: string): string {
  return calendar.addWorkingDays(acceptedOn, ANSWER_WORKING_DAYS);
}

/**
 * The deadline a complaint is running against now: acceptBy while received, answerBy while
 * accepted; none once answered, rejected or closed (nothing is owed by a date any more).
 */
export function currentDeadline(complaint: {
  status: ComplaintStatus;
  acceptBy: string;
  answerBy?: string | null;
}): string | null {
  if (complaint.status === ComplaintStatus.RECEIVED) return complaint.acceptBy;
  if (complaint.status === ComplaintStatus.ACCEPTED) return complaint.answerBy ?? null;
  return null;
}
