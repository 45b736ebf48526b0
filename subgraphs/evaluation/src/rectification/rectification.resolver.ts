import {
  checkPageArgs,
  connectionOf,
  entityReference,
  loadOrFail,
  PageArgs,
  parseId,
  toConnection,
  type EntityReference,
} from '@hall/kit';
import type { FilterQuery } from '@mikro-orm/core';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { EvaluationContext } from '../context';
import {
  APPEAL_JUDGES,
  checkDepartmentScope,
  EVALUATION_OVERSEERS,
  EVALUATION_READERS,
  RECTIFIERS,
  scopedDepartment,
  today,
} from '../evaluation-work';
import { Rating } from '../rating/rating.entity';
import { RectificationStatus, RectificationTicket } from './rectification.entity';
import { RectificationFigures } from './rectification.figures';
import { RectificationFilter } from './rectification.input';
import { callBackOverdue, rectificationOverdue } from './rectification.rules';
import { moveTicket } from './rectification.transitions';

export const RectificationTicketConnection = connectionOf(RectificationTicket);

const Department = entityReference('Department', 'evaluation');

/** Who calls a bad reviewer back: the bureau, supervision, or the department concerned. */
const TICKET_CALLERS = ['SERVICE_BUREAU_ADMIN', 'SUPERVISION_STAFF', 'DEPARTMENT_STAFF'] as const;

function overdueWhere(day: string): FilterQuery<RectificationTicket> {
  return {
    $or: [
      { status: RectificationStatus.OPEN, callBackBy: { $lt: day } },
      {
        status: { $in: [RectificationStatus.OPEN, RectificationStatus.CALLED_BACK] },
        rectifyBy: { $lt: day },
      },
    ],
  };
}

@Resolver(() => RectificationTicket)
export class RectificationResolver {
  @Authorized(...EVALUATION_READERS)
  @Query(() => RectificationTicket)
  async rectificationTicket(@Arg('id', () => ID) id: string, @Ctx() context: EvaluationContext) {
    const ticket = await loadOrFail(context.loaders.ticketById, 'RectificationTicket', id);
    checkDepartmentScope(context.caller, ticket.departmentId, 'rectification tickets');
    return ticket;
  }

  @Authorized(...EVALUATION_READERS)
  @Query(() => RectificationTicketConnection, {
    description: 'Bad reviews’ tickets, newest first. Department staff: their own only.',
  })
  async rectificationTickets(
    @Args() page: PageArgs,
    @Arg('filter', () => RectificationFilter, { nullable: true })
    filter: RectificationFilter | null,
    @Ctx() context: EvaluationContext,
  ) {
    const where: FilterQuery<RectificationTicket> = {};
    if (filter?.statuses?.length) where.status = { $in: filter.statuses };
    if (filter?.departmentId) {
      where.departmentId = parseId(filter.departmentId, 'filter.departmentId');
    }
    const scope = scopedDepartment(context.caller);
    if (scope !== undefined) where.departmentId = scope;
    if (filter?.overdue != null) {
      const overdue = overdueWhere(today(context));
      Object.assign(where, filter.overdue ? overdue : { $not: overdue });
    }
    const cursor = await context.em.findByCursor(RectificationTicket, where, {
      ...checkPageArgs(page),
      orderBy: { createdAt: 'desc', id: 'desc' },
    });
    return toConnection(cursor);
  }

  @Authorized(...EVALUATION_OVERSEERS)
  @Query(() => RectificationFigures, {
    description: 'Where the bad reviews’ tickets stand today, for the hall or one department.',
  })
  async rectificationFigures(
    @Arg('departmentId', () => ID, { nullable: true }) departmentId: string | null,
    @Ctx() context: EvaluationContext,
  ) {
    const department = departmentId ? parseId(departmentId, 'departmentId') : null;
    const [row] = await context.em.execute<
      {
        open: number;
        call_back_overdue: number;
        rectification_overdue: number;
        overdue: number;
        rectified: number;
        voided: number;
        appeals_pending: number;
      }[]
    >(
      `select count(*) filter (where status in ('OPEN', 'CALLED_BACK'))::int as open,
              count(*) filter (where status = 'OPEN' and call_back_by < ?)::int as call_back_overdue,
              count(*) filter (where status in ('OPEN', 'CALLED_BACK') and rectify_by < ?)::int
                as rectification_overdue,
              count(*) filter (where (status = 'OPEN' and call_back_by < ?)
                or (status in ('OPEN', 'CALLED_BACK') and rectify_by < ?))::int as overdue,
              count(*) filter (where status = 'RECTIFIED')::int as rectified,
              count(*) filter (where status = 'VOIDED')::int as voided,
              count(*) filter (where appeal_status = 'FILED')::int as appeals_pending
         from evaluation.rectification_ticket
        where (?::uuid is null or department_id = ?::uuid)`,
      [...Array<string>(4).fill(today(context)), department, department],
    );
    return {
      open: row?.open ?? 0,
      callBackOverdue: row?.call_back_overdue ?? 0,
      rectificationOverdue: row?.rectification_overdue ?? 0,
      overdue: row?.overdue ?? 0,
      rectified: row?.rectified ?? 0,
      voided: row?.voided ?? 0,
      appealsPending: row?.appeals_pending ?? 0,
    };
  }

  @FieldResolver(() => Rating)
  async rating(@Root() ticket: RectificationTicket, @Ctx() context: EvaluationContext) {
    return loadOrFail(context.loaders.ratingById, 'Rating', ticket.ratingId);
  }

  @FieldResolver(() => Department)
  department(@Root() ticket: RectificationTicket): EntityReference {
    return { id: ticket.departmentId };
  }

  @FieldResolver(() => Boolean, { description: 'Not called back and past callBackBy today.' })
  callBackOverdue(@Root() ticket: RectificationTicket, @Ctx() context: EvaluationContext) {
    return callBackOverdue(ticket, today(context));
  }

  @FieldResolver(() => Boolean, { description: 'Not rectified and past rectifyBy today.' })
  rectificationOverdue(@Root() ticket: RectificationTicket, @Ctx() context: EvaluationContext) {
    return rectificationOverdue(ticket, today(context));
  }

  @FieldResolver(() => Boolean, { description: 'Overdue either way.' })
  overdue(@Root() ticket: RectificationTicket, @Ctx() context: EvaluationContext) {
    const day = today(context);
    return callBackOverdue(ticket, day) || rectificationOverdue(ticket, day);
  }

  @Authorized(...TICKET_CALLERS)
  @Mutation(() => RectificationTicket, {
    description: 'Records the call-back to the bad reviewer (within 1 working day).',
  })
  recordBadReviewCallBack(
    @Arg('id', () => ID) id: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() context: EvaluationContext,
  ) {
    return moveTicket(context, { ticketId: id, action: 'CALL_BACK', text: note, expectedVersion });
  }

  @Authorized(...RECTIFIERS)
  @Mutation(() => RectificationTicket, {
    description:
      'Records the rectification (within 15 working days); the applicant may rate again.',
  })
  rectifyBadReview(
    @Arg('id', () => ID) id: string,
    @Arg('measures') measures: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() context: EvaluationContext,
  ) {
    return moveTicket(context, {
      ticketId: id,
      action: 'RECTIFY',
      text: measures,
      expectedVersion,
    });
  }

  @Authorized(...RECTIFIERS)
  @Mutation(() => RectificationTicket, {
    description: 'Appeals a bad review as mistaken or malicious; supervision decides.',
  })
  appealBadReview(
    @Arg('id', () => ID) id: string,
    @Arg('reason') reason: string,
    @Ctx() context: EvaluationContext,
  ) {
    return moveTicket(context, { ticketId: id, action: 'APPEAL', text: reason });
  }

  @Authorized(...APPEAL_JUDGES)
  @Mutation(() => RectificationTicket, {
    description: 'Decides an appeal: upheld voids the review (not counted); dismissed, it stands.',
  })
  decideBadReviewAppeal(
    @Arg('id', () => ID) id: string,
    @Arg('uphold', () => Boolean) uphold: boolean,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() context: EvaluationContext,
  ) {
    return moveTicket(context, {
      ticketId: id,
      action: uphold ? 'UPHOLD_APPEAL' : 'DISMISS_APPEAL',
      text: note,
    });
  }
}
