import {
  badUserInput,
  checkInteger,
  checkText,
  conflict,
  isLocalDate,
  notFound,
  parseId,
} from '@hall/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { EvaluationContext } from '../context';
import { actorOf, appendEvaluationEvents, evaluationEvent, today } from '../evaluation-work';
import {
  PanelKind,
  ReviewPanel,
  ReviewRound,
  ReviewRoundStatus,
  ReviewScore,
  ReviewUnit,
} from './review.entity';
import type { OpenReviewRoundInput, ReviewScoreInput } from './review.input';
import { DEFAULT_PANEL_WEIGHTS } from './review.rules';

export interface RoundPlan {
  round: Pick<ReviewRound, 'id' | 'year' | 'name' | 'openedOn' | 'status'> & {
    publishedOn?: string | null;
  };
  panels: ReviewPanel[];
  units: ReviewUnit[];
}

/**
 * Checks panels and weights: each kind once, raters ≥ 1, and either no weights (the
 * defaults, renormalised over the panels present) or a weight for every panel, summing to 1.
 */
export function panelsOf(
  roundId: string,
  panels: readonly { kind: PanelKind; raters: number; weight?: number | null }[],
): ReviewPanel[] {
  if (panels.length === 0) throw badUserInput('A round needs a panel', { field: 'input.panels' });
  const kinds = new Set(panels.map((panel) => panel.kind));
  if (kinds.size !== panels.length) {
    throw badUserInput('Each kind of panel sits once in a round', { field: 'input.panels' });
  }
  const given = panels.filter((panel) => panel.weight != null).length;
  if (given !== 0 && given !== panels.length) {
    throw badUserInput('Give every panel a weight, or none for the defaults', {
      field: 'input.panels',
    });
  }
  const weights = panels.map((panel) => panel.weight ?? DEFAULT_PANEL_WEIGHTS[panel.kind]);
  const sum = weights.reduce((total, weight) => total + weight, 0);
  if (weights.some((weight) => weight <= 0) || (given > 0 && Math.abs(sum - 1) > 1e-6)) {
    throw badUserInput('Panel weights are positive and sum to 1', { field: 'input.panels' });
  }
  return panels.map((panel, index) => ({
    roundId,
    kind: panel.kind,
    raters: checkInteger(panel.raters, `input.panels.${index}.raters`, 1, 100_000),
    weight: Math.round((weights[index]! / sum) * 10_000) / 10_000,
  }));
}

export async function persistRound(tx: EntityManager, plan: RoundPlan): Promise<ReviewRound> {
  const round = tx.create(ReviewRound, plan.round);
  for (const panel of plan.panels) tx.create(ReviewPanel, panel);
  for (const unit of plan.units) tx.create(ReviewUnit, unit);
  await tx.flush();
  return round;
}

/** Opens a round (CONFLICT if the year has one), with its panels and reviewed units. */
export async function openRound(
  context: EvaluationContext,
  input: OpenReviewRoundInput,
): Promise<ReviewRound> {
  const year = checkInteger(input.year, 'input.year', 2000, 2100);
  const name = checkText(input.name, 'input.name', 100);
  const openedOn = input.openedOn ?? today(context);
  if (!isLocalDate(openedOn))
    throw badUserInput('openedOn must be a date', { field: 'input.openedOn' });
  const id = randomUUID();
  const panels = panelsOf(id, input.panels);
  const departmentIds = [
    ...new Set(
      input.departmentIds.map((raw, index) => parseId(raw, `input.departmentIds.${index}`)),
    ),
  ];
  const others = (input.otherUnits ?? []).map((raw, index) =>
    checkText(raw, `input.otherUnits.${index}`, 100),
  );
  if (departmentIds.length + others.length === 0) {
    throw badUserInput('A round reviews at least one unit', { field: 'input.departmentIds' });
  }
  const now = context.clock.now();
  const actor = actorOf(context.caller);
  return context.em.transactional(async (tx) => {
    if (await tx.findOne(ReviewRound, { year })) {
      throw conflict(`The ${year} review round is open already`, { year });
    }
    const units: ReviewUnit[] = [
      ...departmentIds.map((departmentId) => ({
        id: randomUUID(),
        roundId: id,
        name: null,
        departmentId,
      })),
      ...others.map((unitName) => ({
        id: randomUUID(),
        roundId: id,
        name: unitName,
        departmentId: null,
      })),
    ];
    const round = await persistRound(tx, {
      round: { id, year, name, openedOn, status: ReviewRoundStatus.OPEN },
      panels,
      units,
    });
    await appendEvaluationEvents(tx, [
      evaluationEvent('ReviewRoundOpened', 'ReviewRound', round.id, now, {
        roundId: round.id,
        year,
        panels: panels.map(({ kind, raters, weight }) => ({ kind, raters, weight })),
        units: units.length,
        actor,
      }),
    ]);
    return round;
  });
}

/** Records (or corrects) a panel's scores while the round is open. */
export async function recordScores(
  context: EvaluationContext,
  rawRoundId: string,
  kind: PanelKind,
  scores: readonly ReviewScoreInput[],
): Promise<ReviewRound> {
  const roundId = parseId(rawRoundId, 'roundId');
  const checked = scores.map((entry, index) => {
    if (!(entry.score >= 0 && entry.score <= 100)) {
      throw badUserInput('A score is from 0 to 100', { field: `scores.${index}.score` });
    }
    return { unitId: parseId(entry.unitId, `scores.${index}.unitId`), score: entry.score };
  });
  const now = context.clock.now();
  const actor = actorOf(context.caller);
  return context.em.transactional(async (tx) => {
    const round = await tx.findOne(ReviewRound, { id: roundId });
    if (!round) throw notFound('ReviewRound', roundId);
    if (round.status !== ReviewRoundStatus.OPEN) {
      throw conflict(`The ${round.year} round is published: its scores are final`, {
        status: round.status,
      });
    }
    if (!(await tx.findOne(ReviewPanel, { roundId, kind }))) {
      throw badUserInput(`The ${round.year} round has no ${kind} panel`, { field: 'kind' });
    }
    const units = new Set((await tx.find(ReviewUnit, { roundId })).map((unit) => unit.id));
    checked.forEach((entry, index) => {
      if (!units.has(entry.unitId)) {
        throw badUserInput('That unit is not reviewed in this round', {
          field: `scores.${index}.unitId`,
        });
      }
    });
    for (const entry of checked) await tx.upsert(ReviewScore, { ...entry, kind, roundId });
    await appendEvaluationEvents(tx, [
      evaluationEvent('ReviewScoresRecorded', 'ReviewRound', round.id, now, {
        roundId,
        kind,
        scores: checked.length,
        actor,
      }),
    ]);
    return round;
  });
}

/** Publishes a round once every panel scored every unit: its ranking becomes final. */
export async function publishRound(
  context: EvaluationContext,
  rawRoundId: string,
): Promise<ReviewRound> {
  const roundId = parseId(rawRoundId, 'id');
  const now = context.clock.now();
  const actor = actorOf(context.caller);
  return context.em.transactional(async (tx) => {
    const round = await tx.findOne(ReviewRound, { id: roundId });
    if (!round) throw notFound('ReviewRound', roundId);
    if (round.status !== ReviewRoundStatus.OPEN) {
      throw conflict(`The ${round.year} round is published already`, { status: round.status });
    }
    // One connection per transaction: the counts run one after the other.
    const panels = await tx.count(ReviewPanel, { roundId });
    const units = await tx.count(ReviewUnit, { roundId });
    const scores = await tx.count(ReviewScore, { roundId });
    if (scores < panels * units) {
      throw conflict(`${panels * units - scores} panel scores are missing`, {
        missing: panels * units - scores,
      });
    }
    round.status = ReviewRoundStatus.PUBLISHED;
    round.publishedOn = today(context);
    await tx.flush();
    await appendEvaluationEvents(tx, [
      evaluationEvent('ReviewRoundPublished', 'ReviewRound', round.id, now, {
        roundId,
        year: round.year,
        actor,
      }),
    ]);
    return round;
  });
}
