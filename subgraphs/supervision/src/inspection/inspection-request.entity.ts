import { Entity, Enum, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum InspectionStatus {
  REQUESTED = 'REQUESTED',
  APPROVED = 'APPROVED',
  REFUSED = 'REFUSED',
}
registerEnumType(InspectionStatus, {
  name: 'InspectionStatus',
  valuesConfig: {
    REQUESTED: { description: '待审核: filed by the department, awaiting supervision’s review.' },
    APPROVED: { description: '已批准: an inspection notice (执法检查通知书) was issued.' },
    REFUSED: { description: '不予批准: refused with a reason; the department may not inspect.' },
  },
});

/**
 * A department's request to inspect an enterprise (执法检查预批许可): no department enters
 * an enterprise to inspect it without supervision's notice. Supervision reviews the
 * request's file and issues a numbered notice or refuses.
 */
@ObjectType({ description: 'A request to inspect an enterprise (执法检查预批许可).' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'inspection_request' })
@Index({ properties: ['departmentId', 'requestedOn'] })
@Index({ properties: ['status', 'decidedOn'] })
export class InspectionRequest {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** The department that wants to inspect. */
  @Property({ type: 'uuid' })
  departmentId!: string;

  @Field()
  @Property({ length: 100 })
  enterpriseName!: string;

  @Field({ description: 'The enterprise’s unified social credit code.' })
  @Index()
  @Property({ length: 18 })
  enterpriseCreditCode!: string;

  @Field({ description: 'What the inspection is for.' })
  @Property({ type: 'text' })
  purpose!: string;

  @Field({ description: 'The law or regulation the inspection rests on.' })
  @Property({ type: 'text' })
  legalBasis!: string;

  @Field(() => LocalDateResolver, { description: 'The day the department means to inspect.' })
  @Property({ type: 'date' })
  plannedOn!: string;

  @Field(() => InspectionStatus)
  @Enum({ items: () => InspectionStatus })
  status!: InspectionStatus;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  requestedOn!: string;

  @Field()
  @Property({ type: 'timestamptz' })
  requestedAt!: Date;

  @Field({ description: 'Who filed it.' })
  @Property({ length: 64 })
  requestedBy!: string;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  decidedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Who reviewed it.' })
  @Property({ length: 64, nullable: true })
  decidedBy?: string | null;

  @Field(() => String, { nullable: true, description: 'The notice number, e.g. JC2011-005.' })
  @Property({ length: 16, nullable: true, unique: true })
  noticeNo?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  refusalReason?: string | null;

  @Field(() => Int, { description: 'Goes up with every change; send it back as expectedVersion.' })
  @Property({ version: true })
  version: number & Opt = 1;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
