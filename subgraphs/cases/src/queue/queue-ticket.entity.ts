import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum TicketStatus {
  WAITING = 'WAITING',
  CALLED = 'CALLED',
  SERVING = 'SERVING',
  FINISHED = 'FINISHED',
  NO_SHOW = 'NO_SHOW',
}
registerEnumType(TicketStatus, {
  name: 'TicketStatus',
  valuesConfig: {
    WAITING: { description: 'Taken, waiting to be called.' },
    CALLED: { description: 'Called to a window; the visitor is on the way.' },
    SERVING: { description: 'At the window.' },
    FINISHED: { description: 'Served.' },
    NO_SHOW: { description: 'Called and did not come.' },
  },
});

/** A queue ticket (排队号) taken in the hall; appointments go ahead of walk-ins. */
@ObjectType({ description: 'A queue ticket (排队号).' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'queue_ticket' })
@Unique({ properties: ['hallDate', 'number'] })
@Index({ properties: ['hallDate', 'status'] })
export class QueueTicket {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  hallDate!: string;

  @Field({ description: 'The number called out, e.g. A023 (walk-in) or Y005 (appointment).' })
  @Property({ length: 8 })
  number!: string;

  /** The department whose windows serve it; null for the unified acceptance windows. */
  @Property({ type: 'uuid', nullable: true })
  departmentId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  matterId?: string | null;

  @Field({ description: 'Came by appointment: called before walk-ins.' })
  @Property()
  priority!: boolean;

  @Property({ type: 'uuid', nullable: true })
  appointmentId?: string | null;

  @Field(() => TicketStatus)
  @Enum({ items: () => TicketStatus })
  status!: TicketStatus;

  @Property({ type: 'uuid', nullable: true })
  windowId?: string | null;

  @Field()
  @Property({ type: 'timestamptz' })
  takenAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  calledAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  servedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  finishedAt?: Date | null;
}
