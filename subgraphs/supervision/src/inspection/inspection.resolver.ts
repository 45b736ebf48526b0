import {
  badUserInput,
  checkPageArgs,
  checkText,
  conflict,
  connectionOf,
  entityReference,
  hallDateOf,
  loadOrFail,
  notFound,
  PageArgs,
  parseId,
  toConnection,
  type EntityReference,
} from '@hall/kit';
import type { FilterQuery } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { randomUUID } from 'node:crypto';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { appendSupervisionEvents } from '../complaint/complaint.events';
import {
  actorOf,
  checkDepartmentScope,
  checkPeriod,
  checkVersion,
  DEPARTMENT_REQUESTERS,
  nextYearlyNumber,
  scopedDepartment,
  SUPERVISION_OVERSEERS,
  SUPERVISION_READERS,
  SUPERVISION_WORKERS,
} from '../complaint/supervision-work';
import type { SupervisionContext } from '../context';
import { checkEnterprise } from './enterprise.rules';
import { InspectionRequest, InspectionStatus } from './inspection-request.entity';
import { InspectionFilter, RequestInspectionInput } from './inspection.input';

export const InspectionRequestConnection = connectionOf(InspectionRequest);

const Department = entityReference('Department', 'supervision');

@ObjectType({ description: 'Inspection pre-approval figures of a period (执法检查预批).' })
export class InspectionFigures {
  @Field(() => Int, { description: 'Requests filed in the period.' })
  requested!: number;

  @Field(() => Int, { description: 'Requests reviewed (approved or refused) in the period.' })
  reviewed!: number;

  @Field(() => Int, { description: 'Inspection notices issued in the period.' })
  approved!: number;

  @Field(() => Int)
  refused!: number;
}

function inspectionEvent(request: InspectionRequest, type: string, actor: string, at: Date) {
  return {
    type,
    aggregateType: 'InspectionRequest',
    aggregateId: request.id,
    occurredAt: at,
    payload: {
      inspectionRequestId: request.id,
      departmentId: request.departmentId,
      enterpriseCreditCode: request.enterpriseCreditCode,
      status: request.status,
      plannedOn: request.plannedOn,
      noticeNo: request.noticeNo ?? null,
      actor,
    },
  };
}

/**
 * Approves or refuses a request, or refuses the step and writes nothing: only a REQUESTED
 * request can be decided (CONFLICT otherwise). Approval issues the year's next notice number.
 */
async function decide(
  context: SupervisionContext,
  rawId: string,
  decision: { approve: true } | { approve: false; reason: string },
  expectedVersion: number | null,
): Promise<InspectionRequest> {
  const id = parseId(rawId);
  const reason = decision.approve ? null : checkText(decision.reason, 'reason', 1000);
  const now = context.clock.now();
  const today = hallDateOf(now);
  const actor = actorOf(context.caller);
  return context.em.transactional(async (tx) => {
    const request = await tx.findOne(InspectionRequest, { id });
    if (!request) throw notFound('InspectionRequest', id);
    checkVersion(request, expectedVersion, `Inspection request ${id}`);
    if (request.status !== InspectionStatus.REQUESTED) {
      throw conflict(`The inspection request was ${request.status} already`, {
        status: request.status,
      });
    }
    request.decidedOn = today;
    request.decidedBy = actor;
    if (decision.approve) {
      request.status = InspectionStatus.APPROVED;
      request.noticeNo = await nextYearlyNumber(tx, {
        table: 'inspection_request',
        column: 'notice_no',
        prefix: 'JC',
        year: today.slice(0, 4),
        digits: 3,
      });
    } else {
      request.status = InspectionStatus.REFUSED;
      request.refusalReason = reason;
    }
    await tx.flush();
    await appendSupervisionEvents(tx, [
      inspectionEvent(
        request,
        decision.approve ? 'InspectionApproved' : 'InspectionRefused',
        actor,
        now,
      ),
    ]);
    return request;
  });
}

@Resolver(() => InspectionRequest)
export class InspectionRequestResolver {
  @Authorized(...SUPERVISION_READERS)
  @Query(() => InspectionRequest)
  async inspectionRequest(@Arg('id', () => ID) id: string, @Ctx() context: SupervisionContext) {
    const found = await loadOrFail(context.loaders.inspectionRequestById, 'InspectionRequest', id);
    checkDepartmentScope(context.caller, found.departmentId, 'inspection requests');
    return found;
  }

  @Authorized(...SUPERVISION_READERS)
  @Query(() => InspectionRequestConnection, {
    description: 'Inspection requests, newest first. Department staff see their own only.',
  })
  async inspectionRequests(
    @Args() page: PageArgs,
    @Arg('filter', () => InspectionFilter, { nullable: true }) filter: InspectionFilter | null,
    @Ctx() context: SupervisionContext,
  ) {
    const where: FilterQuery<InspectionRequest> = {};
    if (filter?.statuses?.length) where.status = { $in: filter.statuses };
    if (filter?.departmentId) {
      where.departmentId = parseId(filter.departmentId, 'filter.departmentId');
    }
    const scope = scopedDepartment(context.caller);
    if (scope !== undefined) where.departmentId = scope;
    if (filter?.requestedFrom || filter?.requestedTo) {
      where.requestedOn = {
        ...(filter.requestedFrom && { $gte: filter.requestedFrom }),
        ...(filter.requestedTo && { $lte: filter.requestedTo }),
      };
    }
    const cursor = await context.em.findByCursor(InspectionRequest, where, {
      ...checkPageArgs(page),
      orderBy: { requestedAt: 'desc', id: 'desc' },
    });
    return toConnection(cursor);
  }

  @FieldResolver(() => Department, { description: 'The department that wants to inspect.' })
  department(@Root() request: InspectionRequest): EntityReference {
    return { id: request.departmentId };
  }

  @Authorized(...DEPARTMENT_REQUESTERS)
  @Mutation(() => InspectionRequest, {
    description: 'Files a request to inspect an enterprise; supervision reviews it.',
  })
  async requestInspection(
    @Arg('input', () => RequestInspectionInput) input: RequestInspectionInput,
    @Ctx() context: SupervisionContext,
  ) {
    const departmentId = parseId(input.departmentId, 'input.departmentId');
    checkDepartmentScope(context.caller, departmentId, 'inspection requests');
    const enterprise = checkEnterprise(input, 'input');
    const purpose = checkText(input.purpose, 'input.purpose', 1000);
    const legalBasis = checkText(input.legalBasis, 'input.legalBasis', 500);
    const now = context.clock.now();
    const today = hallDateOf(now);
    if (input.plannedOn < today) {
      throw badUserInput('plannedOn must not be in the past', { field: 'input.plannedOn' });
    }
    const actor = actorOf(context.caller);
    return context.em.transactional(async (tx) => {
      const request = tx.create(InspectionRequest, {
        id: randomUUID(),
        departmentId,
        ...enterprise,
        purpose,
        legalBasis,
        plannedOn: input.plannedOn,
        status: InspectionStatus.REQUESTED,
        requestedOn: today,
        requestedAt: now,
        requestedBy: actor,
      });
      await tx.flush();
      await appendSupervisionEvents(tx, [
        inspectionEvent(request, 'InspectionRequested', actor, now),
      ]);
      return request;
    });
  }

  @Authorized(...SUPERVISION_WORKERS)
  @Mutation(() => InspectionRequest, {
    description: 'Approves an inspection and issues its notice (执法检查通知书), e.g. JC2011-005.',
  })
  approveInspection(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() context: SupervisionContext,
  ) {
    return decide(context, id, { approve: true }, expectedVersion);
  }

  @Authorized(...SUPERVISION_WORKERS)
  @Mutation(() => InspectionRequest, { description: 'Refuses an inspection, with the reason.' })
  refuseInspection(
    @Arg('id', () => ID) id: string,
    @Arg('reason') reason: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() context: SupervisionContext,
  ) {
    return decide(context, id, { approve: false, reason }, expectedVersion);
  }

  @Authorized(...SUPERVISION_OVERSEERS)
  @Query(() => InspectionFigures, {
    description: 'Inspection requests filed, reviewed and approved over a period.',
  })
  async inspectionFigures(
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId: string | null,
    @Ctx() { em }: SupervisionContext,
  ): Promise<InspectionFigures> {
    checkPeriod(from, to);
    const department = departmentId ? parseId(departmentId, 'departmentId') : null;
    const [row] = await em.execute<InspectionFigures[]>(
      `select count(*) filter (where requested_on between ? and ?)::int as requested,
              count(*) filter (where decided_on between ? and ?)::int as reviewed,
              count(*) filter (where decided_on between ? and ? and status = 'APPROVED')::int as approved,
              count(*) filter (where decided_on between ? and ? and status = 'REFUSED')::int as refused
         from supervision.inspection_request
        where (?::uuid is null or department_id = ?::uuid)`,
      [from, to, from, to, from, to, from, to, department, department],
    );
    return row ?? { requested: 0, reviewed: 0, approved: 0, refused: 0 };
  }
}
