import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * One partner read of one case (the access log): who read it (the partner client and its
 * bank), which fields, under which consent and purpose, and when on the hall's clock. Written
 * in the request that read the case; never changed or deleted.
 */
@ObjectType({ description: 'A partner bank’s read of a case (partner access log).' })
@Entity({ tableName: 'partner_read' })
@Index({ properties: ['caseId', 'readAt'] })
@Index({ properties: ['organizationId', 'readAt'] })
export class PartnerRead {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  caseId!: string;

  @Field({ description: 'The serial number of the case read, as the partner asked for it.' })
  @Property({ length: 32 })
  serialNo!: string;

  @Field({ description: 'The partner client that read (its token’s subject).' })
  @Property({ length: 100 })
  subject!: string;

  @Property({ type: 'uuid' })
  organizationId!: string;

  @Property({ type: 'uuid' })
  consentId!: string;

  @Field({ description: 'The purpose of the consent the read relied on.' })
  @Property({ length: 100 })
  purpose!: string;

  @Field(() => [String], { description: 'The fields read, as paths on the case (matter.name).' })
  @Property({ type: 'text[]' })
  fields!: string[];

  @Field({ description: 'When, on the hall’s clock.' })
  @Index()
  @Property({ type: 'timestamptz' })
  readAt!: Date;
}
