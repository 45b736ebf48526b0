import {
  actionsFrom,
  CaseAction,
  CaseStatus,
  FINAL_STATUSES,
  nextStatus,
  TRANSITIONS,
} from './case.machine';

describe('the case state machine', () => {
  it('offers nothing from a final status', () => {
    for (const status of FINAL_STATUSES) expect(actionsFrom(status)).toEqual([]);
  });

  it('refuses every action the table does not list', () => {
    for (const status of Object.values(CaseStatus)) {
      for (const action of Object.keys(TRANSITIONS) as (keyof typeof TRANSITIONS)[]) {
        const allowed = TRANSITIONS[action].from.includes(status);
        const to = nextStatus(status, action, CaseStatus.UNDER_REVIEW);
        expect(to === undefined).toBe(!allowed);
      }
    }
  });

  it('accepts a case whose missing material arrived before acceptance', () => {
    expect(
      nextStatus(
        CaseStatus.SUPPLEMENT_REQUESTED,
        CaseAction.RECEIVE_SUPPLEMENT,
        CaseStatus.RECEIVED,
      ),
    ).toBe(CaseStatus.ACCEPTED);
  });

  it('returns a stopped case to where it was', () => {
    expect(
      nextStatus(
        CaseStatus.SPECIAL_PROCEDURE,
        CaseAction.END_SPECIAL_PROCEDURE,
        CaseStatus.EXTENDED,
      ),
    ).toBe(CaseStatus.EXTENDED);
    expect(
      nextStatus(
        CaseStatus.SUPPLEMENT_REQUESTED,
        CaseAction.RECEIVE_SUPPLEMENT,
        CaseStatus.UNDER_REVIEW,
      ),
    ).toBe(CaseStatus.UNDER_REVIEW);
  });

  it('extends only a case under review, and decides only an accepted one', () => {
    expect(nextStatus(CaseStatus.RECEIVED, CaseAction.EXTEND, null)).toBeUndefined();
    expect(nextStatus(CaseStatus.EXTENDED, CaseAction.EXTEND, null)).toBeUndefined();
    expect(nextStatus(CaseStatus.RECEIVED, CaseAction.APPROVE, null)).toBeUndefined();
    expect(nextStatus(CaseStatus.EXTENDED, CaseAction.APPROVE, null)).toBe(
      CaseStatus.COMPLETED_APPROVED,
    );
  });
});
