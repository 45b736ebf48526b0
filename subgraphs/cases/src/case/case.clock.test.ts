import { WorkingCalendar } from '@hall/kit';
import { computeCaseClock, pausedWorkingDays, supplementNoticeIsLate } from './case.clock';

// 2026: National Day and Mid-Autumn 10-01..10-08 off, Sunday 09-27 and Saturday 10-10 worked.
const calendar = new WorkingCalendar([
  ...['01', '02', '03', '04', '05', '06', '07', '08'].map((day) => ({
    date: `2026-10-${day}`,
    kind: 'HOLIDAY' as const,
    name: '国庆节、中秋节',
  })),
  { date: '2026-09-27', kind: 'MAKEUP_WORKDAY' as const, name: '国庆节、中秋节' },
  { date: '2026-10-10', kind: 'MAKEUP_WORKDAY' as const, name: '国庆节、中秋节' },
]);

const promised = (days: number, extra: Partial<Parameters<typeof computeCaseClock>[0]> = {}) => ({
  promisedLimitDays: days,
  statutoryLimitDays: 20,
  startedOn: '2026-09-24',
  extensionDays: 0,
  joint: false,
  stops: [],
  decidedOn: null,
  ...extra,
});

describe('the case clock', () => {
  it('counts the promised working days over a holiday and its make-up days', () => {
    // Thu 09-24 + 5: Fri 25, Sun 27 (make-up), Mon 28, Tue 29, Wed 30.
    const clock = computeCaseClock(promised(5), calendar, '2026-09-24')!;
    expect(clock.dueOn).toBe('2026-09-30');
    expect(clock.remainingWorkingDays).toBe(5);
    // + 6: the holiday week is skipped, Saturday 10-10 is worked.
    expect(computeCaseClock(promised(6), calendar, '2026-09-24')!.dueOn).toBe('2026-10-09');
    expect(computeCaseClock(promised(7), calendar, '2026-09-24')!.dueOn).toBe('2026-10-10');
  });

  it('pushes the due date later by every working day a stop gave back', () => {
    const stops = [{ startedOn: '2026-09-25', endedOn: '2026-09-29' }];
    // Stopped Fri 25; Sun 27, Mon 28 and Tue 29 are given back.
    expect(pausedWorkingDays(calendar, stops, '2026-09-24', '2026-12-31')).toBe(3);
    const clock = computeCaseClock(promised(5, { stops }), calendar, '2026-09-29')!;
    expect(clock.pausedWorkingDays).toBe(3);
    expect(clock.dueOn).toBe('2026-10-12');
    expect(clock.usedWorkingDays).toBe(1);
  });

  it('keeps moving the due date while a stop is still open', () => {
    const stops = [{ startedOn: '2026-09-25', endedOn: null }];
    const monday = computeCaseClock(promised(5, { stops }), calendar, '2026-09-28')!;
    const tuesday = computeCaseClock(promised(5, { stops }), calendar, '2026-09-29')!;
    expect(monday.paused).toBe(true);
    expect(monday.pausedWorkingDays).toBe(2);
    expect(tuesday.pausedWorkingDays).toBe(3);
    expect(tuesday.dueOn > monday.dueOn).toBe(true);
    expect(tuesday.usedWorkingDays).toBe(1);
  });

  it('gives nothing back for material asked for before the clock started', () => {
    const stops = [{ startedOn: '2026-09-21', endedOn: '2026-09-24' }];
    const clock = computeCaseClock(promised(5, { stops }), calendar, '2026-09-24')!;
    expect(clock.pausedWorkingDays).toBe(0);
    expect(clock.dueOn).toBe('2026-09-30');
  });

  it('adds an extension to the promised and the statutory limits', () => {
    const clock = computeCaseClock(promised(5, { extensionDays: 10 }), calendar, '2026-09-24')!;
    expect(clock.limitDays).toBe(15);
    expect(clock.statutoryDueOn).toBe(calendar.addWorkingDays('2026-09-24', 30));
    const joint = computeCaseClock(
      promised(5, { extensionDays: 10, joint: true }),
      calendar,
      '2026-09-24',
    )!;
    expect(joint.statutoryDueOn).toBe(calendar.addWorkingDays('2026-09-24', 35));
  });

  it('is overdue after the due date and stops at the decision', () => {
    const late = computeCaseClock(promised(5), calendar, '2026-10-09')!;
    expect(late.onTime).toBe(false);
    expect(late.remainingWorkingDays).toBe(-1);
    expect(late.elapsedRatio).toBe(1.2);
    const decided = computeCaseClock(
      promised(5, { decidedOn: '2026-09-30' }),
      calendar,
      '2026-12-01',
    )!;
    expect(decided.onTime).toBe(true);
    expect(decided.usedWorkingDays).toBe(5);
    expect(decided.final).toBe(true);
  });

  it('gives immediate matters their own day', () => {
    const today = computeCaseClock(promised(0), calendar, '2026-09-24')!;
    expect(today.dueOn).toBe('2026-09-24');
    expect(today.onTime).toBe(true);
    expect(computeCaseClock(promised(0), calendar, '2026-09-25')!.onTime).toBe(false);
  });

  it('answers null before the clock starts', () => {
    expect(computeCaseClock(promised(5, { startedOn: null }), calendar, '2026-09-24')).toBeNull();
  });

  it('finds a supplement notice late after 5 working days, across the holiday', () => {
    // Received Wed 09-30: Fri 10-09 is the 1st working day after it, Sat 10-10 (made up) the
    // 2nd, Wed 10-14 the 5th.
    expect(supplementNoticeIsLate(calendar, '2026-09-30', '2026-10-14')).toBe(false);
    expect(supplementNoticeIsLate(calendar, '2026-09-30', '2026-10-15')).toBe(true);
  });
});
