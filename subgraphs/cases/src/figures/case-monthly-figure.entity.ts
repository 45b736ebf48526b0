import { Entity, Index, PrimaryKey } from '@mikro-orm/core';
import { FigureCounters } from './figure-counters';

/**
 * The daily rollup summed by calendar month, so that figures over years read a dozen rows a
 * year per matter instead of a few hundred. Its contract: every row equals the daily rows of
 * its month, matter and department summed, at every commit. The statement that adds to a day
 * adds to its month too (see `addToFigures`); bulk loads that write days directly roll their
 * months up from them in the same transaction.
 */
@Entity({ tableName: 'case_monthly_figure' })
@Index({ properties: ['departmentId', 'month'] })
export class CaseMonthlyFigure extends FigureCounters {
  /** The first day of the calendar month. */
  @PrimaryKey({ type: 'date' })
  month!: string;

  @PrimaryKey({ type: 'uuid' })
  matterId!: string;

  /**
   * Part of the key so that the month is exactly its days grouped, even were a matter's days
   * ever filed under two departments.
   */
  @PrimaryKey({ type: 'uuid' })
  departmentId!: string;
}
