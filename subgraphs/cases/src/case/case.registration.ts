import { badUserInput, checkText, conflict, hallDateOf, notFound, parseId } from '@hall/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { Applicant } from '../applicant/applicant.entity';
import { checkIdentityNumber, checkPhone } from '../applicant/applicant.rules';
import type { MatterTerms } from '@hall/catalog';
import type { CasesContext } from '../context';
import { addToFigures } from '../figures/figures.rollup';
import { Case, CaseChannel } from './case.entity';
import { appendCaseEvents, caseEvent } from './case.events';
import { CaseAction, CaseStatus } from './case.machine';
import { CaseStep } from './case-step.entity';
import type { ApplicantInput, RegisterCaseInput } from './case.input';
import { checkCaseScope, stepActorOf } from './case.transitions';

/** Finds the applicant named, or registers the one described, inside `tx`. */
export async function applicantFor(
  tx: EntityManager,
  input: { applicantId?: string | null; applicant?: ApplicantInput | null },
  field: string,
): Promise<Applicant> {
  if (input.applicantId) {
    const id = parseId(input.applicantId, `${field}.applicantId`);
    const found = await tx.findOne(Applicant, { id });
    if (!found) throw notFound('Applicant', id);
    return found;
  }
  if (!input.applicant) {
    throw badUserInput(`${field} needs applicantId or applicant`, { field: `${field}.applicant` });
  }
  return newApplicant(tx, input.applicant, `${field}.applicant`);
}

export function newApplicant(tx: EntityManager, input: ApplicantInput, field: string): Applicant {
  return tx.create(Applicant, {
    id: randomUUID(),
    kind: input.kind,
    name: checkText(input.name, `${field}.name`, 100),
    identityNumber: checkIdentityNumber(
      input.kind,
      input.identityNumber,
      `${field}.identityNumber`,
    ),
    phone: checkPhone(input.phone, `${field}.phone`),
  });
}

/** The matter a case is for, refused when unknown or abolished. */
export async function activeMatter(
  context: CasesContext,
  rawId: string,
  field: string,
): Promise<MatterTerms> {
  const id = parseId(rawId, field);
  const matter = await context.loaders.catalog.matter(id);
  if (!matter) throw notFound('Matter', id);
  if (matter.status !== 'ACTIVE') {
    throw conflict(`Matter ${matter.code} is cancelled; no new case can be registered for it`);
  }
  return matter;
}

/** The next serial number of a hall date: date, matter code and a number the database hands out. */
async function nextSerialNo(
  tx: EntityManager,
  today: string,
  matter: MatterTerms,
): Promise<string> {
  const [row] = await tx.execute<{ n: string }[]>(`select nextval('cases.case_serial') as n`);
  return `${today.replaceAll('-', '')}-${matter.code}-${String(row!.n).padStart(6, '0')}`;
}

export interface NewCase {
  matter: MatterTerms;
  applicantId: string;
  channel: CaseChannel;
  windowId?: string | null;
  staffId?: string | null;
  proxyAgentStaffId?: string | null;
  partnerOrganizationId?: string | null;
  jointProjectId?: string | null;
}

/**
 * Registers a case inside `tx`: the case, its first timeline step, the day's figures and the
 * CaseRegistered event, together or not at all.
 */
export async function registerInTransaction(
  context: CasesContext,
  tx: EntityManager,
  spec: NewCase,
): Promise<Case> {
  const now = context.clock.now();
  const today = hallDateOf(now);
  const { actor, actorRole } = stepActorOf(context.caller);
  const subject = tx.create(Case, {
    id: randomUUID(),
    serialNo: await nextSerialNo(tx, today, spec.matter),
    matterId: spec.matter.id,
    departmentId: spec.matter.departmentId,
    matterKind: spec.matter.kind,
    promisedLimitDays: spec.matter.promisedLimitDays,
    statutoryLimitDays: spec.matter.statutoryLimitDays,
    applicantId: spec.applicantId,
    channel: spec.channel,
    firstContactWindowId: spec.windowId ?? null,
    firstContactStaffId: spec.staffId ?? null,
    proxyAgentStaffId: spec.proxyAgentStaffId ?? null,
    partnerOrganizationId: spec.partnerOrganizationId ?? null,
    jointProjectId: spec.jointProjectId ?? null,
    status: CaseStatus.RECEIVED,
    receivedAt: now,
    receivedOn: today,
  });
  tx.create(CaseStep, {
    id: randomUUID(),
    caseId: subject.id,
    sequence: 1,
    action: CaseAction.REGISTER,
    fromStatus: null,
    toStatus: CaseStatus.RECEIVED,
    at: now,
    hallDate: today,
    actor,
    actorRole,
    reason: null,
  });
  await tx.flush();
  await addToFigures(
    tx,
    { hallDate: today, matterId: subject.matterId, departmentId: subject.departmentId },
    { registered: 1 },
  );
  await appendCaseEvents(tx, [
    caseEvent(
      subject,
      { action: CaseAction.REGISTER, fromStatus: null, actor, reason: null },
      [],
      null,
      now,
    ),
  ]);
  return subject;
}

/** The acceptance desk's registration of one case (统一受理登记). */
export async function registerCase(context: CasesContext, input: RegisterCaseInput): Promise<Case> {
  const matter = await activeMatter(context, input.matterId, 'input.matterId');
  checkCaseScope(context.caller, matter.departmentId);
  const windowId = input.windowId ? parseId(input.windowId, 'input.windowId') : null;
  if (windowId && !(await context.loaders.catalog.window(windowId))) {
    throw notFound('Window', windowId);
  }
  const staffId = input.staffId ? parseId(input.staffId, 'input.staffId') : null;
  const partnerOrganizationId = input.partnerOrganizationId
    ? parseId(input.partnerOrganizationId, 'input.partnerOrganizationId')
    : null;
  return context.em.transactional(async (tx) => {
    const applicant = await applicantFor(tx, input, 'input');
    return registerInTransaction(context, tx, {
      matter,
      applicantId: applicant.id,
      channel: input.channel,
      windowId,
      staffId,
      proxyAgentStaffId: input.channel === CaseChannel.PROXY ? staffId : null,
      partnerOrganizationId,
    });
  });
}
