import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LightLevel, RuleCode } from './light.entity';

export enum LightAction {
  RAISED = 'RAISED',
  ROSE = 'ROSE',
  CAUSE_ADDED = 'CAUSE_ADDED',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  APPEALED = 'APPEALED',
  APPEAL_UPHELD = 'APPEAL_UPHELD',
  APPEAL_REJECTED = 'APPEAL_REJECTED',
  ESCALATED = 'ESCALATED',
  RESOLVED = 'RESOLVED',
  WENT_OFF = 'WENT_OFF',
}
registerEnumType(LightAction, { name: 'LightAction' });

/** One line of a light's history: who did what, when, at which level, and why. */
@ObjectType({ description: 'A line of an alert light’s history.' })
@Entity({ tableName: 'light_entry' })
export class LightEntry {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @Property({ type: 'uuid' })
  lightId!: string;

  @Field(() => LightAction)
  @Enum({ items: () => LightAction })
  action!: LightAction;

  @Field(() => RuleCode, { nullable: true })
  @Enum({ items: () => RuleCode, nullable: true })
  rule?: RuleCode | null;

  @Field(() => LightLevel)
  @Enum({ items: () => LightLevel })
  level!: LightLevel;

  @Field()
  @Property({ type: 'timestamptz' })
  at!: Date;

  @Field({ description: 'A rule, or who acted.' })
  @Property({ length: 64 })
  actor!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note?: string | null;
}
