import { Entity, Enum, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/** Severity, in the order levels may only rise. */
export enum LightLevel {
  YELLOW = 'YELLOW',
  RED = 'RED',
}
registerEnumType(LightLevel, {
  name: 'LightLevel',
  valuesConfig: {
    YELLOW: { description: '黄灯: the deadline is near, or a step ran over its own limit.' },
    RED: { description: '红灯: overdue or irregular.' },
  },
});

export const LEVEL_RANK: Readonly<Record<LightLevel, number>> = { YELLOW: 1, RED: 2 };

export enum LightStatus {
  ON = 'ON',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  APPEALED = 'APPEALED',
  RESOLVED = 'RESOLVED',
  REVOKED = 'REVOKED',
  OFF = 'OFF',
}
registerEnumType(LightStatus, {
  name: 'LightStatus',
  valuesConfig: {
    ON: { description: 'Lit; nobody has acted on it yet.' },
    ACKNOWLEDGED: { description: 'The department has seen it and is acting.' },
    APPEALED: { description: 'The department appealed; supervision decides.' },
    RESOLVED: { description: 'Supervision closed it after the department acted.' },
    REVOKED: { description: 'Withdrawn after an upheld appeal.' },
    OFF: { description: 'Gone off by itself: the case finished in time or the cause was cured.' },
  },
});

/** Statuses of a light still lit. */
export const LIT_STATUSES: readonly LightStatus[] = [
  LightStatus.ON,
  LightStatus.ACKNOWLEDGED,
  LightStatus.APPEALED,
];

export enum LightSubject {
  CASE = 'CASE',
  JOINT_PROJECT = 'JOINT_PROJECT',
  COMPLAINT = 'COMPLAINT',
}
registerEnumType(LightSubject, { name: 'LightSubject' });

/** The rules that light a light, and MANUAL for one raised by hand. */
export enum RuleCode {
  DEADLINE_NEAR = 'DEADLINE_NEAR',
  PROMISED_LIMIT_PASSED = 'PROMISED_LIMIT_PASSED',
  STATUTORY_LIMIT_PASSED = 'STATUTORY_LIMIT_PASSED',
  STEP_OVER_LIMIT = 'STEP_OVER_LIMIT',
  SUPPLEMENT_NOTICE_LATE = 'SUPPLEMENT_NOTICE_LATE',
  DENIAL_WITHOUT_REASON = 'DENIAL_WITHOUT_REASON',
  FEE_IRREGULAR = 'FEE_IRREGULAR',
  COMPLAINT_OVERDUE = 'COMPLAINT_OVERDUE',
  MANUAL = 'MANUAL',
}
registerEnumType(RuleCode, {
  name: 'RuleCode',
  valuesConfig: {
    DEADLINE_NEAR: { description: 'Few working days left, or most of the promised time used.' },
    PROMISED_LIMIT_PASSED: { description: 'The promised limit (承诺时限) has passed.' },
    STATUTORY_LIMIT_PASSED: { description: 'The statutory limit (法定时限) has passed.' },
    STEP_OVER_LIMIT: {
      description: 'A single step ran over its own limit (acceptance, delivery).',
    },
    SUPPLEMENT_NOTICE_LATE: {
      description: 'The supplement notice came later than 5 working days after receipt.',
    },
    DENIAL_WITHOUT_REASON: { description: 'A case was denied without a stated reason.' },
    FEE_IRREGULAR: { description: 'A fee not allowed, or above the standard, was charged.' },
    COMPLAINT_OVERDUE: { description: 'A complaint was not accepted or answered in time.' },
    MANUAL: { description: 'Raised by hand by supervision staff.' },
  },
});

/**
 * An alert light (亮灯) on a case, a joint project or a complaint. A subject has at most one
 * light lit at a time; its level only rises; its causes and every action on it are entries
 * of its history, which stays after it goes off.
 */
@ObjectType({ description: 'An alert light of electronic supervision (电子监察亮灯).' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'alert_light' })
@Index({ properties: ['departmentId', 'status'] })
@Index({ properties: ['subjectType', 'subjectId'] })
export class AlertLight {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => LightSubject)
  @Enum({ items: () => LightSubject })
  subjectType!: LightSubject;

  @Property({ type: 'uuid' })
  subjectId!: string;

  /** The department answerable for it. */
  @Property({ type: 'uuid' })
  departmentId!: string;

  @Field(() => LightLevel)
  @Enum({ items: () => LightLevel })
  level!: LightLevel;

  @Field(() => LightStatus)
  @Enum({ items: () => LightStatus })
  status!: LightStatus;

  /** The rule behind the current level. */
  @Field(() => RuleCode)
  @Enum({ items: () => RuleCode })
  rule!: RuleCode;

  @Field({ description: 'Why, in words.' })
  @Property({ type: 'text' })
  cause!: string;

  @Field(() => Boolean, {
    description: 'Escalated to supervised handling (督办): more people are told.',
  })
  @Property({ type: 'boolean' })
  escalated: boolean & Opt = false;

  @Field()
  @Property({ type: 'timestamptz' })
  raisedAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  endedAt?: Date | null;

  @Field(() => Int)
  @Property({ version: true })
  version: number & Opt = 1;
}
