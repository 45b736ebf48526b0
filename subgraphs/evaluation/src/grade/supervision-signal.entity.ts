import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

export type SignalKind = 'LIGHT' | 'COMPLAINT';

/**
 * One light raised or risen, or one complaint received, as supervision's event log announced
 * it: the grades count them per department and quarter. Keyed by the event's log position,
 * so an event applied twice is counted once.
 */
@Entity({ tableName: 'supervision_signal' })
@Index({ properties: ['departmentId', 'occurredOn'] })
export class SupervisionSignal {
  @PrimaryKey({ type: 'bigint' })
  position!: string;

  @Property({ length: 16 })
  kind!: SignalKind;

  @Property({ type: 'uuid' })
  departmentId!: string;

  @Property({ length: 8, nullable: true })
  level?: string | null;

  @Property({ type: 'date' })
  occurredOn!: string;
}
