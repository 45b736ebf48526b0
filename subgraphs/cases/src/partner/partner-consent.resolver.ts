import {
  actorOf,
  checkPageArgs,
  connectionOf,
  conflict,
  entityReference,
  notFound,
  optionalText,
  PageArgs,
  parseId,
  toConnection,
  today,
} from '@hall/kit';
import type { FilterQuery } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Applicant } from '../applicant/applicant.entity';
import type { CasesContext } from '../context';
import {
  consentStatusOn,
  PartnerConsent,
  PartnerConsentRecordStatus,
  PartnerConsentStatus,
} from './partner-consent.entity';
import { GrantPartnerConsentInput, PartnerConsentFilter } from './partner-consent.input';
import { checkConsentInput } from './partner-consent.rules';

export const PartnerConsentConnection = connectionOf(PartnerConsent);

/** Who records and withdraws consents: the acceptance desk, with the applicant, and the bureau. */
export const CONSENT_RECORDERS = ['SERVICE_BUREAU_ADMIN', 'ACCEPTANCE_CLERK'] as const;
/** Who reads consents: the recorders and supervision, which audits partner access. */
export const CONSENT_READERS = [...CONSENT_RECORDERS, 'SUPERVISION_STAFF'] as const;

const Organization = entityReference('Organization', 'cases');

@Resolver(() => PartnerConsent)
export class PartnerConsentResolver {
  @Authorized(...CONSENT_READERS)
  @Query(() => PartnerConsentConnection, {
    description: 'Consents given to partner banks, newest first.',
  })
  async partnerConsents(
    @Args() page: PageArgs,
    @Arg('filter', () => PartnerConsentFilter, { nullable: true })
    filter: PartnerConsentFilter | null,
    @Ctx() context: CasesContext,
  ) {
    const where: FilterQuery<PartnerConsent> = {};
    if (filter?.applicantId) where.applicantId = parseId(filter.applicantId, 'filter.applicantId');
    if (filter?.organizationId) {
      where.organizationId = parseId(filter.organizationId, 'filter.organizationId');
    }
    const day = today(context);
    switch (filter?.status) {
      case PartnerConsentStatus.REVOKED:
        where.recordStatus = PartnerConsentRecordStatus.REVOKED;
        break;
      case PartnerConsentStatus.EXPIRED:
        Object.assign(where, {
          recordStatus: PartnerConsentRecordStatus.ACTIVE,
          expiresOn: { $lt: day },
        });
        break;
      case PartnerConsentStatus.NOT_STARTED:
        Object.assign(where, {
          recordStatus: PartnerConsentRecordStatus.ACTIVE,
          startsOn: { $gt: day },
        });
        break;
      case PartnerConsentStatus.ACTIVE:
        Object.assign(where, {
          recordStatus: PartnerConsentRecordStatus.ACTIVE,
          startsOn: { $lte: day },
          expiresOn: { $gte: day },
        });
        break;
      default:
        break;
    }
    const cursor = await context.em.findByCursor(PartnerConsent, where, {
      ...checkPageArgs(page),
      orderBy: { grantedAt: 'desc', id: 'desc' },
    });
    return toConnection(cursor);
  }

  @Authorized(...CONSENT_RECORDERS)
  @Mutation(() => PartnerConsent, {
    description:
      'Records an applicant’s consent that a partner bank follows their cases (purpose, period).',
  })
  async grantPartnerConsent(
    @Arg('input', () => GrantPartnerConsentInput) input: GrantPartnerConsentInput,
    @Ctx() context: CasesContext,
  ): Promise<PartnerConsent> {
    const checked = await checkConsentInput(context, input);
    const consent = context.em.create(PartnerConsent, {
      id: randomUUID(),
      ...checked,
      grantedAt: context.clock.now(),
      grantedBy: actorOf(context.caller),
    });
    await context.em.flush();
    return consent;
  }

  @Authorized(...CONSENT_RECORDERS)
  @Mutation(() => PartnerConsent, {
    description: 'Withdraws a consent; the bank sees none of its cases from now on.',
  })
  async revokePartnerConsent(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() context: CasesContext,
  ): Promise<PartnerConsent> {
    const consentId = parseId(id);
    const revokeReason = optionalText(reason, 'reason', 500);
    const consent = await context.em.findOne(PartnerConsent, { id: consentId });
    if (!consent) throw notFound('PartnerConsent', consentId);
    if (consent.recordStatus === PartnerConsentRecordStatus.REVOKED) {
      throw conflict('This consent is already revoked', { status: 'REVOKED' });
    }
    consent.recordStatus = PartnerConsentRecordStatus.REVOKED;
    consent.revokedAt = context.clock.now();
    consent.revokedBy = actorOf(context.caller);
    consent.revokeReason = revokeReason;
    await context.em.flush();
    return consent;
  }

  @FieldResolver(() => PartnerConsentStatus, { description: 'Its status today.' })
  status(@Root() consent: PartnerConsent, @Ctx() context: CasesContext) {
    return consentStatusOn(consent, today(context));
  }

  @FieldResolver(() => Applicant)
  applicant(@Root() consent: PartnerConsent, @Ctx() { loaders }: CasesContext) {
    return loaders.applicantById.load(consent.applicantId);
  }

  @FieldResolver(() => Organization, { description: 'The bank.' })
  organization(@Root() consent: PartnerConsent) {
    return { id: consent.organizationId };
  }
}
