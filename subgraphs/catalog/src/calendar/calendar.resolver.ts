import {
  badUserInput,
  checkInteger,
  checkText,
  daysBetween,
  isWeekend,
  addDays,
  type WorkingCalendar,
} from '@hall/kit';
import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { announceCatalogChange } from '../catalog-changes';
import type { CatalogContext } from '../context';
import { CalendarException } from './calendar-exception.entity';
import { CalendarDay, CalendarExceptionInput, CalendarExceptionKindValue } from './calendar.types';

/** A calendar page is at most a year and a day: enough for any screen, bounded for the server. */
const MAX_CALENDAR_SPAN_DAYS = 366;
/** Working-day arithmetic stays within the span any time limit of the hall needs. */
const MAX_WORKING_DAYS = 1000;

function dayOf(calendar: WorkingCalendar, date: string): CalendarDay {
  return {
    date,
    kind: calendar.kindOf(date),
    isWorkingDay: calendar.isWorkingDay(date),
    name: calendar.exceptionOn(date)?.name ?? null,
  };
}

@Resolver()
export class CalendarResolver {
  @Query(() => [CalendarDay], { description: 'Every date from `from` to `to`, both included.' })
  async workingCalendar(
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Ctx() { loaders }: CatalogContext,
  ) {
    const span = daysBetween(from, to);
    if (span < 0 || span >= MAX_CALENDAR_SPAN_DAYS) {
      throw badUserInput(`from..to must be 1 to ${MAX_CALENDAR_SPAN_DAYS} days in order`, {
        field: 'to',
      });
    }
    const calendar = await loaders.calendar();
    return Array.from({ length: span + 1 }, (_, i) => dayOf(calendar, addDays(from, i)));
  }

  @Query(() => [CalendarDay], {
    description: 'The holidays and make-up working days of a year, in date order.',
  })
  async calendarExceptions(@Arg('year', () => Int) year: number, @Ctx() { em }: CatalogContext) {
    checkInteger(year, 'year', 1990, 2100);
    const rows = await em.find(
      CalendarException,
      { date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } },
      { orderBy: { date: 'asc' } },
    );
    return rows.map((row) => ({
      date: row.date,
      kind: row.kind,
      isWorkingDay: row.kind === 'MAKEUP_WORKDAY',
      name: row.name,
    }));
  }

  @Query(() => LocalDateResolver, {
    description:
      'The |days|-th working day after `date` (before it when negative): the due date of a limit of `days` working days started on `date`.',
  })
  async addWorkingDays(
    @Arg('date', () => LocalDateResolver) date: string,
    @Arg('days', () => Int) days: number,
    @Ctx() { loaders }: CatalogContext,
  ) {
    checkInteger(days, 'days', -MAX_WORKING_DAYS, MAX_WORKING_DAYS);
    return (await loaders.calendar()).addWorkingDays(date, days);
  }

  @Query(() => Int, {
    description: 'Working days after `from` up to and including `to` (negative when reversed).',
  })
  async workingDaysBetween(
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Ctx() { loaders }: CatalogContext,
  ) {
    if (Math.abs(daysBetween(from, to)) > MAX_WORKING_DAYS * 2) {
      throw badUserInput('from and to are too far apart', { field: 'to' });
    }
    return (await loaders.calendar()).countWorkingDays(from, to);
  }

  @Authorized('SERVICE_BUREAU_ADMIN')
  @Mutation(() => CalendarDay, {
    description: 'Records a public holiday or make-up working day (replacing one on that date).',
  })
  async setCalendarException(
    @Arg('input', () => CalendarExceptionInput) input: CalendarExceptionInput,
    @Ctx() { em }: CatalogContext,
  ) {
    if (input.kind === CalendarExceptionKindValue.MAKEUP_WORKDAY && !isWeekend(input.date)) {
      throw badUserInput(`${input.date} is a weekday already; only a weekend day can be made up`, {
        field: 'input.kind',
      });
    }
    const name = checkText(input.name, 'input.name', 40);
    await em.upsert(CalendarException, { date: input.date, kind: input.kind, name });
    await announceCatalogChange(em, 'calendar');
    return {
      date: input.date,
      kind: input.kind,
      isWorkingDay: input.kind === 'MAKEUP_WORKDAY',
      name,
    };
  }

  @Authorized('SERVICE_BUREAU_ADMIN')
  @Mutation(() => CalendarDay, {
    description: 'Removes the exception on a date; answers the date as it is afterwards.',
  })
  async removeCalendarException(
    @Arg('date', () => LocalDateResolver) date: string,
    @Ctx() { em }: CatalogContext,
  ) {
    const removed = await em.nativeDelete(CalendarException, { date });
    if (removed === 0)
      throw badUserInput(`${date} has no holiday or make-up day to remove`, { field: 'date' });
    await announceCatalogChange(em, 'calendar');
    const weekend = isWeekend(date);
    return { date, kind: weekend ? 'WEEKEND' : 'WORKDAY', isWorkingDay: !weekend, name: null };
  }
}
