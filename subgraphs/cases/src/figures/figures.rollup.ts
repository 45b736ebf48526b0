import type { EntityManager } from '@mikro-orm/postgresql';
import { monthOf } from './figures.period';

/** What one change adds to the day's rollup of its matter. */
export interface FigureDelta {
  registered?: number;
  accepted?: number;
  completed?: number;
  completedOnTime?: number;
  denied?: number;
  workingDaysTaken?: number;
}

/** The counters both rollups keep, as columns. */
export const FIGURE_COUNTERS = [
  'registered',
  'accepted',
  'completed',
  'completed_on_time',
  'denied',
  'working_days_taken',
] as const;

/** `counter = table.counter + excluded.counter` for every counter: an upsert that adds. */
function addedTo(table: string): string {
  return FIGURE_COUNTERS.map(
    (counter) => `${counter} = ${table}.${counter} + excluded.${counter}`,
  ).join(', ');
}

/**
 * Adds `delta` to the rollup rows of (hallDate, matter) and of its month inside the caller's
 * transaction, so the figures change exactly when the case does and never drift from it.
 * One statement: the day's upsert hands the department its row is filed under to the month's
 * upsert, so the month stays its days summed even if a later change named another department.
 */
export async function addToFigures(
  tx: EntityManager,
  at: { hallDate: string; matterId: string; departmentId: string },
  delta: FigureDelta,
): Promise<void> {
  await tx.execute(
    `with delta (hall_date, month, matter_id, department_id, ${FIGURE_COUNTERS.join(', ')}) as (
       values (?::date, ?::date, ?::uuid, ?::uuid, ?::int, ?::int, ?::int, ?::int, ?::int, ?::int)
     ), day as (
       insert into cases.case_daily_figure as f
         (hall_date, matter_id, department_id, ${FIGURE_COUNTERS.join(', ')})
       select hall_date, matter_id, department_id, ${FIGURE_COUNTERS.join(', ')} from delta
       on conflict (hall_date, matter_id) do update set ${addedTo('f')}
       returning f.department_id
     )
     insert into cases.case_monthly_figure as m
       (month, matter_id, department_id, ${FIGURE_COUNTERS.join(', ')})
     select delta.month, delta.matter_id, day.department_id,
            ${FIGURE_COUNTERS.map((counter) => `delta.${counter}`).join(', ')}
       from delta cross join day
     on conflict (month, matter_id, department_id) do update set ${addedTo('m')}`,
    [
      at.hallDate,
      monthOf(at.hallDate),
      at.matterId,
      at.departmentId,
      delta.registered ?? 0,
      delta.accepted ?? 0,
      delta.completed ?? 0,
      delta.completedOnTime ?? 0,
      delta.denied ?? 0,
      delta.workingDaysTaken ?? 0,
    ],
    'run',
  );
}

/**
 * For bulk loads that write daily rows directly (the seeded history): sets every month to the
 * sum of its days, in one statement inside the caller's transaction. Idempotent; months with
 * no days are left as they are, which is right as long as months are only ever filled from
 * days.
 */
export async function rollUpMonthsFromDays(tx: EntityManager): Promise<void> {
  await tx.execute(
    `insert into cases.case_monthly_figure as m
       (month, matter_id, department_id, ${FIGURE_COUNTERS.join(', ')})
     select date_trunc('month', hall_date::timestamp)::date, matter_id, department_id,
            ${FIGURE_COUNTERS.map((counter) => `sum(${counter})`).join(', ')}
       from cases.case_daily_figure
      group by 1, 2, 3
     on conflict (month, matter_id, department_id) do update set
       ${FIGURE_COUNTERS.map((counter) => `${counter} = excluded.${counter}`).join(', ')}`,
    [],
    'run',
  );
}
