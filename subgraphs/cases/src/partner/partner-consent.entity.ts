import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Applicant } from '../applicant/applicant.entity';

/** What is stored: a consent is given, then maybe withdrawn. Expiry is a matter of the date. */
export enum PartnerConsentRecordStatus {
  ACTIVE = 'ACTIVE',
  REVOKED = 'REVOKED',
}

/** What a consent is on a given day: stored status and dates together. */
export enum PartnerConsentStatus {
  ACTIVE = 'ACTIVE',
  NOT_STARTED = 'NOT_STARTED',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}
registerEnumType(PartnerConsentStatus, {
  name: 'PartnerConsentStatus',
  valuesConfig: {
    ACTIVE: { description: 'In force today: the bank may read the applicant’s cases.' },
    NOT_STARTED: { description: 'Granted, but its first day is still to come.' },
    EXPIRED: { description: 'Its last day has passed.' },
    REVOKED: { description: 'Withdrawn by the applicant before it expired.' },
  },
});

/**
 * An applicant's consent that one partner bank may follow the applicant's cases for one
 * purpose (e.g. 贷款审查) from `startsOn` to `expiresOn`, both days included. Without a
 * consent in force the bank sees none of the applicant's cases, even those that concern it.
 */
@ObjectType({ description: 'An applicant’s consent that a partner bank follows their cases.' })
@Entity({ tableName: 'partner_consent' })
@Index({ properties: ['organizationId', 'applicantId'] })
export class PartnerConsent {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => Applicant, { mapToPk: true, fieldName: 'applicant_id' })
  @Index()
  applicantId!: string;

  /** The bank (a catalog Organization of kind BANK). */
  @Property({ type: 'uuid' })
  organizationId!: string;

  @Field({ description: 'Why the bank may read, e.g. 贷款审查 (loan review).' })
  @Property({ length: 100 })
  purpose!: string;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  startsOn!: string;

  @Field(() => LocalDateResolver, { description: 'The last day the consent is in force.' })
  @Property({ type: 'date' })
  expiresOn!: string;

  @Enum({ items: () => PartnerConsentRecordStatus })
  recordStatus: PartnerConsentRecordStatus & Opt = PartnerConsentRecordStatus.ACTIVE;

  @Field({ description: 'When the consent was recorded.' })
  @Property({ type: 'timestamptz' })
  grantedAt!: Date;

  @Field({ description: 'Who recorded it.' })
  @Property({ length: 100 })
  grantedBy!: string;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ length: 100, nullable: true })
  revokedBy?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  revokeReason?: string | null;
}

/** The consent's status on `today` (a hall date). */
export function consentStatusOn(consent: PartnerConsent, today: string): PartnerConsentStatus {
  if (consent.recordStatus === PartnerConsentRecordStatus.REVOKED) {
    return PartnerConsentStatus.REVOKED;
  }
  if (today > consent.expiresOn) return PartnerConsentStatus.EXPIRED;
  if (today < consent.startsOn) return PartnerConsentStatus.NOT_STARTED;
  return PartnerConsentStatus.ACTIVE;
}
