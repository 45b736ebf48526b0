import {
  checkText,
  conflict,
  hallDateOf,
  notFound,
  parseId,
  type WorkingCalendar,
} from '@hall/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { EvaluationContext } from '../context';
import {
  actorOf,
  appendEvaluationEvents,
  checkDepartmentScope,
  checkVersion,
  optionalText,
} from '../evaluation-work';
import { isBadReview, Rating, RatingStatus } from '../rating/rating.entity';
import { ratingEvent } from '../rating/rating.events';
import { AppealStatus, RectificationStatus, RectificationTicket } from './rectification.entity';
import { rectificationEvent } from './rectification.events';
import { rectificationDeadlines } from './rectification.rules';

/** A bad review opens its ticket, with both deadlines, in the rating's own transaction. */
export async function openTicketIfBad(
  tx: EntityManager,
  rating: Rating,
  calendar: WorkingCalendar,
  actor: string,
  now: Date,
): Promise<void> {
  if (!isBadReview(rating.level) || !rating.ratedOn) return;
  const ticket = tx.create(RectificationTicket, {
    id: randomUUID(),
    ratingId: rating.id,
    departmentId: rating.departmentId,
    level: rating.level!,
    ratedOn: rating.ratedOn,
    ...rectificationDeadlines(calendar, rating.ratedOn),
    status: RectificationStatus.OPEN,
  });
  await tx.flush();
  await appendEvaluationEvents(tx, [
    rectificationEvent('BadReviewTicketOpened', ticket, actor, now),
  ]);
}

export type TicketAction = 'CALL_BACK' | 'RECTIFY' | 'APPEAL' | 'UPHOLD_APPEAL' | 'DISMISS_APPEAL';

export interface TicketStep {
  ticketId: string;
  action: TicketAction;
  text?: string | null;
  expectedVersion?: number | null;
}

/**
 * Moves a ticket one step or refuses (CONFLICT) and writes nothing. Call-back, then
 * rectification; an appeal may be filed while the ticket is open or called back, and an
 * upheld appeal voids the review (and the rating leaves the figures). Department staff act
 * on their own department's tickets only.
 */
export async function moveTicket(
  context: EvaluationContext,
  step: TicketStep,
): Promise<RectificationTicket> {
  const id = parseId(step.ticketId);
  const now = context.clock.now();
  const today = hallDateOf(now);
  const actor = actorOf(context.caller);
  return context.em.transactional(async (tx) => {
    const ticket = await tx.findOne(RectificationTicket, { id });
    if (!ticket) throw notFound('RectificationTicket', id);
    checkDepartmentScope(context.caller, ticket.departmentId, 'rectification tickets');
    checkVersion(ticket, step.expectedVersion, 'Rectification ticket');
    const refuse = () =>
      conflict(
        `The ticket is ${ticket.status} (appeal ${ticket.appealStatus}): ${step.action} is not possible`,
        {
          status: ticket.status,
          appealStatus: ticket.appealStatus,
          action: step.action,
        },
      );
    const live =
      ticket.status === RectificationStatus.OPEN ||
      ticket.status === RectificationStatus.CALLED_BACK;
    let type: Parameters<typeof rectificationEvent>[0];
    switch (step.action) {
      case 'CALL_BACK':
        if (ticket.status !== RectificationStatus.OPEN) throw refuse();
        ticket.status = RectificationStatus.CALLED_BACK;
        ticket.calledBackOn = today;
        ticket.callBackNote = optionalText(step.text, 'note', 2000);
        type = 'BadReviewCalledBack';
        break;
      case 'RECTIFY':
        if (ticket.status !== RectificationStatus.CALLED_BACK) throw refuse();
        ticket.status = RectificationStatus.RECTIFIED;
        ticket.rectifiedOn = today;
        ticket.measures = checkText(step.text ?? '', 'measures', 4000);
        type = 'BadReviewRectified';
        break;
      case 'APPEAL':
        if (
          !live ||
          ticket.appealStatus === AppealStatus.FILED ||
          ticket.appealStatus === AppealStatus.DISMISSED
        ) {
          throw refuse();
        }
        ticket.appealStatus = AppealStatus.FILED;
        ticket.appealReason = checkText(step.text ?? '', 'reason', 2000);
        type = 'BadReviewAppealed';
        break;
      case 'UPHOLD_APPEAL':
        if (ticket.appealStatus !== AppealStatus.FILED) throw refuse();
        ticket.appealStatus = AppealStatus.UPHELD;
        ticket.status = RectificationStatus.VOIDED;
        ticket.appealDecisionNote = optionalText(step.text, 'note', 2000);
        await voidRating(tx, ticket.ratingId, actor, now);
        type = 'BadReviewVoided';
        break;
      case 'DISMISS_APPEAL':
        if (ticket.appealStatus !== AppealStatus.FILED) throw refuse();
        ticket.appealStatus = AppealStatus.DISMISSED;
        ticket.appealDecisionNote = optionalText(step.text, 'note', 2000);
        type = 'BadReviewAppealDismissed';
        break;
    }
    await tx.flush();
    await appendEvaluationEvents(tx, [rectificationEvent(type, ticket, actor, now)]);
    return ticket;
  });
}

/** Voids a bad review on an upheld appeal: it leaves the figures. */
async function voidRating(
  tx: EntityManager,
  ratingId: string,
  actor: string,
  now: Date,
): Promise<void> {
  const rating = await tx.findOne(Rating, { id: ratingId });
  if (!rating || !isBadReview(rating.level)) return;
  rating.status = RatingStatus.VOIDED;
  await tx.flush();
  await appendEvaluationEvents(tx, [ratingEvent('RatingVoided', rating, actor, now)]);
}
