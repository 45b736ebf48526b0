import { checkPageArgs, notFound, PageArgs } from '@hall/kit';
import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Directive,
  Field,
  Info,
  Int,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import { Case } from '../case/case.entity';
import type { CasesContext } from '../context';
import {
  caseFieldsRead,
  consentsInForce,
  logPartnerReads,
  partnerOf,
  type PartnerCaller,
} from './partner-access';
import type { PartnerConsent } from './partner-consent.entity';
import { PARTNER_TAG } from './partner-tag';

/**
 * A page of the cases a bank may follow. Its own type, tagged whole, so the contract carries
 * no connection machinery of the staff graph (edges, the shared PageInfo).
 */
@ObjectType({ description: 'A page of the cases a partner bank may follow, newest first.' })
@Directive(PARTNER_TAG)
export class PartnerCasePage {
  @Field(() => [Case])
  nodes!: Case[];

  @Field(() => Int, { description: 'Cases the bank may follow today, over all pages.' })
  totalCount!: number;

  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Send it as `after` for the next page.' })
  endCursor!: string | null;
}

/** The one answer for "no such case" and "not yours to see": existence does not leak. */
function noSuchCase(serialNo: string) {
  return notFound('Case', serialNo);
}

/**
 * What a partner bank reads: the cases that concern its bank (`Case.partner`) whose
 * applicant's consent to that bank is in force today. Everything else is NOT_FOUND, and each
 * case read is written to the partner access log in the same request.
 */
@Resolver()
export class PartnerCaseResolver {
  @Authorized('PARTNER')
  @Directive(PARTNER_TAG)
  @Query(() => PartnerCasePage, {
    description: 'The cases your bank may follow today (consent in force), newest first.',
  })
  async partnerCases(
    @Args() page: PageArgs,
    @Ctx() context: CasesContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PartnerCasePage> {
    const partner = partnerOf(context.caller);
    const fields = caseFieldsRead(info, 'nodes');
    const paging = checkPageArgs(page);
    const consents = await consentsInForce(context, partner);
    if (consents.size === 0) {
      return { nodes: [], totalCount: 0, hasNextPage: false, endCursor: null };
    }
    const cursor = await context.em.findByCursor(
      Case,
      {
        partnerOrganizationId: partner.organizationId,
        applicantId: { $in: [...consents.keys()] },
      },
      { ...paging, orderBy: { receivedAt: 'desc', id: 'desc' } },
    );
    await this.log(context, partner, cursor.items, consents, fields);
    return {
      nodes: cursor.items,
      totalCount: cursor.totalCount,
      hasNextPage: cursor.hasNextPage ?? false,
      endCursor: cursor.endCursor,
    };
  }

  @Authorized('PARTNER')
  @Directive(PARTNER_TAG)
  @Query(() => Case, {
    description: 'One case by its receipt’s serial number; NOT_FOUND unless your bank may see it.',
  })
  async partnerCase(
    @Arg('serialNo') serialNo: string,
    @Ctx() context: CasesContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Case> {
    const partner = partnerOf(context.caller);
    const fields = caseFieldsRead(info, null);
    const wanted = serialNo.trim();
    const found = await context.em.findOne(Case, {
      serialNo: wanted,
      partnerOrganizationId: partner.organizationId,
    });
    if (!found) throw noSuchCase(wanted);
    const consents = await consentsInForce(context, partner, [found.applicantId]);
    if (!consents.has(found.applicantId)) throw noSuchCase(wanted);
    await this.log(context, partner, [found], consents, fields);
    return found;
  }

  private async log(
    context: CasesContext,
    partner: PartnerCaller,
    cases: readonly Case[],
    consents: ReadonlyMap<string, PartnerConsent>,
    fields: readonly string[],
  ): Promise<void> {
    const reads = cases.map((subject) => ({
      subject,
      consent: consents.get(subject.applicantId)!,
    }));
    await logPartnerReads(context, partner, reads, fields);
  }
}
