import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Applicant } from '../applicant/applicant.entity';
import { PARTNER_TAG } from '../partner/partner-tag';
import { CaseAction, CaseStatus } from './case.machine';

registerEnumType(CaseStatus, {
  name: 'CaseStatus',
  valuesConfig: {
    RECEIVED: { description: '已收件: registered, not yet accepted.' },
    SUPPLEMENT_REQUESTED: { description: '补正: material asked for; the clock stands still.' },
    ACCEPTED: { description: '已受理: accepted; the clock runs.' },
    NOT_ACCEPTED: { description: '不予受理: refused at acceptance, with a reason.' },
    UNDER_REVIEW: { description: '审查中: under review.' },
    SPECIAL_PROCEDURE: {
      description:
        '特别程序: hearing, inspection, testing, appraisal, expert review or public notice; the clock stands still.',
    },
    EXTENDED: { description: '延期: extended by 10 working days with a reason.' },
    COMPLETED_APPROVED: { description: '办结(准予): decided, approved.' },
    COMPLETED_DENIED: { description: '办结(不予): decided, denied.' },
    DELIVERED: { description: '已送达: the result has reached the applicant.' },
    WITHDRAWN: { description: '撤回: withdrawn by the applicant.' },
  },
});
registerEnumType(CaseAction, { name: 'CaseAction' });

export enum CaseChannel {
  WINDOW = 'WINDOW',
  ONLINE = 'ONLINE',
  APPOINTMENT = 'APPOINTMENT',
  PROXY = 'PROXY',
}
registerEnumType(CaseChannel, {
  name: 'CaseChannel',
  valuesConfig: {
    WINDOW: { description: 'At a window of the hall.' },
    ONLINE: { description: 'Through the online approval system.' },
    APPOINTMENT: { description: 'At a window, by appointment.' },
    PROXY: { description: 'Through a proxy agent (代办), free of charge.' },
  },
});

/**
 * A case (办件): one application for one matter, from registration to delivery. The terms
 * of its matter (kind, limits) are copied at registration: the limits in force that day
 * are the ones the case is judged by.
 */
@ObjectType({ description: 'A case (办件): one application for one matter.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'case' })
@Index({ properties: ['departmentId', 'receivedOn'] })
@Index({ properties: ['status', 'dueOn'] })
export class Case {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Directive(PARTNER_TAG)
  @Field({ description: 'The serial number printed on the receipt, e.g. 20261124-D07-0012.' })
  @Property({ length: 32, unique: true })
  serialNo!: string;

  @Index()
  @Property({ type: 'uuid' })
  matterId!: string;

  @Property({ type: 'uuid' })
  departmentId!: string;

  /** The matter's kind when registered: IMMEDIATE, PROMISED, JOINT or REPORTED. */
  @Field({ description: 'The matter’s kind when the case was registered.' })
  @Property({ length: 16 })
  matterKind!: string;

  @Field(() => Int, { description: 'Promised working days when registered (承诺时限).' })
  @Property({ type: 'smallint' })
  promisedLimitDays!: number;

  @Field(() => Int, { description: 'Statutory working days when registered (法定时限).' })
  @Property({ type: 'smallint' })
  statutoryLimitDays!: number;

  @ManyToOne(() => Applicant, { mapToPk: true, fieldName: 'applicant_id' })
  @Index()
  applicantId!: string;

  @Field(() => CaseChannel)
  @Enum({ items: () => CaseChannel })
  channel!: CaseChannel;

  /** The window that first received the applicant: its clerk owns the explanation (首接). */
  @Property({ type: 'uuid', nullable: true })
  firstContactWindowId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  firstContactStaffId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  proxyAgentStaffId?: string | null;

  /** The partner bank the case concerns (e.g. a mortgage registration a loan waits on). */
  @Index()
  @Property({ type: 'uuid', nullable: true })
  partnerOrganizationId?: string | null;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  jointProjectId?: string | null;

  @Directive(PARTNER_TAG)
  @Field(() => CaseStatus)
  @Enum({ items: () => CaseStatus })
  status!: CaseStatus;

  @Field({ description: 'When the case was registered.' })
  @Property({ type: 'timestamptz' })
  receivedAt!: Date;

  @Directive(PARTNER_TAG)
  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  receivedOn!: string;

  @Directive(PARTNER_TAG)
  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  acceptedOn?: string | null;

  /** The day the clock started: acceptance, or receipt when the supplement notice was late. */
  @Property({ type: 'date', nullable: true })
  clockStartedOn?: string | null;

  @Field(() => Boolean, {
    description: 'The supplement notice came later than 5 working days after receipt.',
  })
  @Property()
  supplementNoticeLate: boolean & Opt = false;

  @Field(() => [String], { description: 'Material asked for in the last supplement notice.' })
  @Property({ type: 'text[]' })
  missingMaterials: string[] & Opt = [];

  @Field(() => Int)
  @Property({ type: 'smallint' })
  extensionDays: number & Opt = 0;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  extensionReason?: string | null;

  @Directive(PARTNER_TAG)
  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  decidedOn?: string | null;

  @Directive(PARTNER_TAG)
  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  deliveredOn?: string | null;

  /**
   * The due dates as of the last change, kept for lists and indexes; the `clock` field
   * recomputes them from the stops and the current calendar.
   */
  @Index()
  @Property({ type: 'date', nullable: true })
  dueOn?: string | null;

  @Property({ type: 'date', nullable: true })
  statutoryDueOn?: string | null;

  /** Set at the decision: decided by the due date. */
  @Property({ type: 'boolean', nullable: true })
  decidedOnTime?: boolean | null;

  @Property({ type: 'smallint', nullable: true })
  workingDaysTaken?: number | null;

  @Field(() => String, { nullable: true, description: 'Why the case was denied or refused.' })
  @Property({ type: 'text', nullable: true })
  decisionReason?: string | null;

  @Field(() => Int, { description: 'Fee charged, in fen; 0 when free.' })
  @Property({ type: 'integer' })
  feeFen: number & Opt = 0;

  @Field(() => Int, { description: 'Goes up with every change; send it back as expectedVersion.' })
  @Property({ version: true })
  version: number & Opt = 1;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
