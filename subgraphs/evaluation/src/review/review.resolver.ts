import { entityReference, loadOrFail, type EntityReference } from '@hall/kit';
import {
  Arg,
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
import type { EvaluationContext } from '../context';
import { checkDepartmentScope, EVALUATION_READERS } from '../evaluation-work';
import {
  PanelKind,
  ReviewPanel,
  ReviewRound,
  ReviewRoundStatus,
  ReviewUnit,
} from './review.entity';
import { OpenReviewRoundInput, ReviewScoreInput } from './review.input';
import { rank, weightedScore } from './review.rules';
import { openRound, publishRound, recordScores } from './review.transitions';

const Department = entityReference('Department', 'evaluation');

@ObjectType({ description: 'One panel’s score of a unit.' })
export class PanelScore {
  @Field(() => PanelKind)
  kind!: PanelKind;

  @Field(() => Float)
  score!: number;
}

@ObjectType({ description: 'A unit’s weighted score and place in a round.' })
export class ReviewResult {
  @Field(() => ReviewUnit)
  unit!: ReviewUnit;

  @Field(() => Float, { nullable: true, description: 'Weighted mean of the panel scores.' })
  score!: number | null;

  @Field(() => Int, { nullable: true, description: '1 is best; ties share a place.' })
  rank!: number | null;

  @Field(() => Int, { description: 'How many units the round reviewed.' })
  of!: number;

  @Field(() => [PanelScore])
  panelScores!: PanelScore[];

  roundId!: string;
}

/** The ranking of a round, computed from its panels' weights and scores. */
async function resultsOf(context: EvaluationContext, roundId: string): Promise<ReviewResult[]> {
  const [panels, units, scores] = await Promise.all([
    context.loaders.panelsByRound.load(roundId),
    context.loaders.unitsByRound.load(roundId),
    context.loaders.scoresByRound.load(roundId),
  ]);
  const weights = new Map(panels.map((panel) => [panel.kind, panel.weight]));
  const scored = units.map((unit) => {
    const panelScores = scores
      .filter((score) => score.unitId === unit.id)
      .map(({ kind, score }) => ({ kind, score }));
    return { unit, key: unit.id, panelScores, score: weightedScore(weights, panelScores) };
  });
  return rank(scored).map(({ unit, score, rank: place, panelScores }) => ({
    unit,
    score,
    rank: place,
    of: units.length,
    panelScores,
    roundId,
  }));
}

/** Only the bureau sees a round's standings before it is published. */
function maySeeStandings(context: EvaluationContext, round: ReviewRound): boolean {
  return (
    round.status === ReviewRoundStatus.PUBLISHED ||
    (context.caller.kind === 'user' && context.caller.role === 'SERVICE_BUREAU_ADMIN')
  );
}

@Resolver(() => ReviewRound)
export class ReviewRoundResolver {
  @Authorized(...EVALUATION_READERS)
  @Query(() => [ReviewRound], { description: 'The department review rounds, newest first.' })
  reviewRounds(@Ctx() context: EvaluationContext) {
    return context.em.find(ReviewRound, {}, { orderBy: { year: 'desc' } });
  }

  @Authorized(...EVALUATION_READERS)
  @Query(() => ReviewRound, { nullable: true, description: 'The round of a year, if any.' })
  reviewRound(@Arg('year', () => Int) year: number, @Ctx() context: EvaluationContext) {
    return context.em.findOne(ReviewRound, { year });
  }

  @FieldResolver(() => [ReviewPanel], { description: 'Heaviest panel first.' })
  panels(@Root() round: ReviewRound, @Ctx() context: EvaluationContext) {
    return context.loaders.panelsByRound.load(round.id);
  }

  @FieldResolver(() => Int, { description: 'Raters over all panels.' })
  async raters(@Root() round: ReviewRound, @Ctx() context: EvaluationContext) {
    const panels = await context.loaders.panelsByRound.load(round.id);
    return panels.reduce((total, panel) => total + panel.raters, 0);
  }

  @FieldResolver(() => Int, { description: 'Units reviewed (departments and others).' })
  async unitsReviewed(@Root() round: ReviewRound, @Ctx() context: EvaluationContext) {
    return (await context.loaders.unitsByRound.load(round.id)).length;
  }

  @FieldResolver(() => [ReviewResult], {
    description:
      'Scores and ranking, best first. Before publication, the service bureau only (others get an empty list).',
  })
  async results(@Root() round: ReviewRound, @Ctx() context: EvaluationContext) {
    if (!maySeeStandings(context, round)) return [];
    return resultsOf(context, round.id);
  }

  @Authorized('SERVICE_BUREAU_ADMIN')
  @Mutation(() => ReviewRound, {
    description: 'Opens a year’s review round with its panels and units.',
  })
  openReviewRound(
    @Arg('input', () => OpenReviewRoundInput) input: OpenReviewRoundInput,
    @Ctx() context: EvaluationContext,
  ) {
    return openRound(context, input);
  }

  @Authorized('SERVICE_BUREAU_ADMIN')
  @Mutation(() => ReviewRound, { description: 'Records a panel’s scores (0 to 100) of units.' })
  recordReviewScores(
    @Arg('roundId', () => ID) roundId: string,
    @Arg('kind', () => PanelKind) kind: PanelKind,
    @Arg('scores', () => [ReviewScoreInput]) scores: ReviewScoreInput[],
    @Ctx() context: EvaluationContext,
  ) {
    return recordScores(context, roundId, kind, scores);
  }

  @Authorized('SERVICE_BUREAU_ADMIN')
  @Mutation(() => ReviewRound, {
    description: 'Publishes a round once every panel scored every unit; its ranking is final.',
  })
  publishReviewRound(@Arg('id', () => ID) id: string, @Ctx() context: EvaluationContext) {
    return publishRound(context, id);
  }
}

@Resolver(() => ReviewUnit)
export class ReviewUnitResolver {
  @FieldResolver(() => Department, { nullable: true, description: 'The hall department, if any.' })
  department(@Root() unit: ReviewUnit): EntityReference | null {
    return unit.departmentId ? { id: unit.departmentId } : null;
  }
}

@Resolver(() => ReviewResult)
export class ReviewResultResolver {
  @FieldResolver(() => ReviewRound)
  round(@Root() result: ReviewResult, @Ctx() context: EvaluationContext) {
    return loadOrFail(context.loaders.reviewRoundById, 'ReviewRound', result.roundId);
  }
}

@Resolver(() => Department)
export class DepartmentReviewResolver {
  @Authorized(...EVALUATION_READERS)
  @FieldResolver(() => [ReviewResult], {
    description:
      'The department’s scores and places in the published review rounds, newest first. Department staff: their own only.',
  })
  async reviewResults(@Root() department: EntityReference, @Ctx() context: EvaluationContext) {
    checkDepartmentScope(context.caller, department.id, 'review results');
    const units = await context.loaders.unitsByDepartment.load(department.id);
    const results: ReviewResult[] = [];
    for (const unit of units) {
      const round = await context.loaders.reviewRoundById.load(unit.roundId);
      if (!round || round.status !== ReviewRoundStatus.PUBLISHED) continue;
      const ranking = await resultsOf(context, round.id);
      const own = ranking.find((result) => result.unit.id === unit.id);
      if (own) results.push(own);
    }
    const years = new Map<string, number>();
    for (const result of results) {
      const round = await context.loaders.reviewRoundById.load(result.roundId);
      years.set(result.roundId, round?.year ?? 0);
    }
    return results.sort((a, b) => years.get(b.roundId)! - years.get(a.roundId)!);
  }
}
