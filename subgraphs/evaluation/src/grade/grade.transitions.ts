import { conflict, stableId } from '@hall/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EvaluationContext } from '../context';
import { actorOf, appendEvaluationEvents, evaluationEvent, today } from '../evaluation-work';
import { GradeReport, StaffGrade, StaffGradeLevel } from './grade.entity';
import { gradeOf, gradeScore, parseQuarter, type Quarter } from './grade.rules';

interface StaffRow {
  staff_id: string;
  department_id: string;
  ratings: number;
  satisfied: number;
}

interface DepartmentRow {
  department_id: string;
  cases: number;
  on_time: number;
  lights: number;
  complaints: number;
}

/**
 * Computes every graded staff member's grade for a quarter: the staff members who served a
 * rated visit (or were named on a case rating) in it. Their satisfaction comes from their
 * own ratings; the on-time rate, lights and complaints from their department's figures.
 */
export async function computeGrades(em: EntityManager, quarter: Quarter): Promise<StaffGrade[]> {
  const staff = await em.execute<StaffRow[]>(
    `select staff_id::text, (array_agg(department_id::text order by rated_on desc))[1] as department_id,
            count(*)::int as ratings,
            count(*) filter (where level in ('VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED'))::int
              as satisfied
       from evaluation.rating
      where staff_id is not null and status in ('RATED', 'DEFAULTED') and rated_on between ? and ?
      group by staff_id`,
    [quarter.from, quarter.to],
  );
  const departments = await em.execute<DepartmentRow[]>(
    `select d.department_id::text,
            coalesce(c.cases, 0)::int as cases, coalesce(c.on_time, 0)::int as on_time,
            coalesce(s.lights, 0)::int as lights, coalesce(s.complaints, 0)::int as complaints
       from (select distinct department_id from evaluation.finished_case where decided_on between ? and ?
             union select distinct department_id from evaluation.supervision_signal
                    where occurred_on between ? and ?) d
       left join (select department_id, count(*) as cases, count(*) filter (where on_time) as on_time
                    from evaluation.finished_case where decided_on between ? and ?
                   group by department_id) c on c.department_id = d.department_id
       left join (select department_id, count(*) filter (where kind = 'LIGHT') as lights,
                         count(*) filter (where kind = 'COMPLAINT') as complaints
                    from evaluation.supervision_signal where occurred_on between ? and ?
                   group by department_id) s on s.department_id = d.department_id`,
    Array<string>(4)
      .fill('')
      .flatMap(() => [quarter.from, quarter.to]),
  );
  const byDepartment = new Map(departments.map((row) => [row.department_id, row]));
  return staff.map((row) => {
    const department = byDepartment.get(row.department_id);
    const inputs = {
      satisfactionRate: row.ratings === 0 ? 1 : row.satisfied / row.ratings,
      onTimeRate: department && department.cases > 0 ? department.on_time / department.cases : 1,
      lights: department?.lights ?? 0,
      complaints: department?.complaints ?? 0,
    };
    const score = gradeScore(inputs);
    return {
      quarter: quarter.name,
      staffId: row.staff_id,
      departmentId: row.department_id,
      ratings: row.ratings,
      ...inputs,
      score,
      grade: gradeOf(score),
    };
  });
}

/**
 * Publishes a quarter's report once the quarter is over: the grades are computed and kept
 * as published, with the GradesPublished event. Publishing again returns the report as it
 * was (idempotent per quarter); CONFLICT while the quarter is still running.
 */
export async function publishGrades(
  context: EvaluationContext,
  rawQuarter: string,
): Promise<GradeReport> {
  const quarter = parseQuarter(rawQuarter);
  if (today(context) <= quarter.to) {
    throw conflict(`${quarter.name} is not over yet: its report is published after ${quarter.to}`, {
      quarter: quarter.name,
    });
  }
  const now = context.clock.now();
  const actor = actorOf(context.caller);
  return context.em.transactional(async (tx) => {
    await tx.execute(`select pg_advisory_xact_lock(hashtext(?))`, [
      `evaluation.grades.${quarter.name}`,
    ]);
    const existing = await tx.findOne(GradeReport, { quarter: quarter.name });
    if (existing) return existing;
    const grades = await computeGrades(tx, quarter);
    for (const grade of grades) tx.create(StaffGrade, grade);
    const count = (level: StaffGradeLevel) =>
      grades.filter((grade) => grade.grade === level).length;
    const report = tx.create(GradeReport, {
      quarter: quarter.name,
      publishedAt: now,
      publishedBy: actor,
      excellent: count(StaffGradeLevel.EXCELLENT),
      good: count(StaffGradeLevel.GOOD),
      pass: count(StaffGradeLevel.PASS),
      fail: count(StaffGradeLevel.FAIL),
    });
    await tx.flush();
    await appendEvaluationEvents(tx, [
      evaluationEvent(
        'GradesPublished',
        'GradeReport',
        stableId('grade-report', quarter.name),
        now,
        {
          quarter: quarter.name,
          staffGraded: grades.length,
          excellent: report.excellent,
          good: report.good,
          pass: report.pass,
          fail: report.fail,
          actor,
        },
      ),
    ]);
    return report;
  });
}
