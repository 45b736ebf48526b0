import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum AppointmentStatus {
  BOOKED = 'BOOKED',
  CHECKED_IN = 'CHECKED_IN',
  CANCELLED = 'CANCELLED',
}
registerEnumType(AppointmentStatus, { name: 'AppointmentStatus' });

/** A booked time slot (预约服务) for a matter at a window. */
@ObjectType({ description: 'An appointment (预约) for a matter at a window.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'appointment' })
@Index({ properties: ['windowId', 'startsAt'] })
export class Appointment {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: 'The code the visitor shows at the ticket machine.' })
  @Property({ length: 16, unique: true })
  code!: string;

  @Property({ type: 'uuid' })
  matterId!: string;

  @Property({ type: 'uuid' })
  windowId!: string;

  @Property({ type: 'uuid', nullable: true })
  departmentId?: string | null;

  @Property({ type: 'uuid' })
  applicantId!: string;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  hallDate!: string;

  @Field()
  @Property({ type: 'timestamptz' })
  startsAt!: Date;

  @Field()
  @Property({ type: 'timestamptz' })
  endsAt!: Date;

  @Field({ description: 'In the extended hours (延时服务), outside ordinary opening hours.' })
  @Property()
  extendedHours!: boolean;

  @Field(() => AppointmentStatus)
  @Enum({ items: () => AppointmentStatus })
  status!: AppointmentStatus;

  @Property({ type: 'uuid', nullable: true })
  ticketId?: string | null;
}
