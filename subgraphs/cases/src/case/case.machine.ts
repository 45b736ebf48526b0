/**
 * The life of a case (办件) as real hall software records it. Statuses and the actions that
 * move between them are data: the resolvers, the acceptance desk's list of offered actions
 * and the tests all read this one table.
 */
export enum CaseStatus {
  RECEIVED = 'RECEIVED',
  SUPPLEMENT_REQUESTED = 'SUPPLEMENT_REQUESTED',
  ACCEPTED = 'ACCEPTED',
  NOT_ACCEPTED = 'NOT_ACCEPTED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  SPECIAL_PROCEDURE = 'SPECIAL_PROCEDURE',
  EXTENDED = 'EXTENDED',
  COMPLETED_APPROVED = 'COMPLETED_APPROVED',
  COMPLETED_DENIED = 'COMPLETED_DENIED',
  DELIVERED = 'DELIVERED',
  WITHDRAWN = 'WITHDRAWN',
}

export enum CaseAction {
  REGISTER = 'REGISTER',
  ACCEPT = 'ACCEPT',
  REFUSE = 'REFUSE',
  REQUEST_SUPPLEMENT = 'REQUEST_SUPPLEMENT',
  RECEIVE_SUPPLEMENT = 'RECEIVE_SUPPLEMENT',
  START_REVIEW = 'START_REVIEW',
  START_SPECIAL_PROCEDURE = 'START_SPECIAL_PROCEDURE',
  END_SPECIAL_PROCEDURE = 'END_SPECIAL_PROCEDURE',
  EXTEND = 'EXTEND',
  APPROVE = 'APPROVE',
  DENY = 'DENY',
  DELIVER = 'DELIVER',
  WITHDRAW = 'WITHDRAW',
}

/** Statuses in which the case's clock has stopped (补正, 特别程序). */
export const PAUSED_STATUSES: ReadonlySet<CaseStatus> = new Set([
  CaseStatus.SUPPLEMENT_REQUESTED,
  CaseStatus.SPECIAL_PROCEDURE,
]);

/** Statuses after the decision: the clock no longer runs. */
export const DECIDED_STATUSES: ReadonlySet<CaseStatus> = new Set([
  CaseStatus.COMPLETED_APPROVED,
  CaseStatus.COMPLETED_DENIED,
  CaseStatus.DELIVERED,
]);

/** Statuses from which nothing follows. */
export const FINAL_STATUSES: ReadonlySet<CaseStatus> = new Set([
  CaseStatus.DELIVERED,
  CaseStatus.NOT_ACCEPTED,
  CaseStatus.WITHDRAWN,
]);

/** Statuses of a case the hall still owes a decision on: what supervision watches. */
export const OPEN_STATUSES: readonly CaseStatus[] = [
  CaseStatus.RECEIVED,
  CaseStatus.SUPPLEMENT_REQUESTED,
  CaseStatus.ACCEPTED,
  CaseStatus.UNDER_REVIEW,
  CaseStatus.SPECIAL_PROCEDURE,
  CaseStatus.EXTENDED,
];

const REVIEWING = [CaseStatus.UNDER_REVIEW, CaseStatus.EXTENDED];

/**
 * Which statuses each action may start from. The status an action leads to is fixed, except
 * where the case returns to where it was before a stop (`resumes`).
 */
export const TRANSITIONS: Readonly<
  Record<
    Exclude<CaseAction, CaseAction.REGISTER>,
    { from: readonly CaseStatus[]; to: CaseStatus | 'resumes' }
  >
> = {
  [CaseAction.ACCEPT]: { from: [CaseStatus.RECEIVED], to: CaseStatus.ACCEPTED },
  [CaseAction.REFUSE]: {
    from: [CaseStatus.RECEIVED, CaseStatus.SUPPLEMENT_REQUESTED],
    to: CaseStatus.NOT_ACCEPTED,
  },
  [CaseAction.REQUEST_SUPPLEMENT]: {
    from: [CaseStatus.RECEIVED, ...REVIEWING],
    to: CaseStatus.SUPPLEMENT_REQUESTED,
  },
  // Material that completes a received case makes it accepted that day (Art. 32); material
  // asked for during review sends it back to review.
  [CaseAction.RECEIVE_SUPPLEMENT]: { from: [CaseStatus.SUPPLEMENT_REQUESTED], to: 'resumes' },
  [CaseAction.START_REVIEW]: { from: [CaseStatus.ACCEPTED], to: CaseStatus.UNDER_REVIEW },
  [CaseAction.START_SPECIAL_PROCEDURE]: { from: REVIEWING, to: CaseStatus.SPECIAL_PROCEDURE },
  [CaseAction.END_SPECIAL_PROCEDURE]: { from: [CaseStatus.SPECIAL_PROCEDURE], to: 'resumes' },
  [CaseAction.EXTEND]: { from: [CaseStatus.UNDER_REVIEW], to: CaseStatus.EXTENDED },
  [CaseAction.APPROVE]: {
    from: [CaseStatus.ACCEPTED, ...REVIEWING],
    to: CaseStatus.COMPLETED_APPROVED,
  },
  [CaseAction.DENY]: { from: [CaseStatus.ACCEPTED, ...REVIEWING], to: CaseStatus.COMPLETED_DENIED },
  [CaseAction.DELIVER]: {
    from: [CaseStatus.COMPLETED_APPROVED, CaseStatus.COMPLETED_DENIED],
    to: CaseStatus.DELIVERED,
  },
  [CaseAction.WITHDRAW]: { from: OPEN_STATUSES, to: CaseStatus.WITHDRAWN },
};

export type TransitionAction = keyof typeof TRANSITIONS;

/** The actions the table allows from `status`, in the table's order. */
export function actionsFrom(status: CaseStatus): TransitionAction[] {
  return (Object.keys(TRANSITIONS) as TransitionAction[]).filter((action) =>
    TRANSITIONS[action].from.includes(status),
  );
}

/**
 * The status `action` leads to from `status`, or undefined when the table forbids it.
 * `resumeStatus` is where a stopped case goes back to when its stop ends.
 */
export function nextStatus(
  status: CaseStatus,
  action: TransitionAction,
  resumeStatus: CaseStatus | null,
): CaseStatus | undefined {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(status)) return undefined;
  if (transition.to !== 'resumes') return transition.to;
  if (action === CaseAction.RECEIVE_SUPPLEMENT && resumeStatus === CaseStatus.RECEIVED) {
    return CaseStatus.ACCEPTED;
  }
  return resumeStatus ?? undefined;
}
