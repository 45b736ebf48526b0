import type { DomainEvent } from '@hall/kit';
import { evaluationEvent } from '../evaluation-work';
import type { Rating } from './rating.entity';

/**
 * What a rating event carries: never the rater's name or phone, so the log can be read by
 * any consumer without learning who rated.
 */
export interface RatingEventPayload {
  ratingId: string;
  subject: string;
  caseId: string | null;
  departmentId: string;
  windowId: string | null;
  staffId: string | null;
  status: string;
  level: string | null;
  defaulted: boolean;
  channel: string | null;
  ratedOn: string | null;
  previousLevel: string | null;
  actor: string;
}

export function ratingEvent(
  type:
    'RatingOpened' | 'RatingSubmitted' | 'RatingDefaulted' | 'RatingResubmitted' | 'RatingVoided',
  rating: Rating,
  actor: string,
  at: Date,
): DomainEvent<RatingEventPayload> {
  return evaluationEvent(type, 'Rating', rating.id, at, {
    ratingId: rating.id,
    subject: rating.subject,
    caseId: rating.caseId ?? null,
    departmentId: rating.departmentId,
    windowId: rating.windowId ?? null,
    staffId: rating.staffId ?? null,
    status: rating.status,
    level: rating.level ?? null,
    defaulted: rating.defaulted,
    channel: rating.channel ?? null,
    ratedOn: rating.ratedOn ?? null,
    previousLevel: rating.previousLevel ?? null,
    actor,
  });
}
