import { WorkingCalendar } from '@hall/kit';
import { RuleCode } from './light.entity';
import { DEFAULT_RULES, evaluateCase, evaluateComplaint } from './light.rules';
import type { WatchedCase } from './watched-case.entity';

// 2026: 10-01..10-08 off for National Day and Mid-Autumn; Sunday 09-27 and Saturday 10-10 worked.
const calendar = new WorkingCalendar([
  ...['01', '02', '03', '04', '05', '06', '07', '08'].map((day) => ({
    date: `2026-10-${day}`,
    kind: 'HOLIDAY' as const,
    name: '国庆节、中秋节',
  })),
  { date: '2026-09-27', kind: 'MAKEUP_WORKDAY' as const, name: '国庆节、中秋节' },
  { date: '2026-10-10', kind: 'MAKEUP_WORKDAY' as const, name: '国庆节、中秋节' },
]);

function watched(facts: Partial<WatchedCase> = {}): WatchedCase {
  return {
    caseId: '00000000-0000-4000-8000-000000000001',
    serialNo: '20260924-D01-001-000001',
    departmentId: '00000000-0000-4000-8000-000000000002',
    matterId: '00000000-0000-4000-8000-000000000003',
    matterKind: 'PROMISED',
    jointProjectId: null,
    status: 'UNDER_REVIEW',
    receivedOn: '2026-09-24',
    clockStartedOn: '2026-09-24',
    decidedOn: null,
    promisedLimitDays: 5,
    statutoryLimitDays: 20,
    extensionDays: 0,
    stops: [],
    updatedAt: new Date(0),
    ...facts,
  } as WatchedCase;
}

const at = (instant: string) => new Date(instant);
const rules = (evaluation: ReturnType<typeof evaluateCase>) =>
  evaluation.causes.map((cause) => cause.rule);

describe('the timed rules', () => {
  it('turns yellow on the working day before the due date, counting the make-up Sunday', () => {
    // Due Wed 09-30 (Fri 25, Sun 27, Mon 28, Tue 29, Wed 30): yellow from Tue 09-29.
    const before = evaluateCase(
      watched(),
      calendar,
      at('2026-09-28T23:59:00+08:00'),
      DEFAULT_RULES,
    );
    expect(rules(before)).toEqual([]);
    expect(before.nextCheckAt).toEqual(at('2026-09-29T00:00:00+08:00'));
    const yellow = evaluateCase(
      watched(),
      calendar,
      at('2026-09-29T00:00:00+08:00'),
      DEFAULT_RULES,
    );
    expect(rules(yellow)).toEqual([RuleCode.DEADLINE_NEAR]);
    expect(yellow.nextCheckAt).toEqual(at('2026-10-01T00:00:00+08:00'));
  });

  it('turns red the day after the due date, even on a holiday', () => {
    const red = evaluateCase(watched(), calendar, at('2026-10-01T08:00:00+08:00'), DEFAULT_RULES);
    expect(rules(red)).toEqual([RuleCode.PROMISED_LIMIT_PASSED]);
  });

  it('keeps a limit that ends after the holiday yellow through the holiday', () => {
    const six = watched({ promisedLimitDays: 6 });
    // Due Fri 10-09; yellow from Wed 09-30 (both the 1-day and the 80% thresholds).
    expect(
      rules(evaluateCase(six, calendar, at('2026-09-29T12:00:00+08:00'), DEFAULT_RULES)),
    ).toEqual([]);
    expect(
      rules(evaluateCase(six, calendar, at('2026-10-05T12:00:00+08:00'), DEFAULT_RULES)),
    ).toEqual([RuleCode.DEADLINE_NEAR]);
    expect(
      rules(evaluateCase(six, calendar, at('2026-10-10T00:00:01+08:00'), DEFAULT_RULES)),
    ).toEqual([RuleCode.PROMISED_LIMIT_PASSED]);
  });

  it('sets no timer while the clock is stopped', () => {
    const stopped = watched({
      stops: [{ kind: 'SUPPLEMENT', startedOn: '2026-09-25', endedOn: null }],
    });
    const evaluation = evaluateCase(
      stopped,
      calendar,
      at('2026-10-20T12:00:00+08:00'),
      DEFAULT_RULES,
    );
    expect(rules(evaluation)).toEqual([]);
    expect(evaluation.nextCheckAt).toBeNull();
  });

  it('spares immediate matters the deadline rule but not the limit', () => {
    const immediate = watched({ matterKind: 'IMMEDIATE', promisedLimitDays: 0 });
    expect(
      rules(evaluateCase(immediate, calendar, at('2026-09-24T15:00:00+08:00'), DEFAULT_RULES)),
    ).toEqual([]);
    expect(
      rules(evaluateCase(immediate, calendar, at('2026-09-25T09:00:00+08:00'), DEFAULT_RULES)),
    ).toEqual([RuleCode.PROMISED_LIMIT_PASSED]);
  });

  it('times the acceptance step over the holiday', () => {
    const received = watched({
      status: 'RECEIVED',
      receivedOn: '2026-09-30',
      clockStartedOn: null,
    });
    const waiting = evaluateCase(
      received,
      calendar,
      at('2026-10-09T16:00:00+08:00'),
      DEFAULT_RULES,
    );
    expect(rules(waiting)).toEqual([]);
    expect(waiting.nextCheckAt).toEqual(at('2026-10-10T00:00:00+08:00'));
    expect(
      rules(evaluateCase(received, calendar, at('2026-10-10T09:00:00+08:00'), DEFAULT_RULES)),
    ).toEqual([RuleCode.STEP_OVER_LIMIT]);
  });

  it('follows a switched-off rule and a changed threshold', () => {
    const off = {
      ...DEFAULT_RULES,
      DEADLINE_NEAR: { ...DEFAULT_RULES.DEADLINE_NEAR, enabled: false },
    };
    expect(rules(evaluateCase(watched(), calendar, at('2026-09-29T09:00:00+08:00'), off))).toEqual(
      [],
    );
    const earlier = {
      ...DEFAULT_RULES,
      DEADLINE_NEAR: {
        ...DEFAULT_RULES.DEADLINE_NEAR,
        thresholds: { remainingWorkingDays: 3, elapsedRatio: 0.9 },
      },
    };
    expect(
      rules(evaluateCase(watched(), calendar, at('2026-09-27T09:00:00+08:00'), earlier)),
    ).toEqual([RuleCode.DEADLINE_NEAR]);
  });

  it('finds a complaint overdue the day after its deadline', () => {
    const complaint = { code: 'TS2026-0001', status: 'RECEIVED', acceptBy: '2026-09-30' };
    expect(
      evaluateComplaint(complaint, at('2026-09-30T20:00:00+08:00'), DEFAULT_RULES).nextCheckAt,
    ).toEqual(at('2026-10-01T00:00:00+08:00'));
    expect(
      evaluateComplaint(complaint, at('2026-10-01T08:00:00+08:00'), DEFAULT_RULES).causes,
    ).toHaveLength(1);
  });
});
