import type { CatalogSeedPlan } from '@hall/catalog';
import { addDays, hallDateOf, stableId } from '@hall/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CaseRow } from '../seed/history';
import { PartnerConsent, PartnerConsentRecordStatus } from './partner-consent.entity';

/** Consents in force for the first bank: enough for its partner view to show real cases. */
const ACTIVE_CONSENTS = 6;
const PURPOSES = ['贷款审查', '抵押登记跟踪', '按揭放款审核'] as const;

/**
 * Seeds the consents partner banks hold: for the first bank stationed in the hall (the one
 * `npm start`'s partner token reads for), the applicants of its latest cases gave consent
 * from a month ago for half a year; one further applicant revoked theirs and one consent
 * expired, so the admins' lists show every status. The second bank gets one consent. Ids
 * are name-based: the same on every machine.
 */
export async function seedPartnerConsents(
  em: EntityManager,
  catalog: CatalogSeedPlan,
  cases: readonly CaseRow[],
  now: Date,
): Promise<number> {
  const today = hallDateOf(now);
  const banks = catalog.organizations.filter((organization) => organization.kind === 'BANK');
  const consents: PartnerConsent[] = [];
  for (const [bankIndex, bank] of banks.entries()) {
    const applicants = [
      ...new Set(
        cases
          .filter((row) => row.partner_organization_id === bank.id)
          .sort((a, b) => b.received_at.localeCompare(a.received_at) || b.id.localeCompare(a.id))
          .map((row) => row.applicant_id),
      ),
    ].slice(0, bankIndex === 0 ? ACTIVE_CONSENTS + 2 : 1);
    for (const [index, applicantId] of applicants.entries()) {
      const revoked = bankIndex === 0 && index === ACTIVE_CONSENTS;
      const expired = bankIndex === 0 && index === ACTIVE_CONSENTS + 1;
      const startsOn = addDays(today, expired ? -400 : -30);
      consents.push(
        em.create(PartnerConsent, {
          id: stableId('partner-consent', `${bank.id}:${applicantId}`),
          applicantId,
          organizationId: bank.id,
          purpose: PURPOSES[index % PURPOSES.length]!,
          startsOn,
          expiresOn: addDays(startsOn, expired ? 180 : 210),
          recordStatus: revoked
            ? PartnerConsentRecordStatus.REVOKED
            : PartnerConsentRecordStatus.ACTIVE,
          grantedAt: new Date(now.getTime() - (expired ? 400 : 30) * 86_400_000),
          grantedBy: 'seed',
          ...(revoked && {
            revokedAt: new Date(now.getTime() - 2 * 86_400_000),
            revokedBy: 'seed',
            revokeReason: '贷款已结清',
          }),
        }),
      );
    }
  }
  await em.flush();
  return consents.length;
}
