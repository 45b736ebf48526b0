import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Field, Float, Int, ObjectType } from 'type-graphql';

/** Case figures of a period, read from the daily rollup. */
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

interface FigureRow {
  key: string | null;
  registered: number;
  accepted: number;
  completed: number;
  completed_on_time: number;
  denied: number;
  working_days_taken: number;
}

const COLUMN: Record<FigureDimension, string | null> = {
  hall: null,
  department: 'department_id',
  matter: 'matter_id',
};

export function figuresOf(row: Omit<FigureRow, 'key'> | undefined): CaseFigures {
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

const SUMS = `sum(registered)::int as registered, sum(accepted)::int as accepted,
  sum(completed)::int as completed, sum(completed_on_time)::int as completed_on_time,
  sum(denied)::int as denied, sum(working_days_taken)::int as working_days_taken`;

/**
 * Sums of the daily rollup for each (dimension, period) asked for in one tick: one statement
 * per distinct dimension and period, whatever the number of departments or matters.
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
          const rows = column
            ? await em.execute<FigureRow[]>(
                `select ${column}::text as key, ${SUMS} from cases.case_daily_figure
                  where hall_date between ? and ? and ${column} in (?) group by ${column}`,
                [from, to, ids],
              )
            : await em.execute<FigureRow[]>(
                `select null as key, ${SUMS} from cases.case_daily_figure
                  where hall_date between ? and ?`,
                [from, to],
              );
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

export function figureCacheKey(key: FigureKey): string {
  return `${key.dimension}|${key.id ?? ''}|${key.from}|${key.to}`;
}
