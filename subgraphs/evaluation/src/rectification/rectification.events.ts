import type { DomainEvent } from '@hall/kit';
import { evaluationEvent } from '../evaluation-work';
import type { RectificationTicket } from './rectification.entity';

export interface RectificationEventPayload {
  ticketId: string;
  ratingId: string;
  departmentId: string;
  status: string;
  appealStatus: string;
  ratedOn: string;
  callBackBy: string;
  rectifyBy: string;
  actor: string;
}

export function rectificationEvent(
  type:
    | 'BadReviewTicketOpened'
    | 'BadReviewCalledBack'
    | 'BadReviewRectified'
    | 'BadReviewAppealed'
    | 'BadReviewVoided'
    | 'BadReviewAppealDismissed',
  ticket: RectificationTicket,
  actor: string,
  at: Date,
): DomainEvent<RectificationEventPayload> {
  return evaluationEvent(type, 'RectificationTicket', ticket.id, at, {
    ticketId: ticket.id,
    ratingId: ticket.ratingId,
    departmentId: ticket.departmentId,
    status: ticket.status,
    appealStatus: ticket.appealStatus,
    ratedOn: ticket.ratedOn,
    callBackBy: ticket.callBackBy,
    rectifyBy: ticket.rectifyBy,
    actor,
  });
}
