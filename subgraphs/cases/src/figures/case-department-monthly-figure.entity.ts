import { Entity, PrimaryKey } from '@mikro-orm/core';
import { FigureCounters } from './figure-counters';

/**
 * The daily rollup summed by calendar month and department, matters folded together: about
 * three dozen rows a month for the whole hall, so that hall figures, department figures and
 * trends over years read a few thousand rows rather than one per matter and month. Its
 * contract: every row equals the daily rows of its month and department summed, at every
 * commit. The statement that adds to a day adds to this row too (see `addToFigures`); bulk
 * loads that write days directly roll it up from them in the same transaction.
 */
@Entity({ tableName: 'case_department_monthly_figure' })
export class CaseDepartmentMonthlyFigure extends FigureCounters {
  /** The first day of the calendar month; first in the key, as every read is a month range. */
  @PrimaryKey({ type: 'date' })
  month!: string;

  /** The department the month's daily rows are filed under. */
  @PrimaryKey({ type: 'uuid' })
  departmentId!: string;
}
