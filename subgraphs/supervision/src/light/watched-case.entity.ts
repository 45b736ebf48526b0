import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/** A clock stop as the case events report it. */
export interface WatchedStop {
  kind: string;
  startedOn: string;
  endedOn: string | null;
}

/**
 * Supervision's own view of a case, kept from the cases subgraph's events (never read from
 * its tables): enough to recompute the case's clock and know its next threshold.
 */
@Entity({ tableName: 'watched_case' })
export class WatchedCase {
  @PrimaryKey({ type: 'uuid' })
  caseId!: string;

  @Property({ length: 32 })
  serialNo!: string;

  @Property({ type: 'uuid' })
  departmentId!: string;

  @Property({ type: 'uuid' })
  matterId!: string;

  @Property({ length: 16 })
  matterKind!: string;

  @Property({ type: 'uuid', nullable: true })
  jointProjectId?: string | null;

  @Property({ length: 24 })
  status!: string;

  @Property({ type: 'date' })
  receivedOn!: string;

  @Property({ type: 'date', nullable: true })
  clockStartedOn?: string | null;

  @Property({ type: 'date', nullable: true })
  decidedOn?: string | null;

  @Property({ type: 'smallint' })
  promisedLimitDays!: number;

  @Property({ type: 'smallint' })
  statutoryLimitDays!: number;

  @Property({ type: 'smallint' })
  extensionDays!: number;

  @Property({ type: 'json' })
  stops: WatchedStop[] & Opt = [];

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}
