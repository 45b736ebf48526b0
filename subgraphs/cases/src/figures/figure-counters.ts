import { Property } from '@mikro-orm/core';

/**
 * The counters every figures rollup keeps (days, months by matter, months by department),
 * named as `FIGURE_COUNTERS` names their columns. Each rollup adds its own key.
 */
export abstract class FigureCounters {
  @Property({ type: 'integer' })
  registered!: number;

  @Property({ type: 'integer' })
  accepted!: number;

  /** Decided (approved or denied) in the period the row covers. */
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
