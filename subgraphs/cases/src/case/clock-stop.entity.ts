import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { CaseStatus } from './case.machine';
import { Case } from './case.entity';

export enum ClockStopKind {
  SUPPLEMENT = 'SUPPLEMENT',
  SPECIAL_PROCEDURE = 'SPECIAL_PROCEDURE',
}
registerEnumType(ClockStopKind, { name: 'ClockStopKind' });

/** The procedures of Art. 45 whose time does not count against the limit. */
export enum SpecialProcedure {
  HEARING = 'HEARING',
  INSPECTION = 'INSPECTION',
  TESTING = 'TESTING',
  APPRAISAL = 'APPRAISAL',
  EXPERT_REVIEW = 'EXPERT_REVIEW',
  PUBLIC_NOTICE = 'PUBLIC_NOTICE',
}
registerEnumType(SpecialProcedure, {
  name: 'SpecialProcedure',
  valuesConfig: {
    HEARING: { description: '听证' },
    INSPECTION: { description: '检验/现场核查' },
    TESTING: { description: '检测' },
    APPRAISAL: { description: '鉴定' },
    EXPERT_REVIEW: { description: '专家评审' },
    PUBLIC_NOTICE: { description: '公示' },
  },
});

/** A stretch in which the case's clock stood still, with what the law asks to be kept. */
@ObjectType({ description: 'A clock stop of a case (补正 or 特别程序).' })
@Entity({ tableName: 'clock_stop' })
export class ClockStop {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => Case, { mapToPk: true, fieldName: 'case_id', deleteRule: 'cascade' })
  @Index()
  caseId!: string;

  @Field(() => ClockStopKind)
  @Enum({ items: () => ClockStopKind })
  kind!: ClockStopKind;

  @Field(() => SpecialProcedure, { nullable: true })
  @Enum({ items: () => SpecialProcedure, nullable: true })
  procedure?: SpecialProcedure | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  legalBasis?: string | null;

  @Field(() => String, { nullable: true, description: 'Who approved the special procedure.' })
  @Property({ length: 64, nullable: true })
  approver?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  startedOn!: string;

  @Field()
  @Property({ type: 'timestamptz' })
  startedAt!: Date;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  endedOn?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  endedAt?: Date | null;

  /** Where the case goes back to when the stop ends. */
  @Enum({ items: () => CaseStatus })
  resumeStatus!: CaseStatus;
}
