import { Entity, Enum, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ComplaintChannel {
  PHONE = 'PHONE',
  WEB = 'WEB',
  LETTER = 'LETTER',
  VISIT = 'VISIT',
}
registerEnumType(ComplaintChannel, {
  name: 'ComplaintChannel',
  valuesConfig: {
    PHONE: { description: 'By the complaint hotline (电话投诉).' },
    WEB: { description: 'On the service center’s website (网上投诉).' },
    LETTER: { description: 'By letter (来信).' },
    VISIT: { description: 'In person at the hall (来访).' },
  },
});

/** What a complaint (or a social supervisor's report) is about. */
export enum ComplaintSubject {
  DEPARTMENT = 'DEPARTMENT',
  WINDOW = 'WINDOW',
  STAFF = 'STAFF',
  CASE = 'CASE',
}
registerEnumType(ComplaintSubject, {
  name: 'ComplaintSubject',
  valuesConfig: {
    DEPARTMENT: { description: 'A department as a whole; subjectId is the department’s id.' },
    WINDOW: { description: 'A window; subjectId is the window’s id.' },
    STAFF: { description: 'A staff member; subjectId is the staff member’s id.' },
    CASE: { description: 'The handling of a case; subjectId is the case’s id.' },
  },
});

export enum ComplaintStatus {
  RECEIVED = 'RECEIVED',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  ANSWERED = 'ANSWERED',
  CLOSED = 'CLOSED',
}
registerEnumType(ComplaintStatus, {
  name: 'ComplaintStatus',
  valuesConfig: {
    RECEIVED: { description: '已登记: to be accepted or rejected by acceptBy.' },
    ACCEPTED: { description: '已受理: to be answered by answerBy.' },
    REJECTED: { description: '不予受理: rejected with a reason; final.' },
    ANSWERED: { description: '已答复: answered; waits for the complainant’s satisfaction.' },
    CLOSED: { description: '已办结: closed with the complainant’s satisfaction recorded; final.' },
  },
});

export enum Satisfaction {
  SATISFIED = 'SATISFIED',
  BASICALLY_SATISFIED = 'BASICALLY_SATISFIED',
  DISSATISFIED = 'DISSATISFIED',
}
registerEnumType(Satisfaction, {
  name: 'Satisfaction',
  valuesConfig: {
    SATISFIED: { description: '满意' },
    BASICALLY_SATISFIED: { description: '基本满意 (counts as satisfied in the satisfaction rate)' },
    DISSATISFIED: { description: '不满意' },
  },
});

/** Working days to accept or reject a complaint, counted from the day after receipt. */
export const ACCEPT_WORKING_DAYS = 5;
/** Working days to answer an accepted complaint, counted from the day after acceptance. */
export const ANSWER_WORKING_DAYS = 10;

/**
 * A complaint (投诉) about a department, window, staff member or case. The complainant's
 * name and phone are personal data: the resolver masks them for everyone but supervision
 * and the bureau. `acceptBy` and `answerBy` are the deadlines the alert lights watch.
 */
@ObjectType({ description: 'A complaint (投诉) about the hall’s work.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'complaint' })
@Index({ properties: ['departmentId', 'receivedOn'] })
@Index({ properties: ['status', 'acceptBy'] })
export class Complaint {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: 'The number on the complaint record, e.g. TS2026-0001.' })
  @Property({ length: 16, unique: true })
  code!: string;

  @Field(() => ComplaintChannel)
  @Enum({ items: () => ComplaintChannel })
  channel!: ComplaintChannel;

  @Field(() => ComplaintSubject)
  @Enum({ items: () => ComplaintSubject })
  subjectType!: ComplaintSubject;

  @Field(() => ID, { description: 'The department, window, staff member or case complained of.' })
  @Property({ type: 'uuid' })
  subjectId!: string;

  /** The department concerned, whatever the subject: figures and lights count by it. */
  @Property({ type: 'uuid' })
  departmentId!: string;

  /** Personal data: exposed through a masking field resolver. */
  @Property({ length: 50 })
  complainantName!: string;

  /** Personal data; null when the complaint came without one (a letter, say). */
  @Property({ length: 20, nullable: true })
  complainantPhone?: string | null;

  @Field()
  @Property({ type: 'text' })
  content!: string;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  receivedOn!: string;

  @Field()
  @Property({ type: 'timestamptz' })
  receivedAt!: Date;

  @Field(() => ComplaintStatus)
  @Enum({ items: () => ComplaintStatus })
  status!: ComplaintStatus;

  @Field(() => LocalDateResolver, {
    description: 'Accept or reject by this day: receivedOn + 5 working days.',
  })
  @Property({ type: 'date' })
  acceptBy!: string;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Answer by this day: acceptedOn + 10 working days; null until accepted.',
  })
  @Property({ type: 'date', nullable: true })
  answerBy?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  acceptedOn?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  rejectedOn?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  rejectionReason?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  answeredOn?: string | null;

  @Field(() => String, { nullable: true, description: 'The answer given to the complainant.' })
  @Property({ type: 'text', nullable: true })
  answer?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  closedOn?: string | null;

  @Field(() => Satisfaction, { nullable: true })
  @Enum({ items: () => Satisfaction, nullable: true })
  satisfaction?: Satisfaction | null;

  @Field({ description: 'Who registered it.' })
  @Property({ length: 64 })
  registeredBy!: string;

  @Field(() => Int, { description: 'Goes up with every change; send it back as expectedVersion.' })
  @Property({ version: true })
  version: number & Opt = 1;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
