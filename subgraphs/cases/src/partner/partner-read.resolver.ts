import {
  checkPageArgs,
  connectionOf,
  entityReference,
  PageArgs,
  parseId,
  toConnection,
} from '@hall/kit';
import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Case } from '../case/case.entity';
import type { CasesContext } from '../context';
import { PartnerConsent } from './partner-consent.entity';
import { PartnerReadFilter } from './partner-consent.input';
import { PartnerRead } from './partner-read.entity';
import { READS_SHOWN_PER_CASE } from './partner-read.loaders';

export const PartnerReadConnection = connectionOf(PartnerRead);

/** Who audits partner access: the service bureau and supervision. */
export const PARTNER_READ_AUDITORS = ['SERVICE_BUREAU_ADMIN', 'SUPERVISION_STAFF'] as const;

const Organization = entityReference('Organization', 'cases');

@Resolver(() => PartnerRead)
export class PartnerReadResolver {
  @Authorized(...PARTNER_READ_AUDITORS)
  @Query(() => PartnerReadConnection, {
    description: 'The partner access log: every partner read of a case, newest first.',
  })
  async partnerReads(
    @Args() page: PageArgs,
    @Arg('filter', () => PartnerReadFilter, { nullable: true }) filter: PartnerReadFilter | null,
    @Ctx() { em }: CasesContext,
  ) {
    const where: FilterQuery<PartnerRead> = {};
    if (filter?.organizationId) {
      where.organizationId = parseId(filter.organizationId, 'filter.organizationId');
    }
    if (filter?.caseId) where.caseId = parseId(filter.caseId, 'filter.caseId');
    if (filter?.subject) where.subject = filter.subject.trim();
    if (filter?.from || filter?.to) {
      where.readAt = {
        ...(filter.from && { $gte: filter.from }),
        ...(filter.to && { $lt: filter.to }),
      };
    }
    const cursor = await em.findByCursor(PartnerRead, where, {
      ...checkPageArgs(page),
      orderBy: { readAt: 'desc', id: 'desc' },
    });
    return toConnection(cursor);
  }

  @FieldResolver(() => Case, { description: 'The case read.' })
  case(@Root() read: PartnerRead, @Ctx() { loaders }: CasesContext) {
    return loaders.caseById.load(read.caseId);
  }

  @FieldResolver(() => Organization, { description: 'The bank that read.' })
  organization(@Root() read: PartnerRead) {
    return { id: read.organizationId };
  }

  @FieldResolver(() => PartnerConsent, { description: 'The consent the read relied on.' })
  consent(@Root() read: PartnerRead, @Ctx() { loaders }: CasesContext) {
    return loaders.consentById.load(read.consentId);
  }
}

/** Who read a case: the access log seen from the case. */
@Resolver(() => Case)
export class CasePartnerReadsResolver {
  @Authorized(...PARTNER_READ_AUDITORS)
  @FieldResolver(() => [PartnerRead], {
    description: `Partner banks' reads of this case, newest first (the latest ${READS_SHOWN_PER_CASE}).`,
  })
  partnerReads(@Root() subject: Case, @Ctx() { loaders }: CasesContext) {
    return loaders.partnerReadsByCase.load(subject.id);
  }
}
