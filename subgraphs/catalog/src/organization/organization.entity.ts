import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

/** Non-government organisations stationed in the hall (进驻机构). */
export enum OrganizationKind {
  INTERMEDIARY_AGENCY = 'INTERMEDIARY_AGENCY',
  BANK = 'BANK',
  BUSINESS_CENTER = 'BUSINESS_CENTER',
}
registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  valuesConfig: {
    INTERMEDIARY_AGENCY: { description: '中介机构: surveying, appraisal, design review...' },
    BANK: { description: '银行: fees, mortgages; a partner of the platform.' },
    BUSINESS_CENTER: { description: '商务中心: copies, photos, mailing.' },
  },
});

@ObjectType({ description: 'An agency, bank or business center stationed in the hall.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'organization' })
export class Organization {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field()
  @Property({ length: 16, unique: true })
  code!: string;

  @Field()
  @Property({ length: 100 })
  name!: string;

  @Field(() => OrganizationKind)
  @Enum({ items: () => OrganizationKind })
  kind!: OrganizationKind;

  @Field({ description: 'What it offers the hall’s visitors.' })
  @Property({ length: 200 })
  services!: string;
}
