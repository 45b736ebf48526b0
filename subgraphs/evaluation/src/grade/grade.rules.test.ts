import { StaffGradeLevel } from './grade.entity';
import { gradeOf, gradeScore, parseQuarter } from './grade.rules';

describe('quarterly staff grades', () => {
  it('weighs satisfaction 40, on time 30, lights 15 and complaints 15', () => {
    expect(gradeScore({ satisfactionRate: 1, onTimeRate: 1, lights: 0, complaints: 0 })).toBe(100);
    // 40·0.5 + 30·1 + 15·(1 − 0.2) + 15·(1 − 0.25) = 20 + 30 + 12 + 11.25
    expect(gradeScore({ satisfactionRate: 0.5, onTimeRate: 1, lights: 2, complaints: 1 })).toBe(
      73.25,
    );
    expect(gradeScore({ satisfactionRate: 0, onTimeRate: 0, lights: 20, complaints: 9 })).toBe(0);
  });

  it('grades by the thresholds 90, 80 and 60', () => {
    expect(gradeOf(90)).toBe(StaffGradeLevel.EXCELLENT);
    expect(gradeOf(89.99)).toBe(StaffGradeLevel.GOOD);
    expect(gradeOf(80)).toBe(StaffGradeLevel.GOOD);
    expect(gradeOf(60)).toBe(StaffGradeLevel.PASS);
    expect(gradeOf(59.99)).toBe(StaffGradeLevel.FAIL);
  });

  it('reads quarters', () => {
    expect(parseQuarter('2026Q4')).toEqual({
      name: '2026Q4',
      from: '2026-10-01',
      to: '2026-12-31',
    });
    expect(parseQuarter('2024Q1')).toEqual({
      name: '2024Q1',
      from: '2024-01-01',
      to: '2024-03-31',
    });
    expect(() => parseQuarter('2026-4')).toThrow('quarter');
  });
});
