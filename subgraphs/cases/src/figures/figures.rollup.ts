import type { EntityManager } from '@mikro-orm/postgresql';

/** What one change adds to the day's rollup of its matter. */
export interface FigureDelta {
  registered?: number;
  accepted?: number;
  completed?: number;
  completedOnTime?: number;
  denied?: number;
  workingDaysTaken?: number;
}

/**
 * Adds `delta` to the rollup row of (hallDate, matter) inside the caller's transaction, so
 * the figures change exactly when the case does and never drift from it.
 */
export async function addToFigures(
  tx: EntityManager,
  at: { hallDate: string; matterId: string; departmentId: string },
  delta: FigureDelta,
): Promise<void> {
  await tx.execute(
    `insert into cases.case_daily_figure
       (hall_date, matter_id, department_id, registered, accepted, completed, completed_on_time, denied, working_days_taken)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (hall_date, matter_id) do update set
       registered = case_daily_figure.registered + excluded.registered,
       accepted = case_daily_figure.accepted + excluded.accepted,
       completed = case_daily_figure.completed + excluded.completed,
       completed_on_time = case_daily_figure.completed_on_time + excluded.completed_on_time,
       denied = case_daily_figure.denied + excluded.denied,
       working_days_taken = case_daily_figure.working_days_taken + excluded.working_days_taken`,
    [
      at.hallDate,
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
