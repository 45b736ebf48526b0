import { Entity, Enum, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/** The five levels of the national good/bad review system (好差评, GB/T 39734-2020). */
export enum RatingLevel {
  VERY_SATISFIED = 'VERY_SATISFIED',
  SATISFIED = 'SATISFIED',
  BASICALLY_SATISFIED = 'BASICALLY_SATISFIED',
  DISSATISFIED = 'DISSATISFIED',
  VERY_DISSATISFIED = 'VERY_DISSATISFIED',
}
registerEnumType(RatingLevel, {
  name: 'RatingLevel',
  valuesConfig: {
    VERY_SATISFIED: { description: '非常满意' },
    SATISFIED: { description: '满意' },
    BASICALLY_SATISFIED: {
      description: '基本满意; what a case not rated within 7 days counts as.',
    },
    DISSATISFIED: { description: '不满意: a bad review (差评).' },
    VERY_DISSATISFIED: { description: '非常不满意: a bad review (差评).' },
  },
});

/** The last two levels are a bad review: they open a rectification ticket. */
export const BAD_LEVELS: readonly RatingLevel[] = [
  RatingLevel.DISSATISFIED,
  RatingLevel.VERY_DISSATISFIED,
];

export function isBadReview(level: RatingLevel | null | undefined): boolean {
  return level != null && BAD_LEVELS.includes(level);
}

export enum RatingChannel {
  WINDOW_PAD = 'WINDOW_PAD',
  SMS = 'SMS',
  WEB = 'WEB',
}
registerEnumType(RatingChannel, {
  name: 'RatingChannel',
  valuesConfig: {
    WINDOW_PAD: { description: 'The rating pad on the window counter (评价器).' },
    SMS: { description: 'A reply to the text message sent when the case finished.' },
    WEB: { description: 'The service center’s website or app.' },
  },
});

export enum RatingSubject {
  CASE = 'CASE',
  HALL_VISIT = 'HALL_VISIT',
}
registerEnumType(RatingSubject, {
  name: 'RatingSubject',
  valuesConfig: {
    CASE: { description: 'A finished case: one rating per case, opened when it is decided.' },
    HALL_VISIT: { description: 'A visit to a window in the hall: one rating per visit.' },
  },
});

export enum RatingStatus {
  PENDING = 'PENDING',
  RATED = 'RATED',
  DEFAULTED = 'DEFAULTED',
  VOIDED = 'VOIDED',
}
registerEnumType(RatingStatus, {
  name: 'RatingStatus',
  valuesConfig: {
    PENDING: { description: 'Waiting for the applicant, until dueAt (7 days after it opened).' },
    RATED: { description: 'Rated by the applicant.' },
    DEFAULTED: { description: 'Not rated within 7 days: counts as basically satisfied.' },
    VOIDED: { description: 'A mistaken or malicious review voided on appeal: not counted.' },
  },
});

/** Days a case rating stays open before it defaults to basically satisfied. */
export const RATING_WINDOW_DAYS = 7;

/**
 * A rating (评价) of a finished case or of a hall visit. The rater's name and phone are
 * personal data: the resolver shows them to the bureau and supervision only. Counted in the
 * figures on `ratedOn` (the day it was rated or defaulted) unless pending or voided.
 */
@ObjectType({ description: 'A rating (评价) of a finished case or a hall visit.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'rating' })
@Index({ properties: ['departmentId', 'ratedOn'] })
@Index({ properties: ['staffId', 'ratedOn'] })
@Index({ properties: ['windowId', 'ratedOn'] })
@Index({ properties: ['status', 'dueAt'] })
export class Rating {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => RatingSubject)
  @Enum({ items: () => RatingSubject })
  subject!: RatingSubject;

  /** The rated case; unique, so a case has one rating however often its events arrive. */
  @Property({ type: 'uuid', nullable: true, unique: true })
  caseId?: string | null;

  @Field(() => String, { nullable: true, description: 'The rated case’s serial number.' })
  @Property({ length: 32, nullable: true })
  serialNo?: string | null;

  @Property({ type: 'uuid' })
  departmentId!: string;

  @Property({ type: 'uuid', nullable: true })
  windowId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  staffId?: string | null;

  @Field(() => RatingStatus)
  @Enum({ items: () => RatingStatus })
  status!: RatingStatus;

  @Field(() => RatingLevel, { nullable: true, description: 'Null while pending.' })
  @Enum({ items: () => RatingLevel, nullable: true })
  level?: RatingLevel | null;

  @Field(() => Boolean, { description: 'Not rated within 7 days: counted as basically satisfied.' })
  @Property({ type: 'boolean' })
  defaulted: boolean & Opt = false;

  @Field(() => RatingChannel, { nullable: true })
  @Enum({ items: () => RatingChannel, nullable: true })
  channel?: RatingChannel | null;

  @Field(() => Int, { nullable: true, description: 'Overall satisfaction, 1 (worst) to 5.' })
  @Property({ type: 'smallint', nullable: true })
  satisfactionScore?: number | null;

  @Field(() => Int, { nullable: true, description: 'Speed of handling, 1 to 5.' })
  @Property({ type: 'smallint', nullable: true })
  speedScore?: number | null;

  @Field(() => Int, { nullable: true, description: 'Competence of the staff, 1 to 5.' })
  @Property({ type: 'smallint', nullable: true })
  competenceScore?: number | null;

  @Field(() => Int, { nullable: true, description: 'Attitude of the staff, 1 to 5.' })
  @Property({ type: 'smallint', nullable: true })
  attitudeScore?: number | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  /** Personal data: exposed through a field resolver for the bureau and supervision only. */
  @Property({ length: 50, nullable: true })
  raterName?: string | null;

  /** Personal data, as raterName. */
  @Property({ length: 20, nullable: true })
  raterPhone?: string | null;

  @Field({ description: 'When the rating opened (the case was decided, or the visit rated).' })
  @Property({ type: 'timestamptz' })
  openedAt!: Date;

  @Field({ description: 'A pending rating defaults to basically satisfied at this moment.' })
  @Property({ type: 'timestamptz' })
  dueAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  ratedAt?: Date | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'The hall day it was rated or defaulted: the day the figures count it on.',
  })
  @Property({ type: 'date', nullable: true })
  ratedOn?: string | null;

  @Field(() => RatingLevel, {
    nullable: true,
    description: 'The level before the applicant rated again after a rectification.',
  })
  @Enum({ items: () => RatingLevel, nullable: true })
  previousLevel?: RatingLevel | null;

  @Field(() => Int, { description: 'Goes up with every change; send it back as expectedVersion.' })
  @Property({ version: true })
  version: number & Opt = 1;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
