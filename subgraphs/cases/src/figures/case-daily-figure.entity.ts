import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The rollup dashboards read (DESIGN: aggregates kept, not recounted): per hall date and
 * matter, what was registered, accepted and decided that day. Every case transition adds to
 * it in the transaction that makes the change, so it is never behind the cases.
 */
@Entity({ tableName: 'case_daily_figure' })
@Index({ properties: ['departmentId', 'hallDate'] })
export class CaseDailyFigure {
  @PrimaryKey({ type: 'date' })
  hallDate!: string;

  @PrimaryKey({ type: 'uuid' })
  matterId!: string;

  @Property({ type: 'uuid' })
  departmentId!: string;

  @Property({ type: 'integer' })
  registered!: number;

  @Property({ type: 'integer' })
  accepted!: number;

  /** Decided (approved or denied) that day. */
  @Property({ type: 'integer' })
  completed!: number;

  @Property({ type: 'integer' })
  completedOnTime!: number;

  @Property({ type: 'integer' })
  denied!: number;

  /** Sum of working days the decided cases took; average = this / completed. */
  @Property({ type: 'integer' })
  workingDaysTaken!: number;
}
