import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum ServiceQuality {
  GOOD = 'GOOD',
  FAIR = 'FAIR',
  POOR = 'POOR',
}
registerEnumType(ServiceQuality, {
  name: 'ServiceQuality',
  valuesConfig: {
    GOOD: { description: '好' },
    FAIR: { description: '一般' },
    POOR: { description: '差' },
  },
});

export enum TimeTaken {
  FASTER_THAN_PROMISED = 'FASTER_THAN_PROMISED',
  AS_PROMISED = 'AS_PROMISED',
  SLOWER_THAN_PROMISED = 'SLOWER_THAN_PROMISED',
}
registerEnumType(TimeTaken, {
  name: 'TimeTaken',
  description: 'How long the case took, as the applicant saw it.',
});

/**
 * A call-back (电话回访): staff call the applicant of a finished case about service quality,
 * time taken and integrity (廉洁). A call that raised an integrity concern is flagged for
 * supervision. The applicant's answers are about the hall, so no personal data is kept here.
 */
@ObjectType({ description: 'A call-back (电话回访) to the applicant of a case.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'call_back' })
@Index({ properties: ['caseId'] })
@Index({ properties: ['departmentId', 'calledOn'] })
export class CallBack {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  caseId!: string;

  @Property({ type: 'uuid' })
  departmentId!: string;

  @Field(() => Boolean, { description: 'Whether the applicant was reached.' })
  @Property({ type: 'boolean' })
  reached!: boolean;

  @Field(() => ServiceQuality, { nullable: true, description: 'Null when not reached.' })
  @Enum({ items: () => ServiceQuality, nullable: true })
  serviceQuality?: ServiceQuality | null;

  @Field(() => TimeTaken, { nullable: true, description: 'Null when not reached.' })
  @Enum({ items: () => TimeTaken, nullable: true })
  timeTaken?: TimeTaken | null;

  @Field(() => String, {
    nullable: true,
    description: 'An integrity concern the applicant raised (gifts, fees asked, favours).',
  })
  @Property({ type: 'text', nullable: true })
  integrityConcern?: string | null;

  @Field(() => Boolean, { description: 'An integrity concern was raised: supervision follows up.' })
  @Property({ type: 'boolean' })
  flagged!: boolean;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Field()
  @Property({ type: 'timestamptz' })
  calledAt!: Date;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  calledOn!: string;

  @Field({ description: 'Who called.' })
  @Property({ length: 64 })
  calledBy!: string;
}
