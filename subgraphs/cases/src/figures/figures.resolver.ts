import { badUserInput, daysBetween, entityReference, type EntityReference } from '@hall/kit';
import { LocalDateResolver } from 'graphql-scalars';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
  Root,
} from 'type-graphql';
import type { CasesContext } from '../context';
import { QueueTicket } from '../queue/queue-ticket.entity';
import {
  CaseFigures,
  FIGURE_SUMS,
  figuresOf,
  rollupRowsOf,
  type FigureDimension,
  type FigureSums,
} from './figures.query';

/** A period of hall dates, both ends included; at most 30 years. */
export function checkPeriod(from: string, to: string): { from: string; to: string } {
  if (from > to) throw badUserInput('from must not be after to', { field: 'from' });
  if (daysBetween(from, to) > 366 * 30) {
    throw badUserInput('A period spans 30 years at most', { field: 'to' });
  }
  return { from, to };
}

export enum Granularity {
  DAY = 'DAY',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}
registerEnumType(Granularity, { name: 'Granularity' });

@ObjectType({ description: 'Case figures of one day, month or year of a trend.' })
export class PeriodCaseFigures extends CaseFigures {
  @Field(() => LocalDateResolver, { description: 'The first day of the period.' })
  periodStart!: string;
}

const Department = entityReference('Department', 'cases');
const Matter = entityReference('Matter', 'cases');
const Window = entityReference('Window', 'cases');

function figuresField(dimension: FigureDimension) {
  return (root: EntityReference, from: string, to: string, context: CasesContext) =>
    context.loaders.figures.load({ dimension, id: root.id, ...checkPeriod(from, to) });
}

@Resolver()
export class FiguresResolver {
  @Query(() => CaseFigures, { description: 'The whole hall’s case figures over a period.' })
  caseFigures(
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Ctx() context: CasesContext,
  ) {
    return context.loaders.figures.load({ dimension: 'hall', id: null, ...checkPeriod(from, to) });
  }

  @Query(() => [PeriodCaseFigures], {
    description:
      'Case figures per day, month or year over a period: one statement, from the rollup.',
  })
  async caseTrend(
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Arg('granularity', () => Granularity, { defaultValue: Granularity.MONTH })
    granularity: Granularity,
    @Ctx() { em }: CasesContext,
  ): Promise<PeriodCaseFigures[]> {
    checkPeriod(from, to);
    if (granularity === Granularity.DAY && daysBetween(from, to) > 366) {
      throw badUserInput('A daily trend spans a year at most', { field: 'granularity' });
    }
    const unit = granularity.toLowerCase();
    // A daily trend needs days; coarser ones read whole months from the department-month
    // rollup, the smallest that sums to the hall. Grouped by the truncated date, formatted
    // once per period rather than once per row.
    const source = rollupRowsOf(from, to, {
      wholeMonths: granularity !== Granularity.DAY,
      grain: 'department',
    });
    const rows = await em.execute<({ period_start: string } & FigureSums)[]>(
      `select to_char(date_trunc('${unit}', starts_on::timestamp), 'YYYY-MM-DD') as period_start,
              ${FIGURE_SUMS}
         from ${source.sql} as figure
        group by date_trunc('${unit}', starts_on::timestamp) order by 1`,
      source.params,
    );
    return rows.map((row) => ({ periodStart: row.period_start, ...figuresOf(row) }));
  }
}

@Resolver(() => Department)
export class DepartmentCaseFiguresResolver {
  @FieldResolver(() => CaseFigures, { description: 'The department’s case figures over a period.' })
  caseFigures(
    @Root() department: EntityReference,
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Ctx() context: CasesContext,
  ) {
    return figuresField('department')(department, from, to, context);
  }
}

@Resolver(() => Matter)
export class MatterCaseFiguresResolver {
  @FieldResolver(() => CaseFigures, { description: 'The matter’s case figures over a period.' })
  caseFigures(
    @Root() matter: EntityReference,
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Ctx() context: CasesContext,
  ) {
    return figuresField('matter')(matter, from, to, context);
  }
}

@Resolver(() => Window)
export class WindowQueueResolver {
  @FieldResolver(() => [QueueTicket], { description: 'Tickets called to or served at it now.' })
  queueNow(@Root() window: EntityReference, @Ctx() { loaders }: CasesContext) {
    return loaders.ticketsAtWindow.load(window.id);
  }
}
