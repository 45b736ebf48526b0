import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import { PartnerConsentStatus } from './partner-consent.entity';

@InputType({ description: 'A consent an applicant gave a partner bank, as the desk records it.' })
export class GrantPartnerConsentInput {
  @Field(() => ID)
  applicantId!: string;

  @Field(() => ID, { description: 'The bank: a catalog Organization of kind BANK.' })
  organizationId!: string;

  @Field({ description: 'Why the bank may read, e.g. 贷款审查 (at most 100 characters).' })
  purpose!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Default: today.' })
  startsOn?: string | null;

  @Field(() => LocalDateResolver, {
    description: 'The last day in force: not before startsOn nor today, at most 3 years on.',
  })
  expiresOn!: string;
}

@InputType()
export class PartnerConsentFilter {
  @Field(() => ID, { nullable: true })
  applicantId?: string | null;

  @Field(() => ID, { nullable: true })
  organizationId?: string | null;

  @Field(() => PartnerConsentStatus, { nullable: true, description: 'Status as of today.' })
  status?: PartnerConsentStatus | null;
}

@InputType()
export class PartnerReadFilter {
  @Field(() => ID, { nullable: true, description: 'Reads by this bank.' })
  organizationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Reads of this case.' })
  caseId?: string | null;

  @Field(() => String, { nullable: true, description: 'Reads by this partner client.' })
  subject?: string | null;

  @Field(() => Date, { nullable: true, description: 'Read at or after this instant.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Read before this instant.' })
  to?: Date | null;
}
