import { badUserInput, checkInteger, conflict, hallDateOf, notFound, parseId } from '@hall/kit';
import { randomUUID } from 'node:crypto';
import type { EvaluationContext } from '../context';
import { actorOf, appendEvaluationEvents, optionalText } from '../evaluation-work';
import { RectificationStatus, RectificationTicket } from '../rectification/rectification.entity';
import { openTicketIfBad } from '../rectification/rectification.transitions';
import { checkPhone } from './personal-data';
import {
  Rating,
  RatingChannel,
  RatingStatus,
  RatingSubject,
  type RatingLevel,
} from './rating.entity';
import { ratingEvent } from './rating.events';
import type {
  RatingDimensionsInput,
  RecordVisitRatingInput,
  SubmitCaseRatingInput,
} from './rating.input';

interface RatingDetails {
  level: RatingLevel;
  channel: RatingChannel;
  satisfactionScore: number | null;
  speedScore: number | null;
  competenceScore: number | null;
  attitudeScore: number | null;
  comment: string | null;
  raterName: string | null;
  raterPhone: string | null;
}

function dimension(value: number | null | undefined, field: string): number | null {
  return value == null ? null : checkInteger(value, field, 1, 5);
}

function detailsOf(
  input: {
    level: RatingLevel;
    dimensions?: RatingDimensionsInput | null;
    comment?: string | null;
    raterName?: string | null;
    raterPhone?: string | null;
  },
  channel: RatingChannel,
): RatingDetails {
  const phone = input.raterPhone?.trim() ? input.raterPhone : null;
  return {
    level: input.level,
    channel,
    satisfactionScore: dimension(input.dimensions?.satisfaction, 'input.dimensions.satisfaction'),
    speedScore: dimension(input.dimensions?.speed, 'input.dimensions.speed'),
    competenceScore: dimension(input.dimensions?.competence, 'input.dimensions.competence'),
    attitudeScore: dimension(input.dimensions?.attitude, 'input.dimensions.attitude'),
    comment: optionalText(input.comment, 'input.comment', 1000),
    raterName: optionalText(input.raterName, 'input.raterName', 50),
    raterPhone: phone === null ? null : checkPhone(phone, 'input.raterPhone'),
  };
}

function optionalId(value: string | null | undefined, field: string): string | null {
  return value == null || value.trim() === '' ? null : parseId(value, field);
}

/**
 * The applicant rates a decided case: its pending rating becomes RATED. Once a bad review's
 * ticket is rectified the applicant may rate again, once (the first level is kept as
 * previousLevel). A bad review opens its rectification ticket in the same transaction.
 * CONFLICT when the rating defaulted, was voided, or was already given and not rectified.
 */
export async function submitCaseRating(
  context: EvaluationContext,
  input: SubmitCaseRatingInput,
): Promise<Rating> {
  const caseId = parseId(input.caseId, 'input.caseId');
  const details = detailsOf(input, input.channel);
  const windowId = optionalId(input.windowId, 'input.windowId');
  const staffId = optionalId(input.staffId, 'input.staffId');
  const calendar = await context.loaders.calendar();
  const now = context.clock.now();
  const actor = actorOf(context.caller);

  return context.em.transactional(async (tx) => {
    const rating = await tx.findOne(Rating, { caseId });
    if (!rating) throw notFound('Rating of case', caseId);
    let type: 'RatingSubmitted' | 'RatingResubmitted' = 'RatingSubmitted';
    if (rating.status === RatingStatus.PENDING) {
      if (rating.dueAt <= now) {
        throw conflict(
          'The 7 days to rate this case have passed: it counts as basically satisfied',
          {
            status: RatingStatus.DEFAULTED,
          },
        );
      }
    } else if (rating.status === RatingStatus.RATED && rating.previousLevel == null) {
      const ticket = await tx.findOne(RectificationTicket, { ratingId: rating.id });
      if (ticket?.status !== RectificationStatus.RECTIFIED) {
        throw conflict('This case is rated; it may be rated again only after a rectification', {
          status: rating.status,
        });
      }
      rating.previousLevel = rating.level ?? null;
      type = 'RatingResubmitted';
    } else {
      throw conflict(`This case’s rating is ${rating.status}: it cannot be rated now`, {
        status: rating.status,
      });
    }
    Object.assign(rating, details, {
      status: RatingStatus.RATED,
      windowId: windowId ?? rating.windowId ?? null,
      staffId: staffId ?? rating.staffId ?? null,
      ratedAt: now,
      ratedOn: hallDateOf(now),
    });
    await tx.flush();
    await appendEvaluationEvents(tx, [ratingEvent(type, rating, actor, now)]);
    if (type === 'RatingSubmitted') await openTicketIfBad(tx, rating, calendar, actor, now);
    return rating;
  });
}

/** A rating of a hall visit, given at the window pad: RATED at once, one per visit. */
export async function recordVisitRating(
  context: EvaluationContext,
  input: RecordVisitRatingInput,
): Promise<Rating> {
  const departmentId = parseId(input.departmentId, 'input.departmentId');
  const windowId = parseId(input.windowId, 'input.windowId');
  const staffId = optionalId(input.staffId, 'input.staffId');
  const details = detailsOf(input, input.channel ?? RatingChannel.WINDOW_PAD);
  const window = await context.loaders.catalog.window(windowId);
  if (!window) throw notFound('Window', windowId);
  if (window.departmentId && window.departmentId !== departmentId) {
    throw badUserInput('The window belongs to another department', { field: 'input.windowId' });
  }
  const calendar = await context.loaders.calendar();
  const now = context.clock.now();
  const actor = actorOf(context.caller);
  return context.em.transactional(async (tx) => {
    const rating = tx.create(Rating, {
      id: randomUUID(),
      subject: RatingSubject.HALL_VISIT,
      departmentId,
      windowId,
      staffId,
      status: RatingStatus.RATED,
      openedAt: now,
      dueAt: now,
      ratedAt: now,
      ratedOn: hallDateOf(now),
      ...details,
    });
    await tx.flush();
    await appendEvaluationEvents(tx, [ratingEvent('RatingSubmitted', rating, actor, now)]);
    await openTicketIfBad(tx, rating, calendar, actor, now);
    return rating;
  });
}
