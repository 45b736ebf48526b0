import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Evaluation's own view of a decided case, kept from the cases subgraph's events (never read
 * from its tables): the department and whether it finished within its promised limit, which
 * the quarterly grades weigh, and which case a call-back may be recorded against.
 */
@Entity({ tableName: 'finished_case' })
@Index({ properties: ['departmentId', 'decidedOn'] })
export class FinishedCase {
  @PrimaryKey({ type: 'uuid' })
  caseId!: string;

  @Property({ length: 32 })
  serialNo!: string;

  @Property({ type: 'uuid' })
  departmentId!: string;

  @Property({ type: 'uuid' })
  matterId!: string;

  @Property({ type: 'date' })
  decidedOn!: string;

  /** Decided within the promised limit, as the case's clock reported it. */
  @Property({ type: 'boolean' })
  onTime!: boolean;
}
