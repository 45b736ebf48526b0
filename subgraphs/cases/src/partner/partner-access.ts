import { forbidden, today, type Caller } from '@hall/kit';
import { randomUUID } from 'node:crypto';
import {
  Kind,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import type { Case } from '../case/case.entity';
import type { CasesContext } from '../context';
import { PartnerConsent, PartnerConsentRecordStatus } from './partner-consent.entity';
import { PartnerRead } from './partner-read.entity';

/**
 * The fields of a case a partner may read, as paths. This is the contract's own list, kept
 * here again on purpose: the gateway validates against `partner.graphql`, and this list is the
 * second lock, so a field tagged `partner` by mistake (an applicant, a note, a clerk) is still
 * refused here before anything is read. `matter.id` and `department.id` are the keys the
 * gateway asks for to fetch the names from the catalog; the contract has no other field there.
 */
const PARTNER_CASE_PATHS = new Set([
  'serialNo',
  'status',
  'receivedOn',
  'acceptedOn',
  'decidedOn',
  'deliveredOn',
  'clock.dueOn',
  'onTime',
  'matter.id',
  'department.id',
]);

/** How the access log names a key the gateway fetched: by the field the partner read through it. */
const LOGGED_AS: Record<string, string> = {
  'matter.id': 'matter.name',
  'department.id': 'department.name',
};

/** A partner caller: its client id and bank. */
export interface PartnerCaller {
  subject: string;
  organizationId: string;
}

/**
 * The partner behind `caller`. `@Authorized('PARTNER')` already let only partners in; a
 * partner token without a bank reads nothing.
 */
export function partnerOf(caller: Caller): PartnerCaller {
  if (caller.kind !== 'user' || caller.role !== 'PARTNER' || !caller.organizationId) {
    throw forbidden('Only a partner bank’s token reads the partner contract');
  }
  return { subject: caller.subject, organizationId: caller.organizationId };
}

/**
 * The leaf field paths of a selection set, fragments expanded, `__typename` left out. Paths
 * are relative to the selection (e.g. `matter.id`).
 */
export function selectionPaths(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  prefix = '',
  into = new Set<string>(),
): Set<string> {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (name === '__typename') continue;
      const path = prefix ? `${prefix}.${name}` : name;
      if (selection.selectionSet) selectionPaths(selection.selectionSet, fragments, path, into);
      else into.add(path);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      selectionPaths(selection.selectionSet, fragments, prefix, into);
    } else {
      selectionPaths(fragments[selection.name.value]?.selectionSet, fragments, prefix, into);
    }
  }
  return into;
}

/**
 * The case fields a partner's query reads, under `casePath` (e.g. `nodes` of a page, or
 * nothing for a single case). Refuses, before any read, a selection that leaves the contract.
 */
export function caseFieldsRead(info: GraphQLResolveInfo, casePath: string | null): string[] {
  const all = new Set<string>();
  for (const node of info.fieldNodes) selectionPaths(node.selectionSet, info.fragments, '', all);
  const fields = new Set<string>();
  for (const path of all) {
    let onCase: string | null = path;
    if (casePath !== null) {
      onCase = path.startsWith(`${casePath}.`) ? path.slice(casePath.length + 1) : null;
      if (onCase === null) continue; // a field of the page itself (totalCount, endCursor)
    }
    if (!PARTNER_CASE_PATHS.has(onCase)) {
      throw forbidden(`The partner contract does not include ${onCase}`, { field: onCase });
    }
    fields.add(LOGGED_AS[onCase] ?? onCase);
  }
  return [...fields].sort();
}

/**
 * The consents of the partner's bank in force today (on the injected clock), by applicant:
 * ACTIVE, started, not expired. Where several cover one applicant, the latest granted one is
 * the one a read relies on (and logs the purpose of).
 */
export async function consentsInForce(
  context: CasesContext,
  partner: PartnerCaller,
  applicantIds?: readonly string[],
): Promise<Map<string, PartnerConsent>> {
  const day = today(context);
  const consents = await context.em.find(
    PartnerConsent,
    {
      organizationId: partner.organizationId,
      recordStatus: PartnerConsentRecordStatus.ACTIVE,
      startsOn: { $lte: day },
      expiresOn: { $gte: day },
      ...(applicantIds && { applicantId: { $in: [...applicantIds] } }),
    },
    { orderBy: { grantedAt: 'asc', id: 'asc' } },
  );
  return new Map(consents.map((consent) => [consent.applicantId, consent]));
}

/**
 * Writes one access-log row per case read, in one INSERT, before the answer leaves: a read
 * that cannot be logged is not answered.
 */
export async function logPartnerReads(
  context: CasesContext,
  partner: PartnerCaller,
  reads: readonly { subject: Case; consent: PartnerConsent }[],
  fields: readonly string[],
): Promise<void> {
  if (reads.length === 0 || fields.length === 0) return;
  const readAt = context.clock.now();
  await context.em.insertMany(
    PartnerRead,
    reads.map(({ subject, consent }) => ({
      id: randomUUID(),
      caseId: subject.id,
      serialNo: subject.serialNo,
      subject: partner.subject,
      organizationId: partner.organizationId,
      consentId: consent.id,
      purpose: consent.purpose,
      fields: [...fields],
      readAt,
    })),
  );
}
