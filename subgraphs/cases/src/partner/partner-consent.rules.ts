import {
  addDays,
  badUserInput,
  checkText,
  isLocalDate,
  parseId,
  today,
  type LocalDate,
} from '@hall/kit';
import type { CasesContext } from '../context';
import type { GrantPartnerConsentInput } from './partner-consent.input';

/** The longest a consent may run: banks' loan reviews are counted in months, not years. */
export const MAX_CONSENT_DAYS = 3 * 366;

export interface CheckedConsent {
  applicantId: string;
  organizationId: string;
  purpose: string;
  startsOn: LocalDate;
  expiresOn: LocalDate;
}

/**
 * The consent `input` describes, checked in full before anything is written: the applicant
 * exists, the organisation is a bank of the hall (asked of the catalog), the purpose is
 * given, and the dates make a period that has not ended and is at most {@link MAX_CONSENT_DAYS}.
 */
export async function checkConsentInput(
  context: CasesContext,
  input: GrantPartnerConsentInput,
): Promise<CheckedConsent> {
  const applicantId = parseId(input.applicantId, 'input.applicantId');
  const organizationId = parseId(input.organizationId, 'input.organizationId');
  const purpose = checkText(input.purpose, 'input.purpose', 100);
  const day = today(context);
  const startsOn = input.startsOn ?? day;
  if (!isLocalDate(startsOn)) {
    throw badUserInput('startsOn must be a date (YYYY-MM-DD)', { field: 'input.startsOn' });
  }
  if (!isLocalDate(input.expiresOn)) {
    throw badUserInput('expiresOn must be a date (YYYY-MM-DD)', { field: 'input.expiresOn' });
  }
  if (input.expiresOn < startsOn) {
    throw badUserInput('expiresOn must not be before startsOn', { field: 'input.expiresOn' });
  }
  if (input.expiresOn < day) {
    throw badUserInput('expiresOn has passed: the consent would never be in force', {
      field: 'input.expiresOn',
    });
  }
  if (input.expiresOn > addDays(startsOn, MAX_CONSENT_DAYS)) {
    throw badUserInput(`A consent runs ${MAX_CONSENT_DAYS} days at most`, {
      field: 'input.expiresOn',
    });
  }
  const [applicant, organization] = await Promise.all([
    context.loaders.applicantById.load(applicantId),
    context.loaders.catalog.organization(organizationId),
  ]);
  if (!applicant) {
    throw badUserInput(`Applicant ${applicantId} does not exist`, { field: 'input.applicantId' });
  }
  if (!organization || organization.kind !== 'BANK') {
    throw badUserInput('organizationId must be a bank stationed in the hall', {
      field: 'input.organizationId',
    });
  }
  return {
    applicantId: applicant.id,
    organizationId,
    purpose,
    startsOn,
    expiresOn: input.expiresOn,
  };
}
