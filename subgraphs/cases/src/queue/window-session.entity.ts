import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** A window open for business on a hall date, from its opening to its closing. */
@Entity({ tableName: 'window_session' })
@Index({ properties: ['hallDate', 'windowId'] })
export class WindowSession {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  windowId!: string;

  @Property({ type: 'date' })
  hallDate!: string;

  @Property({ type: 'timestamptz' })
  openedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date | null;
}
