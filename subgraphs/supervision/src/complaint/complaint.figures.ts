import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Field, Float, Int, ObjectType } from 'type-graphql';

/** Complaint figures of a period: the complaints received in it, and where they stand. */
@ObjectType({ description: 'Complaint figures of a period (投诉统计), by the day received.' })
export class ComplaintFigures {
  @Field(() => Int, { description: 'Complaints received in the period.' })
  received!: number;

  @Field(() => Int, { description: 'Of those, accepted (whatever happened next).' })
  accepted!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => Int, { description: 'Of those, answered (whatever happened next).' })
  answered!: number;

  @Field(() => Int, { description: 'Of those, closed with the complainant’s satisfaction.' })
  closed!: number;

  @Field(() => Int, { description: 'Of those, still received, accepted or answered.' })
  open!: number;

  @Field(() => Int, { description: 'Open ones past the deadline they run against today.' })
  overdue!: number;

  @Field(() => Int, { description: 'Accepted or rejected by acceptBy.' })
  decidedOnTime!: number;

  @Field(() => Int, { description: 'Answered by answerBy.' })
  answeredOnTime!: number;

  @Field(() => Int)
  satisfied!: number;

  @Field(() => Int)
  basicallySatisfied!: number;

  @Field(() => Int)
  dissatisfied!: number;

  @Field(() => Float, {
    nullable: true,
    description: '(satisfied + basically satisfied) / closed (满意率); null when none was closed.',
  })
  satisfactionRate!: number | null;
}

/** One figure asked for: a department (null: the whole hall) over a period, as of today. */
export interface ComplaintFigureKey {
  departmentId: string | null;
  from: string;
  to: string;
  today: string;
}

interface FigureRow {
  department_id: string;
  received: number;
  accepted: number;
  rejected: number;
  answered: number;
  closed: number;
  open: number;
  overdue: number;
  decided_on_time: number;
  answered_on_time: number;
  satisfied: number;
  basically_satisfied: number;
  dissatisfied: number;
}

type Counts = Omit<FigureRow, 'department_id'>;

const COUNT_NAMES: readonly (keyof Counts)[] = [
  'received',
  'accepted',
  'rejected',
  'answered',
  'closed',
  'open',
  'overdue',
  'decided_on_time',
  'answered_on_time',
  'satisfied',
  'basically_satisfied',
  'dissatisfied',
];

function emptyCounts(): Counts {
  return Object.fromEntries(COUNT_NAMES.map((name) => [name, 0])) as unknown as Counts;
}

export function complaintFiguresOf(counts: Counts): ComplaintFigures {
  const agreeable = counts.satisfied + counts.basically_satisfied;
  return {
    received: counts.received,
    accepted: counts.accepted,
    rejected: counts.rejected,
    answered: counts.answered,
    closed: counts.closed,
    open: counts.open,
    overdue: counts.overdue,
    decidedOnTime: counts.decided_on_time,
    answeredOnTime: counts.answered_on_time,
    satisfied: counts.satisfied,
    basicallySatisfied: counts.basically_satisfied,
    dissatisfied: counts.dissatisfied,
    satisfactionRate:
      counts.closed > 0 ? Math.round((agreeable / counts.closed) * 10000) / 10000 : null,
  };
}

/**
 * Complaint figures per department and period: one statement per distinct period asked for
 * in the same tick, grouped by department; the hall's figure is the sum of its departments'.
 */
export function complaintFiguresLoader(
  em: EntityManager,
): DataLoader<ComplaintFigureKey, ComplaintFigures, string> {
  return new DataLoader(
    async (keys) => {
      const periods = new Map<string, ComplaintFigureKey>();
      for (const key of keys) periods.set(`${key.from}|${key.to}|${key.today}`, key);
      const byPeriod = new Map<string, FigureRow[]>();
      for (const [period, { from, to, today }] of periods) {
        const rows = await em.execute<FigureRow[]>(
          `select department_id,
                  count(*)::int as received,
                  count(accepted_on)::int as accepted,
                  count(rejected_on)::int as rejected,
                  count(answered_on)::int as answered,
                  count(closed_on)::int as closed,
                  count(*) filter (where status in ('RECEIVED', 'ACCEPTED', 'ANSWERED'))::int as open,
                  count(*) filter (where (status = 'RECEIVED' and accept_by < ?)
                                      or (status = 'ACCEPTED' and answer_by < ?))::int as overdue,
                  count(*) filter (where coalesce(accepted_on, rejected_on) <= accept_by)::int
                    as decided_on_time,
                  count(*) filter (where answered_on <= answer_by)::int as answered_on_time,
                  count(*) filter (where satisfaction = 'SATISFIED')::int as satisfied,
                  count(*) filter (where satisfaction = 'BASICALLY_SATISFIED')::int
                    as basically_satisfied,
                  count(*) filter (where satisfaction = 'DISSATISFIED')::int as dissatisfied
             from supervision.complaint
            where received_on between ? and ?
            group by department_id`,
          [today, today, from, to],
        );
        byPeriod.set(period, rows);
      }
      return keys.map((key) => {
        const rows = byPeriod.get(`${key.from}|${key.to}|${key.today}`) ?? [];
        const counts = emptyCounts();
        for (const row of rows) {
          if (key.departmentId !== null && row.department_id !== key.departmentId) continue;
          for (const name of COUNT_NAMES) counts[name] += row[name];
        }
        return complaintFiguresOf(counts);
      });
    },
    { cacheKeyFn: (key) => `${key.departmentId ?? 'hall'}|${key.from}|${key.to}|${key.today}` },
  );
}
