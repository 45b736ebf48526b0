import { buildCatalogSeed } from '@hall/catalog';
import { SeededRandom, stableId, type SeedContext } from '@hall/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  PanelKind,
  ReviewPanel,
  ReviewRound,
  ReviewRoundStatus,
  ReviewScore,
  ReviewUnit,
} from '../review/review.entity';
import { DEFAULT_PANEL_WEIGHTS } from '../review/review.rules';
import { panelsOf } from '../review/review.transitions';
import { GAZETTE_ROUNDS, OTHER_UNITS_2011 } from './gazette.data';

export interface EvaluationSeedPlan {
  rounds: ReviewRound[];
  panels: ReviewPanel[];
  units: ReviewUnit[];
  scores: ReviewScore[];
}

/**
 * The gazette's review rounds, published, with deterministic panel scores: each unit has a
 * standing (80 to 97) and each panel scores it within 4 points of it. 2010 reviewed the
 * first 31 of the hall's departments; 2011 all 33 and 11 other units.
 */
export function buildEvaluationSeed({ history }: { history: boolean }): EvaluationSeedPlan {
  const plan: EvaluationSeedPlan = { rounds: [], panels: [], units: [], scores: [] };
  if (!history) return plan;
  const departments = buildCatalogSeed().departments;
  for (const gazette of GAZETTE_ROUNDS) {
    const random = new SeededRandom(gazette.year);
    const roundId = stableId('review-round', String(gazette.year));
    plan.rounds.push({
      id: roundId,
      year: gazette.year,
      name: gazette.name,
      sittings: 2,
      status: ReviewRoundStatus.PUBLISHED,
      openedOn: gazette.openedOn,
      publishedOn: gazette.publishedOn,
      version: 1,
    });
    plan.panels.push(
      ...panelsOf(
        roundId,
        gazette.panels.map((panel) => ({ ...panel, weight: DEFAULT_PANEL_WEIGHTS[panel.kind] })),
      ),
    );
    const others = gazette.year === 2011 ? OTHER_UNITS_2011 : [];
    const hall = departments.slice(0, gazette.unitsReviewed - others.length);
    const units: ReviewUnit[] = [
      ...hall.map((department) => ({
        id: stableId('review-unit', `${gazette.year}:${department.id}`),
        roundId,
        name: null,
        departmentId: department.id,
      })),
      ...others.map((name) => ({
        id: stableId('review-unit', `${gazette.year}:${name}`),
        roundId,
        name,
        departmentId: null,
      })),
    ];
    plan.units.push(...units);
    for (const unit of units) {
      const standing = random.int(800, 970) / 10;
      for (const panel of gazette.panels) {
        const score = Math.min(100, standing + random.int(-40, 40) / 10);
        plan.scores.push({
          unitId: unit.id,
          kind: panel.kind as PanelKind,
          roundId,
          score: Math.round(score * 10) / 10,
        });
      }
    }
  }
  return plan;
}

/**
 * Seeded once a round exists. Without history there is nothing the subgraph needs to run,
 * so an empty schema stays empty (and the check, cheap, runs again on the next start).
 */
export async function isEvaluationSeeded(em: EntityManager): Promise<boolean> {
  return (await em.count(ReviewRound, {})) > 0;
}

/** Seeds the gazette's review rounds inside the seeding transaction (history only). */
export async function seedEvaluation(
  em: EntityManager,
  { log, history }: SeedContext,
): Promise<void> {
  const plan = buildEvaluationSeed({ history });
  for (const row of plan.rounds) em.create(ReviewRound, row);
  for (const row of plan.panels) em.create(ReviewPanel, row);
  for (const row of plan.units) em.create(ReviewUnit, row);
  for (const row of plan.scores) em.create(ReviewScore, row);
  await em.flush();
  log.info(
    { reviewRounds: plan.rounds.length, reviewUnits: plan.units.length },
    'evaluation seeded',
  );
}
