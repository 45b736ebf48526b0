import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { periodParts } from './figures.period';
import { FIGURE_COUNTERS } from './figures.rollup';

/** Case figures of a period, read from the rollups. */
@ObjectType({ description: 'Case figures of a period (办件统计).' })
export class CaseFigures {
  @Field(() => Int, { description: 'Cases registered in the period.' })
  registered!: number;

  @Field(() => Int, { description: 'Cases accepted in the period.' })
  accepted!: number;

  @Field(() => Int, { description: 'Cases decided (approved or denied) in the period.' })
  completed!: number;

  @Field(() => Int, { description: 'Decided cases decided by their due date.' })
  completedOnTime!: number;

  @Field(() => Int)
  denied!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'completedOnTime / completed (按时办结率); null when nothing was decided.',
  })
  onTimeRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Working days a decided case took on average (stops excluded).',
  })
  averageWorkingDaysTaken!: number | null;
}

export type FigureDimension = 'hall' | 'department' | 'matter';

/** One figure asked for: a dimension value (none for the whole hall) over a period. */
export interface FigureKey {
  dimension: FigureDimension;
  id: string | null;
  from: string;
  to: string;
}

/** The counters summed over some rollup rows, as SQL returns them. */
export interface FigureSums {
  registered: number;
  accepted: number;
  completed: number;
  completed_on_time: number;
  denied: number;
  working_days_taken: number;
}

interface FigureRow extends FigureSums {
  key: string | null;
}

const COLUMN: Record<FigureDimension, string | null> = {
  hall: null,
  department: 'department_id',
  matter: 'matter_id',
};

export function figuresOf(row: FigureSums | undefined): CaseFigures {
  const registered = row?.registered ?? 0;
  const completed = row?.completed ?? 0;
  const onTime = row?.completed_on_time ?? 0;
  return {
    registered,
    accepted: row?.accepted ?? 0,
    completed,
    completedOnTime: onTime,
    denied: row?.denied ?? 0,
    onTimeRate: completed > 0 ? Math.round((onTime / completed) * 10000) / 10000 : null,
    averageWorkingDaysTaken:
      completed > 0 ? Math.round(((row?.working_days_taken ?? 0) / completed) * 100) / 100 : null,
  };
}

/** The select list summing every counter, named as in `FigureSums`. */
export const FIGURE_SUMS = FIGURE_COUNTERS.map(
  (counter) => `sum(${counter})::int as ${counter}`,
).join(', ');

/** SQL of a derived table and the parameters it binds, in order. */
export interface RollupSource {
  sql: string;
  params: string[];
}

/**
 * Which monthly rollup whole months are read from: by matter (about one row per matter and
 * month), or by department (one row per department and month, matters folded), which is all
 * that hall and department figures and trends need.
 */
export type RollupGrain = 'matter' | 'department';

const MONTHLY: Record<RollupGrain, { table: string; columns: string }> = {
  matter: { table: 'cases.case_monthly_figure', columns: 'matter_id, department_id' },
  department: { table: 'cases.case_department_monthly_figure', columns: 'department_id' },
};

/**
 * The rollup rows that cover [from, to] exactly once, as a derived table of `starts_on` (the
 * first day a row covers), the grain's dimension columns (`department_id`, and `matter_id` at
 * the matter grain) and the counters: the grain's monthly rows of the whole months inside the
 * period and the daily rows of its ragged ends (or of all of it, when `wholeMonths` is false
 * because the caller groups by day). Sums over it equal the sums of the daily rows of the
 * period. Filters on the dimension columns put on the outer query reach each branch
 * (PostgreSQL pushes them into a UNION ALL), so each reads by its index.
 */
export function rollupRowsOf(
  from: string,
  to: string,
  { wholeMonths = true, grain }: { wholeMonths?: boolean; grain: RollupGrain },
): RollupSource {
  const parts = wholeMonths
    ? periodParts(from, to)
    : { months: null, head: { from, to }, tail: null };
  const monthly = MONTHLY[grain];
  const columns = `${monthly.columns}, ${FIGURE_COUNTERS.join(', ')}`;
  const branches: string[] = [];
  const params: string[] = [];
  if (parts.months) {
    branches.push(
      `select month as starts_on, ${columns} from ${monthly.table}
        where month between ? and ?`,
    );
    params.push(parts.months.from, parts.months.to);
  }
  for (const days of [parts.head, parts.tail]) {
    if (!days) continue;
    branches.push(
      `select hall_date as starts_on, ${columns} from cases.case_daily_figure
        where hall_date between ? and ?`,
    );
    params.push(days.from, days.to);
  }
  return { sql: `(${branches.join(' union all ')})`, params };
}

/**
 * Sums of the rollups for each (dimension, period) asked for in one tick: one statement per
 * distinct dimension and period, whatever the number of departments or matters.
 */
export function figuresLoader(em: EntityManager): DataLoader<FigureKey, CaseFigures, string> {
  return new DataLoader<FigureKey, CaseFigures, string>(
    async (keys) => {
      const groups = new Map<string, FigureKey[]>();
      for (const key of keys) {
        const group = `${key.dimension}|${key.from}|${key.to}`;
        groups.set(group, [...(groups.get(group) ?? []), key]);
      }
      const answers = new Map<string, CaseFigures>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const { dimension, from, to } = group[0]!;
          const column = COLUMN[dimension];
          const ids = [...new Set(group.map((key) => key.id).filter((id) => id !== null))];
          const rows = await figureRows(em, column, ids, from, to);
          const byKey = new Map(rows.map((row) => [row.key, row]));
          for (const key of group) {
            answers.set(figureCacheKey(key), figuresOf(byKey.get(key.id)));
          }
        }),
      );
      return keys.map((key) => answers.get(figureCacheKey(key))!);
    },
    { cacheKeyFn: figureCacheKey },
  );
}

async function figureRows(
  em: EntityManager,
  column: string | null,
  ids: string[],
  from: string,
  to: string,
): Promise<FigureRow[]> {
  // Only matter figures need the matter grain; the hall and departments read the coarser one.
  const source = rollupRowsOf(from, to, {
    grain: column === 'matter_id' ? 'matter' : 'department',
  });
  return column
    ? em.execute<FigureRow[]>(
        `select ${column}::text as key, ${FIGURE_SUMS} from ${source.sql} as figure
          where ${column} in (?) group by ${column}`,
        [...source.params, ids],
      )
    : em.execute<FigureRow[]>(
        `select null as key, ${FIGURE_SUMS} from ${source.sql} as figure`,
        source.params,
      );
}

export function figureCacheKey(key: FigureKey): string {
  return `${key.dimension}|${key.id ?? ''}|${key.from}|${key.to}`;
}
