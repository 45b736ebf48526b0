import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Field, Float, Int, ObjectType } from 'type-graphql';

/** Whose ratings a figure counts. */
export type FigureScope = 'hall' | 'department' | 'window' | 'staff';

export interface SatisfactionKey {
  scope: FigureScope;
  /** The department, window or staff member; ignored for the hall. */
  id: string | null;
  from: string;
  to: string;
}

@ObjectType({
  description:
    'Ratings counted over a period (rated or defaulted on a day in it; voided reviews left out).',
})
export class SatisfactionFigures {
  @Field(() => Int)
  ratings!: number;

  @Field(() => Int)
  verySatisfied!: number;

  @Field(() => Int)
  satisfied!: number;

  @Field(() => Int)
  basicallySatisfied!: number;

  @Field(() => Int)
  dissatisfied!: number;

  @Field(() => Int)
  veryDissatisfied!: number;

  @Field(() => Int, { description: 'Defaulted to basically satisfied after 7 days unrated.' })
  defaulted!: number;

  @Field(() => Int, { description: 'The last two levels (差评).' })
  badReviews!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'The three satisfied levels over all ratings, 0..1; null without ratings.',
  })
  satisfactionRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Bad reviews over all ratings, 0..1; null without ratings.',
  })
  badReviewRate!: number | null;
}

interface FigureRow {
  key: string | null;
  ratings: number;
  very_satisfied: number;
  satisfied: number;
  basically_satisfied: number;
  dissatisfied: number;
  very_dissatisfied: number;
  defaulted: number;
}

const COLUMN: Record<FigureScope, string> = {
  hall: 'null::uuid',
  department: 'department_id',
  window: 'window_id',
  staff: 'staff_id',
};

export function figuresOf(row: FigureRow | undefined): SatisfactionFigures {
  const ratings = row?.ratings ?? 0;
  const bad = (row?.dissatisfied ?? 0) + (row?.very_dissatisfied ?? 0);
  return {
    ratings,
    verySatisfied: row?.very_satisfied ?? 0,
    satisfied: row?.satisfied ?? 0,
    basicallySatisfied: row?.basically_satisfied ?? 0,
    dissatisfied: row?.dissatisfied ?? 0,
    veryDissatisfied: row?.very_dissatisfied ?? 0,
    defaulted: row?.defaulted ?? 0,
    badReviews: bad,
    satisfactionRate: ratings === 0 ? null : (ratings - bad) / ratings,
    badReviewRate: ratings === 0 ? null : bad / ratings,
  };
}

/**
 * Satisfaction figures, one grouped query per scope and period asked for in the same tick.
 * Counted: ratings RATED or DEFAULTED with ratedOn in the period.
 */
export function satisfactionLoader(
  em: EntityManager,
): DataLoader<SatisfactionKey, SatisfactionFigures, string> {
  return new DataLoader(
    async (keys) => {
      const groups = new Map<string, SatisfactionKey[]>();
      for (const key of keys) {
        const group = `${key.scope}|${key.from}|${key.to}`;
        groups.set(group, [...(groups.get(group) ?? []), key]);
      }
      const results = new Map<string, SatisfactionFigures>();
      for (const group of groups.values()) {
        const { scope, from, to } = group[0]!;
        const column = COLUMN[scope];
        const ids = group.map((key) => key.id).filter((id): id is string => id !== null);
        const rows = await em.execute<FigureRow[]>(
          `select ${column}::text as key, count(*)::int as ratings,
                  count(*) filter (where level = 'VERY_SATISFIED')::int as very_satisfied,
                  count(*) filter (where level = 'SATISFIED')::int as satisfied,
                  count(*) filter (where level = 'BASICALLY_SATISFIED')::int as basically_satisfied,
                  count(*) filter (where level = 'DISSATISFIED')::int as dissatisfied,
                  count(*) filter (where level = 'VERY_DISSATISFIED')::int as very_dissatisfied,
                  count(*) filter (where defaulted)::int as defaulted
             from evaluation.rating
            where status in ('RATED', 'DEFAULTED') and rated_on between ? and ?
              ${scope === 'hall' ? '' : `and ${column} = any(?::uuid[])`}
            group by 1`,
          scope === 'hall' ? [from, to] : [from, to, `{${ids.join(',')}}`],
        );
        for (const key of group) {
          const row =
            scope === 'hall' ? rows[0] : rows.find((candidate) => candidate.key === key.id);
          results.set(JSON.stringify(key), figuresOf(row));
        }
      }
      return keys.map((key) => results.get(JSON.stringify(key))!);
    },
    { cacheKeyFn: (key) => JSON.stringify(key) },
  );
}
