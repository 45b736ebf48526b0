import { PanelKind } from './review.entity';

/**
 * Default panel weights of a round when none are given: the enterprises the hall serves
 * weigh most, then the citizens, then the city's leaders and the towns.
 */
export const DEFAULT_PANEL_WEIGHTS: Readonly<Record<PanelKind, number>> = {
  [PanelKind.ENTERPRISE_HEADS]: 0.4,
  [PanelKind.CITIZEN_REPRESENTATIVES]: 0.3,
  [PanelKind.CITY_LEADERS]: 0.2,
  [PanelKind.TOWN_HEADS]: 0.1,
};

export interface PanelScore {
  kind: PanelKind;
  score: number;
}

/**
 * A unit's score: the weighted mean of its panel scores over the panels that scored it
 * (weights renormalised, so a missing panel neither counts as zero nor inflates the rest),
 * rounded to two decimals; null when no panel scored it.
 */
export function weightedScore(
  weights: ReadonlyMap<PanelKind, number>,
  scores: readonly PanelScore[],
): number | null {
  let total = 0;
  let weightSum = 0;
  for (const { kind, score } of scores) {
    const weight = weights.get(kind) ?? 0;
    total += weight * score;
    weightSum += weight;
  }
  if (weightSum === 0) return null;
  return Math.round((total / weightSum) * 100) / 100;
}

/** Competition ranking (1, 2, 2, 4) by score, highest first; unscored units rank last, unranked. */
export function rank<T extends { score: number | null; key: string }>(
  units: readonly T[],
): (T & { rank: number | null })[] {
  const sorted = [...units].sort(
    (a, b) => (b.score ?? -1) - (a.score ?? -1) || a.key.localeCompare(b.key),
  );
  let previous: number | null = null;
  let previousRank = 0;
  return sorted.map((unit, index) => {
    if (unit.score === null) return { ...unit, rank: null };
    const place = unit.score === previous ? previousRank : index + 1;
    previous = unit.score;
    previousRank = place;
    return { ...unit, rank: place };
  });
}
