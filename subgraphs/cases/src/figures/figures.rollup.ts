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

/** The counters every rollup keeps, as columns. */
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
 * Adds `delta` to the rollup rows of (hallDate, matter), of its (month, matter) and of its
 * (month, department) inside the caller's transaction, so the figures change exactly when the
 * case does and never drift from it. One statement: the day's upsert hands the department its
 * row is filed under to both month upserts, so each month stays its days summed even if a
 * later change named another department. (PostgreSQL runs every data-modifying WITH part
 * exactly once, whether or not the outer statement reads it.)
 */
export async function addToFigures(
  tx: EntityManager,
  at: { hallDate: string; matterId: string; departmentId: string },
  delta: FigureDelta,
): Promise<void> {
  const counters = FIGURE_COUNTERS.join(', ');
  const deltaCounters = FIGURE_COUNTERS.map((counter) => `delta.${counter}`).join(', ');
  await tx.execute(
    `with delta (hall_date, month, matter_id, department_id, ${counters}) as (
       values (?::date, ?::date, ?::uuid, ?::uuid, ?::int, ?::int, ?::int, ?::int, ?::int, ?::int)
     ), day as (
       insert into cases.case_daily_figure as f
         (hall_date, matter_id, department_id, ${counters})
       select hall_date, matter_id, department_id, ${counters} from delta
       on conflict (hall_date, matter_id) do update set ${addedTo('f')}
       returning f.department_id
     ), matter_month as (
       insert into cases.case_monthly_figure as m
         (month, matter_id, department_id, ${counters})
       select delta.month, delta.matter_id, day.department_id, ${deltaCounters}
         from delta cross join day
       on conflict (month, matter_id, department_id) do update set ${addedTo('m')}
     )
     insert into cases.case_department_monthly_figure as dm
       (month, department_id, ${counters})
     select delta.month, day.department_id, ${deltaCounters}
       from delta cross join day
     on conflict (month, department_id) do update set ${addedTo('dm')}`,
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
 * For bulk loads that write daily rows directly (the seeded history): sets every row of both
 * monthly rollups (by matter, by department) to the sum of its days, in one statement inside
 * the caller's transaction. Idempotent; months with no days are left as they are, which is
 * right as long as months are only ever filled from days.
 */
export async function rollUpMonthsFromDays(tx: EntityManager): Promise<void> {
  const counters = FIGURE_COUNTERS.join(', ');
  const sums = FIGURE_COUNTERS.map((counter) => `sum(${counter}) as ${counter}`).join(', ');
  const replaced = FIGURE_COUNTERS.map((counter) => `${counter} = excluded.${counter}`).join(', ');
  // The department months are summed from the matter months just computed (a few rows per
  // matter and month) rather than from the days a second time.
  await tx.execute(
    `with matter_month as (
       select date_trunc('month', hall_date::timestamp)::date as month, matter_id, department_id,
              ${sums}
         from cases.case_daily_figure
        group by 1, 2, 3
     ), by_matter as (
       insert into cases.case_monthly_figure as m
         (month, matter_id, department_id, ${counters})
       select month, matter_id, department_id, ${counters} from matter_month
       on conflict (month, matter_id, department_id) do update set ${replaced}
     )
     insert into cases.case_department_monthly_figure as dm
       (month, department_id, ${counters})
     select month, department_id, ${sums} from matter_month group by 1, 2
     on conflict (month, department_id) do update set ${replaced}`,
    [],
    'run',
  );
}
