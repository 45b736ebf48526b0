import { addDays } from './local-date';
import { WorkingCalendar, type CalendarException } from './working-calendar';

/** The 2026 National Day and Spring Festival arrangements, as the State Council set them. */
const EXCEPTIONS: CalendarException[] = [
  ...[
    '2026-02-15',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-02-21',
    '2026-02-22',
    '2026-02-23',
  ].map((date) => ({ date, kind: 'HOLIDAY' as const, name: '春节' })),
  { date: '2026-02-14', kind: 'MAKEUP_WORKDAY', name: '春节' },
  { date: '2026-02-28', kind: 'MAKEUP_WORKDAY', name: '春节' },
  ...[
    '2026-10-01',
    '2026-10-02',
    '2026-10-03',
    '2026-10-04',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
  ].map((date) => ({ date, kind: 'HOLIDAY' as const, name: '国庆节' })),
  { date: '2026-09-20', kind: 'MAKEUP_WORKDAY', name: '国庆节' },
  { date: '2026-10-10', kind: 'MAKEUP_WORKDAY', name: '国庆节' },
];

const calendar = new WorkingCalendar(EXCEPTIONS);

describe('WorkingCalendar', () => {
  it('tells weekdays, weekends, holidays and make-up days apart', () => {
    expect(calendar.kindOf('2026-11-24')).toBe('WORKDAY');
    expect(calendar.kindOf('2026-11-28')).toBe('WEEKEND');
    expect(calendar.kindOf('2026-10-05')).toBe('HOLIDAY');
    expect(calendar.kindOf('2026-09-20')).toBe('MAKEUP_WORKDAY');
    expect(calendar.isWorkingDay('2026-09-20')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-01')).toBe(false);
    expect(calendar.exceptionOn('2026-10-01')?.name).toBe('国庆节');
  });

  it('counts a limit from the day after its start', () => {
    // Tuesday + 3 working days = Friday; + 4 crosses the weekend to Monday.
    expect(calendar.addWorkingDays('2026-11-24', 3)).toBe('2026-11-27');
    expect(calendar.addWorkingDays('2026-11-24', 4)).toBe('2026-11-30');
    expect(calendar.addWorkingDays('2026-11-24', 0)).toBe('2026-11-24');
  });

  it('works on a make-up Sunday and skips the whole National Day week', () => {
    // Friday 18 September + 1 is the make-up Sunday the 20th.
    expect(calendar.addWorkingDays('2026-09-18', 1)).toBe('2026-09-20');
    // 30 September + 1 jumps over 1-7 October to Thursday the 8th.
    expect(calendar.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    // ...and the make-up Saturday 10 October counts.
    expect(calendar.addWorkingDays('2026-10-09', 1)).toBe('2026-10-10');
  });

  it('spans the Spring Festival with its two make-up Saturdays', () => {
    expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(calendar.addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
    // 24-27 Feb (4) + make-up Saturday 28 Feb (1) = 5 working days.
    expect(calendar.countWorkingDays('2026-02-23', '2026-02-28')).toBe(5);
  });

  it('subtracts and counts backwards consistently', () => {
    expect(calendar.subtractWorkingDays('2026-10-08', 1)).toBe('2026-09-30');
    expect(calendar.countWorkingDays('2026-10-08', '2026-09-30')).toBe(-1);
    for (const start of ['2026-02-10', '2026-09-15', '2026-11-24']) {
      for (const days of [-12, -1, 0, 1, 5, 20, 45]) {
        expect(calendar.countWorkingDays(start, calendar.addWorkingDays(start, days))).toBe(days);
      }
    }
  });

  it('refuses fractional working days', () => {
    expect(() => calendar.addWorkingDays('2026-11-24', 1.5)).toThrow(RangeError);
  });

  it('moves to the next working day from a holiday', () => {
    expect(calendar.workingDayOnOrAfter('2026-10-03')).toBe('2026-10-08');
    expect(calendar.workingDayOnOrAfter('2026-11-24')).toBe('2026-11-24');
  });
});

describe('the indexed calendar', () => {
  const calendar = new WorkingCalendar(EXCEPTIONS);
  const naiveIsWorking = (date: string) =>
    calendar.kindOf(date) === 'WORKDAY' || calendar.kindOf(date) === 'MAKEUP_WORKDAY';
  const naiveAdd = (date: string, days: number) => {
    let current = date;
    for (let left = Math.abs(days); left > 0;) {
      current = addDays(current, days > 0 ? 1 : -1);
      if (naiveIsWorking(current)) left -= 1;
    }
    return current;
  };

  it('answers as a day-by-day walk does, inside and outside its span', () => {
    for (const date of [
      '2026-02-13',
      '2026-02-14',
      '2026-02-21',
      '2026-09-30',
      '2026-10-08',
      '1999-12-30',
      '2060-12-30',
    ]) {
      for (const days of [-25, -6, -1, 0, 1, 2, 5, 9, 20, 45]) {
        const expected = naiveAdd(date, days);
        expect(calendar.addWorkingDays(date, days)).toBe(expected);
        if (days > 0) expect(calendar.countWorkingDays(date, expected)).toBe(days);
      }
    }
  });
});
