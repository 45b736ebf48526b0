import { badUserInput } from '@hall/kit';
import { StaffGradeLevel } from './grade.entity';

/**
 * The documented weights of a quarterly staff grade, in points of 100:
 * satisfaction of the staff member's ratings 40, on-time rate of the department's finished
 * cases 30 (cases carry no staff member), alert lights on the department 15 and complaints
 * about the department 15 (supervision counts both per department only).
 */
export const GRADE_WEIGHTS = {
  satisfaction: 40,
  onTime: 30,
  lights: 15,
  complaints: 15,
} as const;

/** Points of the lights part lost per light raised or risen in the quarter (floor 0). */
export const POINTS_PER_LIGHT = 10;
/** Points of the complaints part lost per complaint received in the quarter (floor 0). */
export const POINTS_PER_COMPLAINT = 25;

/** The lowest score of each grade; below PASS is FAIL. */
export const GRADE_THRESHOLDS = {
  [StaffGradeLevel.EXCELLENT]: 90,
  [StaffGradeLevel.GOOD]: 80,
  [StaffGradeLevel.PASS]: 60,
} as const;

export interface GradeInputs {
  /** Satisfied share of the ratings, 0..1. */
  satisfactionRate: number;
  /** On-time share of finished cases, 0..1. */
  onTimeRate: number;
  lights: number;
  complaints: number;
}

/** The weighted score, 0..100, rounded to two decimals. */
export function gradeScore(inputs: GradeInputs): number {
  const lightsPart = Math.max(0, 100 - POINTS_PER_LIGHT * inputs.lights) / 100;
  const complaintsPart = Math.max(0, 100 - POINTS_PER_COMPLAINT * inputs.complaints) / 100;
  const score =
    GRADE_WEIGHTS.satisfaction * inputs.satisfactionRate +
    GRADE_WEIGHTS.onTime * inputs.onTimeRate +
    GRADE_WEIGHTS.lights * lightsPart +
    GRADE_WEIGHTS.complaints * complaintsPart;
  return Math.round(score * 100) / 100;
}

export function gradeOf(score: number): StaffGradeLevel {
  if (score >= GRADE_THRESHOLDS.EXCELLENT) return StaffGradeLevel.EXCELLENT;
  if (score >= GRADE_THRESHOLDS.GOOD) return StaffGradeLevel.GOOD;
  if (score >= GRADE_THRESHOLDS.PASS) return StaffGradeLevel.PASS;
  return StaffGradeLevel.FAIL;
}

export interface Quarter {
  name: string;
  from: string;
  to: string;
}

const QUARTER = /^(\d{4})Q([1-4])$/;

/** `2026Q4` → its first and last hall dates; BAD_USER_INPUT for anything else. */
export function parseQuarter(value: string, field = 'quarter'): Quarter {
  const match = QUARTER.exec(value.trim());
  if (!match) throw badUserInput(`${field} must look like 2026Q4`, { field });
  const year = match[1]!;
  const q = Number(match[2]);
  const firstMonth = (q - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(Number(year), lastMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    name: `${year}Q${q}`,
    from: `${year}-${pad(firstMonth)}-01`,
    to: `${year}-${pad(lastMonth)}-${pad(lastDay)}`,
  };
}
