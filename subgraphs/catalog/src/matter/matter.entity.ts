import {
  ArrayType,
  Entity,
  Enum,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
  type Opt,
} from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Department } from '../department/department.entity';

/** How a matter is handled, which decides how its clock runs. */
export enum MatterKind {
  IMMEDIATE = 'IMMEDIATE',
  PROMISED = 'PROMISED',
  JOINT = 'JOINT',
  REPORTED = 'REPORTED',
}
registerEnumType(MatterKind, {
  name: 'MatterKind',
  valuesConfig: {
    IMMEDIATE: { description: '即办件: completed the day it is received.' },
    PROMISED: { description: '承诺件: completed within the promised working days.' },
    JOINT: { description: '联办件: several departments review it together.' },
    REPORTED: { description: '上报件: decided by a higher authority after local review.' },
  },
});

export enum MatterCategory {
  APPROVAL = 'APPROVAL',
  SERVICE = 'SERVICE',
  FEE = 'FEE',
}
registerEnumType(MatterCategory, {
  name: 'MatterCategory',
  valuesConfig: {
    APPROVAL: { description: '审批事项: an administrative licence or approval.' },
    SERVICE: { description: '服务事项: a public service.' },
    FEE: { description: '收费事项: an administrative fee.' },
  },
});

export enum MatterStatus {
  ACTIVE = 'ACTIVE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(MatterStatus, {
  name: 'MatterStatus',
  valuesConfig: {
    ACTIVE: { description: 'Handled in the hall.' },
    CANCELLED: { description: 'Abolished (e.g. in the 2012 clean-up); kept for history.' },
  },
});

@ObjectType({ description: 'An approval, service or fee matter handled in the hall (事项).' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'matter' })
@Index({ properties: ['departmentId', 'code'] })
export class Matter {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: 'Stable code, e.g. D07-012.' })
  @Property({ length: 24, unique: true })
  code!: string;

  // In the partner contract: a bank sees which matter a case is for, by name.
  @Directive('@tag(name: "partner")')
  @Field()
  @Index()
  @Property({ length: 200 })
  name!: string;

  @ManyToOne(() => Department, { mapToPk: true, fieldName: 'department_id' })
  departmentId!: string;

  @Field(() => MatterKind)
  @Enum({ items: () => MatterKind })
  kind!: MatterKind;

  @Field(() => MatterCategory)
  @Enum({ items: () => MatterCategory })
  category!: MatterCategory;

  @Field(() => Int, { description: 'Time limit set by law, in working days (法定时限).' })
  @Property({ type: 'smallint' })
  statutoryLimitDays!: number;

  @Field(() => Int, {
    description:
      'Time limit the hall promises, in working days (承诺时限); 0 for immediate matters, which finish the same day.',
  })
  @Property({ type: 'smallint' })
  promisedLimitDays!: number;

  @Field(() => Int, { description: 'Fee in fen (1/100 yuan); 0 when free.' })
  @Property({ type: 'integer' })
  feeFen!: number;

  @Field(() => String, { nullable: true, description: 'The fee standard and its basis.' })
  @Property({ type: 'text', nullable: true })
  feeStandard?: string | null;

  @Field(() => [String], {
    description: 'Everything the applicant must bring, told in one go (一次性告知).',
  })
  @Property({ type: ArrayType })
  requiredMaterials!: string[];

  @Field({ description: 'Whether the matter needs a site survey (现场踏勘).' })
  @Property()
  siteSurvey!: boolean;

  @Field({ description: 'The law or regulation the matter rests on.' })
  @Property({ type: 'text' })
  legalBasis!: string;

  @Field(() => MatterStatus)
  @Enum({ items: () => MatterStatus })
  status!: MatterStatus;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Hall date of cancellation.' })
  @Property({ type: 'date', nullable: true })
  cancelledOn?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  cancellationReason?: string | null;

  @Field(() => Int, {
    description: 'Goes up by one with every change; send it back as expectedVersion.',
  })
  @Property({ version: true })
  version: number & Opt = 1;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
