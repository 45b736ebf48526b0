import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CaseAction, CaseStatus } from './case.machine';
import { Case } from './case.entity';

/** One entry of a case's timeline: who moved it, when, from where to where, and why. */
@ObjectType({ description: 'A step of a case’s timeline (办理环节).' })
@Entity({ tableName: 'case_step' })
@Unique({ properties: ['caseId', 'sequence'] })
export class CaseStep {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => Case, { mapToPk: true, fieldName: 'case_id', deleteRule: 'cascade' })
  @Index()
  caseId!: string;

  /** 1 for the registration, then one more per step; two racing steps cannot share one. */
  @Field(() => Int)
  @Property({ type: 'smallint' })
  sequence!: number;

  @Field(() => CaseAction)
  @Enum({ items: () => CaseAction })
  action!: CaseAction;

  @Field(() => CaseStatus, { nullable: true })
  @Enum({ items: () => CaseStatus, nullable: true })
  fromStatus?: CaseStatus | null;

  @Field(() => CaseStatus)
  @Enum({ items: () => CaseStatus })
  toStatus!: CaseStatus;

  @Field()
  @Property({ type: 'timestamptz' })
  at!: Date;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  hallDate!: string;

  @Field({ description: 'Who did it: a staff number or a client id.' })
  @Property({ length: 64 })
  actor!: string;

  @Field(() => String, { nullable: true })
  @Property({ length: 32, nullable: true })
  actorRole?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  reason?: string | null;
}
