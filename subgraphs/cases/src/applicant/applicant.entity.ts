import { Entity, Enum, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum ApplicantKind {
  PERSON = 'PERSON',
  ENTERPRISE = 'ENTERPRISE',
}
registerEnumType(ApplicantKind, {
  name: 'ApplicantKind',
  valuesConfig: {
    PERSON: { description: 'A citizen, identified by the resident identity card number.' },
    ENTERPRISE: { description: 'An organisation, identified by its unified social credit code.' },
  },
});

/**
 * Whoever applies: a person or an enterprise. The identity number and the phone are
 * personal data; the resolver masks them for callers who may not see them.
 */
@ObjectType({ description: 'A person or enterprise that applies for matters (申请人).' })
@Entity({ tableName: 'applicant' })
export class Applicant {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => ApplicantKind)
  @Enum({ items: () => ApplicantKind })
  kind!: ApplicantKind;

  @Field()
  @Index()
  @Property({ length: 100 })
  name!: string;

  /** Identity card number or unified social credit code (18 characters). */
  @Index()
  @Property({ length: 18 })
  identityNumber!: string;

  @Property({ length: 20 })
  phone!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}
