import { Entity, Enum, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum FeePermitStatus {
  REQUESTED = 'REQUESTED',
  ISSUED = 'ISSUED',
  REFUSED = 'REFUSED',
}
registerEnumType(FeePermitStatus, {
  name: 'FeePermitStatus',
  valuesConfig: {
    REQUESTED: { description: '待审核: declared by the department, awaiting supervision’s check.' },
    ISSUED: { description: '已开具: the fee permit notice was issued, at the lowest standard.' },
    REFUSED: { description: '不予开具: refused with a reason; no fee may be charged.' },
  },
});

/**
 * A department's declaration of a fee it means to charge an enterprise (进企收费申报), and
 * supervision's answer: a fee permit notice (收费许可通知书) at the lowest standard, or a
 * refusal. Supervision checks the basis, the standard and the amount of every request.
 */
@ObjectType({ description: 'A fee permit request and its notice (收费许可通知书).' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'fee_permit' })
@Index({ properties: ['departmentId', 'requestedOn'] })
@Index({ properties: ['status', 'decidedOn'] })
export class FeePermit {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  departmentId!: string;

  @Field()
  @Property({ length: 100 })
  enterpriseName!: string;

  @Field({ description: 'The enterprise’s unified social credit code.' })
  @Index()
  @Property({ length: 18 })
  enterpriseCreditCode!: string;

  @Field({ description: 'The fee to be charged, e.g. 排污费.' })
  @Property({ length: 100 })
  feeItem!: string;

  @Field({ description: 'The regulation and price document the fee and its standard rest on.' })
  @Property({ type: 'text' })
  legalBasis!: string;

  @Field(() => Int, { description: 'The standard’s lowest amount, in fen.' })
  @Property({ type: 'integer' })
  minimumFen!: number;

  @Field(() => Int, { description: 'The standard’s highest amount, in fen.' })
  @Property({ type: 'integer' })
  maximumFen!: number;

  @Field(() => Int, { description: 'What the department asked to charge, in fen.' })
  @Property({ type: 'integer' })
  requestedFen!: number;

  @Field(() => FeePermitStatus)
  @Enum({ items: () => FeePermitStatus })
  status!: FeePermitStatus;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  requestedOn!: string;

  @Field()
  @Property({ type: 'timestamptz' })
  requestedAt!: Date;

  @Field()
  @Property({ length: 64 })
  requestedBy!: string;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  decidedOn?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ length: 64, nullable: true })
  decidedBy?: string | null;

  @Field(() => String, { nullable: true, description: 'The notice number, e.g. SF2011-106.' })
  @Property({ length: 16, nullable: true, unique: true })
  noticeNo?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The amount the notice permits, in fen: always the standard’s minimum.',
  })
  @Property({ type: 'integer', nullable: true })
  issuedFen?: number | null;

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
