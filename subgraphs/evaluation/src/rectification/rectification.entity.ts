import { Entity, Enum, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RatingLevel } from '../rating/rating.entity';

export enum RectificationStatus {
  OPEN = 'OPEN',
  CALLED_BACK = 'CALLED_BACK',
  RECTIFIED = 'RECTIFIED',
  VOIDED = 'VOIDED',
}
registerEnumType(RectificationStatus, {
  name: 'RectificationStatus',
  valuesConfig: {
    OPEN: { description: 'Opened by a bad review: call the applicant back by callBackBy.' },
    CALLED_BACK: { description: 'Called back: rectify by rectifyBy.' },
    RECTIFIED: { description: 'Rectified (整改完成): the applicant may rate again.' },
    VOIDED: { description: 'The review was voided on appeal as mistaken or malicious.' },
  },
});

export enum AppealStatus {
  NONE = 'NONE',
  FILED = 'FILED',
  UPHELD = 'UPHELD',
  DISMISSED = 'DISMISSED',
}
registerEnumType(AppealStatus, {
  name: 'BadReviewAppealStatus',
  valuesConfig: {
    NONE: { description: 'No appeal.' },
    FILED: { description: 'The department appealed the review as mistaken or malicious.' },
    UPHELD: { description: 'Upheld: the review is voided and not counted.' },
    DISMISSED: { description: 'Dismissed: the review stands and the ticket goes on.' },
  },
});

/** Working days to call the applicant back, counted from the day after the bad review. */
export const CALL_BACK_WORKING_DAYS = 1;
/** Working days to rectify, counted from the day after the bad review. */
export const RECTIFY_WORKING_DAYS = 15;

/**
 * The rectification ticket (差评整改) a bad review opens: a call-back within 1 working day
 * and rectification within 15, both counted on the hall's calendar from the day it was
 * rated. Overdue is decided on read against the injected clock.
 */
@ObjectType({ description: 'The rectification ticket (差评整改) of a bad review.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'rectification_ticket' })
@Index({ properties: ['departmentId', 'status'] })
export class RectificationTicket {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** The bad review; a review opens one ticket. */
  @Property({ type: 'uuid', unique: true })
  ratingId!: string;

  @Property({ type: 'uuid' })
  departmentId!: string;

  @Field(() => RatingLevel, { description: 'The level of the bad review.' })
  @Enum({ items: () => RatingLevel })
  level!: RatingLevel;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  ratedOn!: string;

  @Field(() => LocalDateResolver, { description: 'Call back by: ratedOn + 1 working day.' })
  @Property({ type: 'date' })
  callBackBy!: string;

  @Field(() => LocalDateResolver, { description: 'Rectify by: ratedOn + 15 working days.' })
  @Property({ type: 'date' })
  rectifyBy!: string;

  @Field(() => RectificationStatus)
  @Enum({ items: () => RectificationStatus })
  status!: RectificationStatus;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  calledBackOn?: string | null;

  @Field(() => String, { nullable: true, description: 'What the applicant said on the call.' })
  @Property({ type: 'text', nullable: true })
  callBackNote?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  rectifiedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'What was done about it.' })
  @Property({ type: 'text', nullable: true })
  measures?: string | null;

  @Field(() => AppealStatus)
  @Enum({ items: () => AppealStatus })
  appealStatus: AppealStatus & Opt = AppealStatus.NONE;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  appealReason?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  appealDecisionNote?: string | null;

  @Field(() => Int, { description: 'Goes up with every change; send it back as expectedVersion.' })
  @Property({ version: true })
  version: number & Opt = 1;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
