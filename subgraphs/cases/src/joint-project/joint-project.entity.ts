import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Applicant } from '../applicant/applicant.entity';

export enum JointProjectStatus {
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(JointProjectStatus, { name: 'JointProjectStatus' });

/**
 * A construction project approved in parallel (并联审批): one member case per department,
 * reviewed at the same time under a lead department, one joint site survey, one sign-off.
 */
@ObjectType({ description: 'A construction project approved in parallel (并联审批).' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'joint_project' })
export class JointProject {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: 'e.g. BL2026-0007' })
  @Property({ length: 24, unique: true })
  code!: string;

  @Field()
  @Property({ length: 200 })
  name!: string;

  @ManyToOne(() => Applicant, { mapToPk: true, fieldName: 'applicant_id' })
  applicantId!: string;

  /** The lead unit (牵头单位). */
  @Property({ type: 'uuid' })
  leadDepartmentId!: string;

  @Field({
    description: '双重点: a key project of both city and province, with free proxy service.',
  })
  @Property()
  doubleKey!: boolean;

  /** The proxy agent (代办员) who acts for the applicant, free of charge. */
  @Property({ type: 'uuid', nullable: true })
  proxyAgentStaffId?: string | null;

  @Field(() => JointProjectStatus)
  @Enum({ items: () => JointProjectStatus })
  status!: JointProjectStatus;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  startedOn!: string;

  @Field(() => Int, { description: 'Working days the parallel review is promised in.' })
  @Property({ type: 'smallint' })
  promisedLimitDays!: number;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'The joint site survey (联合踏勘).',
  })
  @Property({ type: 'date', nullable: true })
  siteSurveyOn?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Joint sign-off (联合会签).' })
  @Property({ type: 'date', nullable: true })
  signedOffOn?: string | null;

  @Field(() => Int)
  @Property({ version: true })
  version: number & Opt = 1;
}
