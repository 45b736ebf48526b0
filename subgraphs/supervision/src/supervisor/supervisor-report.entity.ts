import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ComplaintSubject } from '../complaint/complaint.entity';
import { SocialSupervisor } from './social-supervisor.entity';

export enum SupervisorReportStatus {
  RECEIVED = 'RECEIVED',
  HANDLED = 'HANDLED',
}
registerEnumType(SupervisorReportStatus, {
  name: 'SupervisorReportStatus',
  valuesConfig: {
    RECEIVED: { description: 'Recorded, not yet handled.' },
    HANDLED: { description: 'Handled; the supervisor was given the reply.' },
  },
});

/** What a social supervisor reported about a department, window, staff member or case. */
@ObjectType({ description: 'A social supervisor’s report (监督意见).' })
@Entity({ tableName: 'supervisor_report' })
@Index({ properties: ['departmentId', 'receivedOn'] })
export class SupervisorReport {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => SocialSupervisor, { mapToPk: true, fieldName: 'supervisor_id' })
  @Index()
  supervisorId!: string;

  @Field(() => ComplaintSubject)
  @Enum({ items: () => ComplaintSubject })
  subjectType!: ComplaintSubject;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  subjectId!: string;

  @Property({ type: 'uuid' })
  departmentId!: string;

  @Field()
  @Property({ type: 'text' })
  content!: string;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  receivedOn!: string;

  @Field(() => SupervisorReportStatus)
  @Enum({ items: () => SupervisorReportStatus })
  status!: SupervisorReportStatus;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  handledOn?: string | null;

  @Field(() => String, { nullable: true, description: 'The reply given to the supervisor.' })
  @Property({ type: 'text', nullable: true })
  reply?: string | null;

  @Field({ description: 'Who recorded it.' })
  @Property({ length: 64 })
  recordedBy!: string;

  @Field(() => Int)
  @Property({ version: true })
  version: number & Opt = 1;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}
