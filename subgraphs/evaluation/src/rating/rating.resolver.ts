import {
  checkPageArgs,
  connectionOf,
  entityReference,
  badUserInput,
  loadOrFail,
  PageArgs,
  parseId,
  toConnection,
  type EntityReference,
} from '@hall/kit';
import type { FilterQuery } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { EvaluationContext } from '../context';
import {
  checkDepartmentScope,
  checkPeriod,
  EVALUATION_OVERSEERS,
  EVALUATION_READERS,
  maySeeRater,
  RATING_TAKERS,
  scopedDepartment,
} from '../evaluation-work';
import { RectificationTicket } from '../rectification/rectification.entity';
import { isBadReview, Rating } from './rating.entity';
import { SatisfactionFigures } from './rating.figures';
import { RatingFilter, RecordVisitRatingInput, SubmitCaseRatingInput } from './rating.input';
import { recordVisitRating, submitCaseRating } from './rating.transitions';

export const RatingConnection = connectionOf(Rating);

/** Types of other subgraphs a rating points at or extends, known here by their key alone. */
export const RATING_REFERENCE_TYPES = ['Case', 'Department', 'Window', 'Staff'] as const;

const Case = entityReference('Case', 'evaluation');
const Department = entityReference('Department', 'evaluation');
const Window = entityReference('Window', 'evaluation');
const Staff = entityReference('Staff', 'evaluation');

const reference = (id: string | null | undefined): EntityReference | null => (id ? { id } : null);

@Resolver(() => Rating)
export class RatingResolver {
  @Authorized(...EVALUATION_READERS)
  @Query(() => Rating, { description: 'Department staff read their own department’s only.' })
  async rating(@Arg('id', () => ID) id: string, @Ctx() context: EvaluationContext) {
    const found = await loadOrFail(context.loaders.ratingById, 'Rating', id);
    checkDepartmentScope(context.caller, found.departmentId, 'ratings');
    return found;
  }

  @Authorized(...EVALUATION_READERS)
  @Query(() => RatingConnection, {
    description: 'Ratings, newest first. Department staff see their own department’s only.',
  })
  async ratings(
    @Args() page: PageArgs,
    @Arg('filter', () => RatingFilter, { nullable: true }) filter: RatingFilter | null,
    @Ctx() context: EvaluationContext,
  ) {
    const where: FilterQuery<Rating> = {};
    if (filter?.statuses?.length) where.status = { $in: filter.statuses };
    if (filter?.levels?.length) where.level = { $in: filter.levels };
    if (filter?.subject) where.subject = filter.subject;
    if (filter?.departmentId)
      where.departmentId = parseId(filter.departmentId, 'filter.departmentId');
    const scope = scopedDepartment(context.caller);
    if (scope !== undefined) where.departmentId = scope;
    if (filter?.windowId) where.windowId = parseId(filter.windowId, 'filter.windowId');
    if (filter?.staffId) where.staffId = parseId(filter.staffId, 'filter.staffId');
    if (filter?.ratedFrom || filter?.ratedTo) {
      where.ratedOn = {
        ...(filter.ratedFrom && { $gte: filter.ratedFrom }),
        ...(filter.ratedTo && { $lte: filter.ratedTo }),
      };
    }
    const cursor = await context.em.findByCursor(Rating, where, {
      ...checkPageArgs(page),
      orderBy: { openedAt: 'desc', id: 'desc' },
    });
    return toConnection(cursor);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Who rated: shown to the service bureau and supervision only; null for everyone else.',
  })
  raterName(@Root() rating: Rating, @Ctx() { caller }: EvaluationContext) {
    return maySeeRater(caller) ? (rating.raterName ?? null) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The rater’s phone: the service bureau and supervision only; null otherwise.',
  })
  raterPhone(@Root() rating: Rating, @Ctx() { caller }: EvaluationContext) {
    return maySeeRater(caller) ? (rating.raterPhone ?? null) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Dissatisfied or very dissatisfied (差评).' })
  badReview(@Root() rating: Rating) {
    return isBadReview(rating.level);
  }

  @FieldResolver(() => Case, { nullable: true, description: 'The rated case, for case ratings.' })
  case(@Root() rating: Rating) {
    return reference(rating.caseId);
  }

  @FieldResolver(() => Department)
  department(@Root() rating: Rating): EntityReference {
    return { id: rating.departmentId };
  }

  @FieldResolver(() => Window, { nullable: true })
  window(@Root() rating: Rating) {
    return reference(rating.windowId);
  }

  @FieldResolver(() => Staff, { nullable: true })
  staff(@Root() rating: Rating) {
    return reference(rating.staffId);
  }

  @FieldResolver(() => RectificationTicket, {
    nullable: true,
    description: 'The rectification ticket a bad review opened.',
  })
  rectification(@Root() rating: Rating, @Ctx() context: EvaluationContext) {
    return context.loaders.ticketByRating.load(rating.id);
  }

  @Authorized(...RATING_TAKERS)
  @Mutation(() => Rating, {
    description:
      'The applicant rates a decided case within 7 days (window pad, SMS or web), or rates again once its bad review was rectified.',
  })
  submitCaseRating(
    @Arg('input', () => SubmitCaseRatingInput) input: SubmitCaseRatingInput,
    @Ctx() context: EvaluationContext,
  ) {
    return submitCaseRating(context, input);
  }

  @Authorized(...RATING_TAKERS)
  @Mutation(() => Rating, { description: 'A rating of a visit to a window, one per visit.' })
  recordVisitRating(
    @Arg('input', () => RecordVisitRatingInput) input: RecordVisitRatingInput,
    @Ctx() context: EvaluationContext,
  ) {
    return recordVisitRating(context, input);
  }
}

@Resolver()
export class SatisfactionFiguresResolver {
  @Authorized(...EVALUATION_OVERSEERS, 'LOBBY_DISPLAY')
  @Query(() => SatisfactionFigures, {
    description:
      'Satisfaction and bad-review rates over a period: the whole hall, or one department, window or staff member.',
  })
  satisfactionFigures(
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId: string | null,
    @Arg('windowId', () => ID, { nullable: true }) windowId: string | null,
    @Arg('staffId', () => ID, { nullable: true }) staffId: string | null,
    @Ctx() context: EvaluationContext,
  ) {
    const period = checkPeriod(from, to);
    const given = [departmentId, windowId, staffId].filter((id) => id != null);
    if (given.length > 1) {
      throw badUserInput('Give at most one of departmentId, windowId and staffId', {
        field: 'departmentId',
      });
    }
    if (departmentId) {
      return context.loaders.satisfaction.load({
        scope: 'department',
        id: parseId(departmentId, 'departmentId'),
        ...period,
      });
    }
    if (windowId) {
      return context.loaders.satisfaction.load({
        scope: 'window',
        id: parseId(windowId, 'windowId'),
        ...period,
      });
    }
    if (staffId) {
      return context.loaders.satisfaction.load({
        scope: 'staff',
        id: parseId(staffId, 'staffId'),
        ...period,
      });
    }
    return context.loaders.satisfaction.load({ scope: 'hall', id: null, ...period });
  }
}

@Resolver(() => Case)
export class CaseRatingResolver {
  @Authorized(...EVALUATION_READERS)
  @FieldResolver(() => Rating, {
    nullable: true,
    description: 'The case’s rating, opened when it is decided; null before.',
  })
  async rating(@Root() subject: EntityReference, @Ctx() context: EvaluationContext) {
    const rating = await context.loaders.ratingByCase.load(subject.id);
    if (rating) checkDepartmentScope(context.caller, rating.departmentId, 'ratings');
    return rating;
  }
}

@Resolver(() => Department)
export class DepartmentSatisfactionResolver {
  @Authorized(...EVALUATION_READERS)
  @FieldResolver(() => SatisfactionFigures, {
    description: 'The department’s ratings over a period. Department staff: their own only.',
  })
  satisfaction(
    @Root() department: EntityReference,
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Ctx() context: EvaluationContext,
  ) {
    checkDepartmentScope(context.caller, department.id, 'ratings');
    return context.loaders.satisfaction.load({
      scope: 'department',
      id: department.id,
      ...checkPeriod(from, to),
    });
  }
}

@Resolver(() => Window)
export class WindowSatisfactionResolver {
  @Authorized(...EVALUATION_OVERSEERS)
  @FieldResolver(() => SatisfactionFigures, { description: 'The window’s ratings over a period.' })
  satisfaction(
    @Root() window: EntityReference,
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Ctx() context: EvaluationContext,
  ) {
    return context.loaders.satisfaction.load({
      scope: 'window',
      id: window.id,
      ...checkPeriod(from, to),
    });
  }
}

@Resolver(() => Staff)
export class StaffSatisfactionResolver {
  @Authorized(...EVALUATION_OVERSEERS)
  @FieldResolver(() => SatisfactionFigures, {
    description: 'The ratings of the visits the staff member served over a period.',
  })
  satisfaction(
    @Root() staff: EntityReference,
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Ctx() context: EvaluationContext,
  ) {
    return context.loaders.satisfaction.load({
      scope: 'staff',
      id: staff.id,
      ...checkPeriod(from, to),
    });
  }
}
