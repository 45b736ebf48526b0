import {
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
  Float,
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
import { checkEnterprise } from '../inspection/enterprise.rules';
import { FeePermit, FeePermitStatus } from './fee-permit.entity';
import { FeePermitFilter, RequestFeePermitInput } from './fee-permit.input';
import { checkFeeStandard, issuedAmount } from './fee-permit.rules';

export const FeePermitConnection = connectionOf(FeePermit);

const Department = entityReference('Department', 'supervision');

@ObjectType({ description: 'Fee permit figures of a period (收费许可).' })
export class FeePermitFigures {
  @Field(() => Int, { description: 'Requests filed in the period.' })
  requested!: number;

  @Field(() => Int, { description: 'Notices issued in the period.' })
  issued!: number;

  @Field(() => Int)
  refused!: number;

  @Field(() => Float, { description: 'What the issued notices’ requests asked for, in yuan.' })
  requestedYuan!: number;

  @Field(() => Float, { description: 'What the issued notices permit, in yuan.' })
  issuedYuan!: number;

  @Field(() => Int, { description: 'Issued notices whose request asked above the minimum.' })
  loweredToMinimum!: number;
}

function feePermitEvent(permit: FeePermit, type: string, actor: string, at: Date) {
  return {
    type,
    aggregateType: 'FeePermit',
    aggregateId: permit.id,
    occurredAt: at,
    payload: {
      feePermitId: permit.id,
      departmentId: permit.departmentId,
      enterpriseCreditCode: permit.enterpriseCreditCode,
      feeItem: permit.feeItem,
      status: permit.status,
      minimumFen: permit.minimumFen,
      maximumFen: permit.maximumFen,
      requestedFen: permit.requestedFen,
      issuedFen: permit.issuedFen ?? null,
      noticeNo: permit.noticeNo ?? null,
      actor,
    },
  };
}

/** Issues or refuses a requested fee permit; CONFLICT, and nothing written, once decided. */
async function decide(
  context: SupervisionContext,
  rawId: string,
  decision: { issue: true } | { issue: false; reason: string },
  expectedVersion: number | null,
): Promise<FeePermit> {
  const id = parseId(rawId);
  const reason = decision.issue ? null : checkText(decision.reason, 'reason', 1000);
  const now = context.clock.now();
  const today = hallDateOf(now);
  const actor = actorOf(context.caller);
  return context.em.transactional(async (tx) => {
    const permit = await tx.findOne(FeePermit, { id });
    if (!permit) throw notFound('FeePermit', id);
    checkVersion(permit, expectedVersion, `Fee permit ${id}`);
    if (permit.status !== FeePermitStatus.REQUESTED) {
      throw conflict(`The fee permit was ${permit.status} already`, { status: permit.status });
    }
    permit.decidedOn = today;
    permit.decidedBy = actor;
    if (decision.issue) {
      permit.status = FeePermitStatus.ISSUED;
      permit.issuedFen = issuedAmount(permit);
      permit.noticeNo = await nextYearlyNumber(tx, {
        table: 'fee_permit',
        column: 'notice_no',
        prefix: 'SF',
        year: today.slice(0, 4),
        digits: 3,
      });
    } else {
      permit.status = FeePermitStatus.REFUSED;
      permit.refusalReason = reason;
    }
    await tx.flush();
    await appendSupervisionEvents(tx, [
      feePermitEvent(permit, decision.issue ? 'FeePermitIssued' : 'FeePermitRefused', actor, now),
    ]);
    return permit;
  });
}

@Resolver(() => FeePermit)
export class FeePermitResolver {
  @Authorized(...SUPERVISION_READERS)
  @Query(() => FeePermit)
  async feePermit(@Arg('id', () => ID) id: string, @Ctx() context: SupervisionContext) {
    const found = await loadOrFail(context.loaders.feePermitById, 'FeePermit', id);
    checkDepartmentScope(context.caller, found.departmentId, 'fee permits');
    return found;
  }

  @Authorized(...SUPERVISION_READERS)
  @Query(() => FeePermitConnection, {
    description: 'Fee permits, newest first. Department staff see their own only.',
  })
  async feePermits(
    @Args() page: PageArgs,
    @Arg('filter', () => FeePermitFilter, { nullable: true }) filter: FeePermitFilter | null,
    @Ctx() context: SupervisionContext,
  ) {
    const where: FilterQuery<FeePermit> = {};
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
    const cursor = await context.em.findByCursor(FeePermit, where, {
      ...checkPageArgs(page),
      orderBy: { requestedAt: 'desc', id: 'desc' },
    });
    return toConnection(cursor);
  }

  @FieldResolver(() => Department, { description: 'The department that means to charge.' })
  department(@Root() permit: FeePermit): EntityReference {
    return { id: permit.departmentId };
  }

  @Authorized(...DEPARTMENT_REQUESTERS)
  @Mutation(() => FeePermit, {
    description:
      'Declares a fee to charge an enterprise (进企收费申报); above the standard’s maximum is refused as bad input.',
  })
  async requestFeePermit(
    @Arg('input', () => RequestFeePermitInput) input: RequestFeePermitInput,
    @Ctx() context: SupervisionContext,
  ) {
    const departmentId = parseId(input.departmentId, 'input.departmentId');
    checkDepartmentScope(context.caller, departmentId, 'fee permits');
    const enterprise = checkEnterprise(input, 'input');
    const feeItem = checkText(input.feeItem, 'input.feeItem', 100);
    const legalBasis = checkText(input.legalBasis, 'input.legalBasis', 500);
    const standard = checkFeeStandard(input, 'input');
    const now = context.clock.now();
    const actor = actorOf(context.caller);
    return context.em.transactional(async (tx) => {
      const permit = tx.create(FeePermit, {
        id: randomUUID(),
        departmentId,
        ...enterprise,
        feeItem,
        legalBasis,
        ...standard,
        status: FeePermitStatus.REQUESTED,
        requestedOn: hallDateOf(now),
        requestedAt: now,
        requestedBy: actor,
      });
      await tx.flush();
      await appendSupervisionEvents(tx, [feePermitEvent(permit, 'FeePermitRequested', actor, now)]);
      return permit;
    });
  }

  @Authorized(...SUPERVISION_WORKERS)
  @Mutation(() => FeePermit, {
    description: 'Issues the fee permit notice at the lowest standard (按最低标准开具).',
  })
  issueFeePermit(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() context: SupervisionContext,
  ) {
    return decide(context, id, { issue: true }, expectedVersion);
  }

  @Authorized(...SUPERVISION_WORKERS)
  @Mutation(() => FeePermit, { description: 'Refuses a fee request, with the reason.' })
  refuseFeePermit(
    @Arg('id', () => ID) id: string,
    @Arg('reason') reason: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() context: SupervisionContext,
  ) {
    return decide(context, id, { issue: false, reason }, expectedVersion);
  }

  @Authorized(...SUPERVISION_OVERSEERS)
  @Query(() => FeePermitFigures, { description: 'Fee permits requested and issued over a period.' })
  async feePermitFigures(
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId: string | null,
    @Ctx() { em }: SupervisionContext,
  ): Promise<FeePermitFigures> {
    checkPeriod(from, to);
    const department = departmentId ? parseId(departmentId, 'departmentId') : null;
    const [row] = await em.execute<
      {
        requested: number;
        issued: number;
        refused: number;
        requested_fen: string;
        issued_fen: string;
        lowered: number;
      }[]
    >(
      `select count(*) filter (where requested_on between ? and ?)::int as requested,
              count(*) filter (where decided_on between ? and ? and status = 'ISSUED')::int as issued,
              count(*) filter (where decided_on between ? and ? and status = 'REFUSED')::int as refused,
              coalesce(sum(requested_fen) filter (where decided_on between ? and ? and status = 'ISSUED'), 0)::text
                as requested_fen,
              coalesce(sum(issued_fen) filter (where decided_on between ? and ? and status = 'ISSUED'), 0)::text
                as issued_fen,
              count(*) filter (where decided_on between ? and ? and status = 'ISSUED'
                                 and requested_fen > issued_fen)::int as lowered
         from supervision.fee_permit
        where (?::uuid is null or department_id = ?::uuid)`,
      [from, to, from, to, from, to, from, to, from, to, from, to, department, department],
    );
    return {
      requested: row?.requested ?? 0,
      issued: row?.issued ?? 0,
      refused: row?.refused ?? 0,
      requestedYuan: Number(row?.requested_fen ?? 0) / 100,
      issuedYuan: Number(row?.issued_fen ?? 0) / 100,
      loweredToMinimum: row?.lowered ?? 0,
    };
  }
}
