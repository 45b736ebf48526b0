import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { FigureCounters } from './figure-counters';

/**
 * The rollup dashboards read (DESIGN: aggregates kept, not recounted): per hall date and
 * matter, what was registered, accepted and decided that day. Every case transition adds to
 * it in the transaction that makes the change, so it is never behind the cases.
 */
@Entity({ tableName: 'case_daily_figure' })
@Index({ properties: ['departmentId', 'hallDate'] })
export class CaseDailyFigure extends FigureCounters {
  @PrimaryKey({ type: 'date' })
  hallDate!: string;

  @PrimaryKey({ type: 'uuid' })
  matterId!: string;

  @Property({ type: 'uuid' })
  departmentId!: string;
}
