import {
  checkPageArgs,
  connectionOf,
  entityReference,
  loadOrFail,
  notFound,
  PageArgs,
  parseId,
  scopedDepartment,
  toConnection,
  type EntityReference,
} from '@hall/kit';
import type { FilterQuery } from '@mikro-orm/core';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Directive,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Applicant } from '../applicant/applicant.entity';
import { PARTNER_TAG } from '../partner/partner-tag';
import { today, type CasesContext } from '../context';
import { JointProject } from '../joint-project/joint-project.entity';
import { Case } from './case.entity';
import { clockOf } from './case.events';
import { CaseClockView, CaseFilter, RegisterCaseInput, SpecialProcedureInput } from './case.input';
import { actionsFrom, CaseAction, OPEN_STATUSES } from './case.machine';
import { registerCase } from './case.registration';
import { checkCaseScope, moveCase, type TransitionRequest } from './case.transitions';
import { CaseStep } from './case-step.entity';
import { ClockStop } from './clock-stop.entity';

export const CaseConnection = connectionOf(Case);

/** Who reads cases: the hall's own staff. Partners read through their contract only. */
export const CASE_READERS = [
  'SERVICE_BUREAU_ADMIN',
  'CITY_LEADER',
  'SUPERVISION_STAFF',
  'DEPARTMENT_STAFF',
  'ACCEPTANCE_CLERK',
] as const;
/** Who moves cases: the acceptance desk, the departments' window clerks and the bureau. */
export const CASE_HANDLERS = [
  'SERVICE_BUREAU_ADMIN',
  'ACCEPTANCE_CLERK',
  'DEPARTMENT_STAFF',
] as const;

const Matter = entityReference('Matter', 'cases');
const Department = entityReference('Department', 'cases');
const Window = entityReference('Window', 'cases');
const Staff = entityReference('Staff', 'cases');
const Organization = entityReference('Organization', 'cases');

const reference = (id: string | null | undefined): EntityReference | null => (id ? { id } : null);

@Resolver(() => Case)
export class CaseResolver {
  @Authorized(...CASE_READERS)
  @Query(() => Case)
  async case(@Arg('id', () => ID) id: string, @Ctx() context: CasesContext) {
    const found = await loadOrFail(context.loaders.caseById, 'Case', id);
    checkCaseScope(context.caller, found.departmentId);
    return found;
  }

  @Authorized(...CASE_READERS)
  @Query(() => Case, { description: 'A case by the serial number on its receipt.' })
  async caseBySerialNo(@Arg('serialNo') serialNo: string, @Ctx() context: CasesContext) {
    const found = await context.em.findOne(Case, { serialNo: serialNo.trim() });
    if (!found) throw notFound('Case', serialNo.trim());
    checkCaseScope(context.caller, found.departmentId);
    return found;
  }

  @Authorized(...CASE_READERS)
  @Query(() => CaseConnection, {
    description: 'Cases, newest first. Department staff see their own department’s only.',
  })
  async cases(
    @Args() page: PageArgs,
    @Arg('filter', () => CaseFilter, { nullable: true }) filter: CaseFilter | null,
    @Ctx() { em, caller }: CasesContext,
  ) {
    const where: FilterQuery<Case> = {};
    if (filter?.statuses?.length) where.status = { $in: filter.statuses };
    if (filter?.open === true) where.status = { $in: [...OPEN_STATUSES] };
    if (filter?.open === false) where.status = { $nin: [...OPEN_STATUSES] };
    if (filter?.departmentId)
      where.departmentId = parseId(filter.departmentId, 'filter.departmentId');
    const scope = scopedDepartment(caller);
    if (scope !== undefined) where.departmentId = scope;
    if (filter?.matterId) where.matterId = parseId(filter.matterId, 'filter.matterId');
    if (filter?.applicantId) where.applicantId = parseId(filter.applicantId, 'filter.applicantId');
    if (filter?.partnerOrganizationId) {
      where.partnerOrganizationId = parseId(
        filter.partnerOrganizationId,
        'filter.partnerOrganizationId',
      );
    }
    if (filter?.receivedFrom || filter?.receivedTo) {
      where.receivedOn = {
        ...(filter.receivedFrom && { $gte: filter.receivedFrom }),
        ...(filter.receivedTo && { $lte: filter.receivedTo }),
      };
    }
    if (filter?.dueBy) {
      where.dueOn = { $lte: filter.dueBy };
      where.status = { $in: [...OPEN_STATUSES] };
    }
    const cursor = await em.findByCursor(Case, where, {
      ...checkPageArgs(page),
      orderBy: { receivedAt: 'desc', id: 'desc' },
    });
    return toConnection(cursor);
  }

  @Directive(PARTNER_TAG)
  @FieldResolver(() => Matter)
  matter(@Root() subject: Case) {
    return { id: subject.matterId };
  }

  @Directive(PARTNER_TAG)
  @FieldResolver(() => Department, { description: 'The department that decides the case.' })
  department(@Root() subject: Case) {
    return { id: subject.departmentId };
  }

  @FieldResolver(() => Applicant)
  applicant(@Root() subject: Case, @Ctx() { loaders }: CasesContext) {
    return loaders.applicantById.load(subject.applicantId);
  }

  @FieldResolver(() => Window, {
    nullable: true,
    description: 'The window that first received the applicant (首问负责).',
  })
  firstContactWindow(@Root() subject: Case) {
    return reference(subject.firstContactWindowId);
  }

  @FieldResolver(() => Staff, { nullable: true })
  firstContactStaff(@Root() subject: Case) {
    return reference(subject.firstContactStaffId);
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'The proxy agent (代办员), if any.' })
  proxyAgent(@Root() subject: Case) {
    return reference(subject.proxyAgentStaffId);
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'The partner bank the case concerns.',
  })
  partner(@Root() subject: Case) {
    return reference(subject.partnerOrganizationId);
  }

  @FieldResolver(() => JointProject, { nullable: true })
  jointProject(@Root() subject: Case, @Ctx() { loaders }: CasesContext) {
    return subject.jointProjectId ? loaders.jointProjectById.load(subject.jointProjectId) : null;
  }

  @FieldResolver(() => [CaseStep], { description: 'Every step, oldest first: who, when, why.' })
  timeline(@Root() subject: Case, @Ctx() { loaders }: CasesContext) {
    return loaders.stepsByCase.load(subject.id);
  }

  @FieldResolver(() => [ClockStop])
  clockStops(@Root() subject: Case, @Ctx() { loaders }: CasesContext) {
    return loaders.stopsByCase.load(subject.id);
  }

  @Directive(PARTNER_TAG)
  @FieldResolver(() => CaseClockView, {
    nullable: true,
    description: 'The time limit as of today; null until the clock starts (acceptance).',
  })
  async clock(@Root() subject: Case, @Ctx() context: CasesContext) {
    if (!subject.clockStartedOn) return null;
    const [stops, calendar] = await Promise.all([
      context.loaders.stopsByCase.load(subject.id),
      context.loaders.calendar(),
    ]);
    return clockOf(subject, stops, calendar, today(context));
  }

  @Directive(PARTNER_TAG)
  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Decided by the due date, or still within it; null before acceptance.',
  })
  async onTime(@Root() subject: Case, @Ctx() context: CasesContext) {
    if (subject.decidedOnTime != null) return subject.decidedOnTime;
    return (await this.clock(subject, context))?.onTime ?? null;
  }

  @FieldResolver(() => Int, { nullable: true })
  workingDaysTaken(@Root() subject: Case) {
    return subject.workingDaysTaken ?? null;
  }

  @FieldResolver(() => [CaseAction], { description: 'The steps the case can take now.' })
  allowedActions(@Root() subject: Case) {
    return actionsFrom(subject.status);
  }

  @Authorized(...CASE_HANDLERS)
  @Mutation(() => Case, { description: 'Registers a case at the acceptance desk (统一受理登记).' })
  registerCase(
    @Arg('input', () => RegisterCaseInput) input: RegisterCaseInput,
    @Ctx() context: CasesContext,
  ) {
    return registerCase(context, input);
  }

  @Authorized(...CASE_HANDLERS)
  @Mutation(() => Case, { description: 'Accepts a received case (受理); its clock starts.' })
  acceptCase(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() context: CasesContext,
  ) {
    return this.move(context, { caseId: id, action: CaseAction.ACCEPT, expectedVersion });
  }

  @Authorized(...CASE_HANDLERS)
  @Mutation(() => Case, { description: 'Refuses to accept a case (不予受理), with the reason.' })
  refuseCase(
    @Arg('id', () => ID) id: string,
    @Arg('reason') reason: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() context: CasesContext,
  ) {
    return this.move(context, { caseId: id, action: CaseAction.REFUSE, reason, expectedVersion });
  }

  @Authorized(...CASE_HANDLERS)
  @Mutation(() => Case, {
    description:
      'Asks for missing material, all of it at once (一次性告知); the clock stops until it arrives.',
  })
  requestSupplement(
    @Arg('id', () => ID) id: string,
    @Arg('missingMaterials', () => [String]) missingMaterials: string[],
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() context: CasesContext,
  ) {
    return this.move(context, {
      caseId: id,
      action: CaseAction.REQUEST_SUPPLEMENT,
      missingMaterials,
      reason: note,
      expectedVersion,
    });
  }

  @Authorized(...CASE_HANDLERS)
  @Mutation(() => Case, { description: 'The missing material arrived; the clock runs again.' })
  receiveSupplement(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() context: CasesContext,
  ) {
    return this.move(context, {
      caseId: id,
      action: CaseAction.RECEIVE_SUPPLEMENT,
      expectedVersion,
    });
  }

  @Authorized(...CASE_HANDLERS)
  @Mutation(() => Case)
  startReview(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() context: CasesContext,
  ) {
    return this.move(context, { caseId: id, action: CaseAction.START_REVIEW, expectedVersion });
  }

  @Authorized(...CASE_HANDLERS)
  @Mutation(() => Case, {
    description: 'Starts a special procedure (特别程序); its time does not count (Art. 45).',
  })
  startSpecialProcedure(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => SpecialProcedureInput) input: SpecialProcedureInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() context: CasesContext,
  ) {
    return this.move(context, {
      caseId: id,
      action: CaseAction.START_SPECIAL_PROCEDURE,
      procedure: input.procedure,
      legalBasis: input.legalBasis,
      approver: input.approver,
      reason: input.reason,
      expectedVersion,
    });
  }

  @Authorized(...CASE_HANDLERS)
  @Mutation(() => Case)
  endSpecialProcedure(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() context: CasesContext,
  ) {
    return this.move(context, {
      caseId: id,
      action: CaseAction.END_SPECIAL_PROCEDURE,
      expectedVersion,
    });
  }

  @Authorized(...CASE_HANDLERS)
  @Mutation(() => Case, {
    description: 'Extends the limit by 10 working days (延期), once, with the head’s approval.',
  })
  extendCase(
    @Arg('id', () => ID) id: string,
    @Arg('reason') reason: string,
    @Arg('approver') approver: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() context: CasesContext,
  ) {
    return this.move(context, {
      caseId: id,
      action: CaseAction.EXTEND,
      reason,
      approver,
      expectedVersion,
    });
  }

  @Authorized(...CASE_HANDLERS)
  @Mutation(() => Case, { description: 'Decides the case: approved (准予).' })
  approveCase(
    @Arg('id', () => ID) id: string,
    @Arg('feeFen', () => Int, { nullable: true }) feeFen: number | null,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() context: CasesContext,
  ) {
    return this.move(context, { caseId: id, action: CaseAction.APPROVE, feeFen, expectedVersion });
  }

  @Authorized(...CASE_HANDLERS)
  @Mutation(() => Case, {
    description: 'Decides the case: denied (不予). The law asks for a reason; supervision watches.',
  })
  denyCase(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() context: CasesContext,
  ) {
    return this.move(context, { caseId: id, action: CaseAction.DENY, reason, expectedVersion });
  }

  @Authorized(...CASE_HANDLERS)
  @Mutation(() => Case, { description: 'The decision reached the applicant (送达).' })
  deliverCase(
    @Arg('id', () => ID) id: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() context: CasesContext,
  ) {
    return this.move(context, {
      caseId: id,
      action: CaseAction.DELIVER,
      reason: note,
      expectedVersion,
    });
  }

  @Authorized(...CASE_HANDLERS)
  @Mutation(() => Case, { description: 'The applicant withdrew the case (撤回).' })
  withdrawCase(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() context: CasesContext,
  ) {
    return this.move(context, { caseId: id, action: CaseAction.WITHDRAW, reason, expectedVersion });
  }

  private move(context: CasesContext, request: TransitionRequest) {
    return moveCase(context, request);
  }
}
