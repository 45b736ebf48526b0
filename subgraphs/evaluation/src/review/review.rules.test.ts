import { PanelKind } from './review.entity';
import { DEFAULT_PANEL_WEIGHTS, rank, weightedScore } from './review.rules';

const weights = new Map(Object.entries(DEFAULT_PANEL_WEIGHTS) as [PanelKind, number][]);

describe('department review scoring', () => {
  it('takes the weighted mean of the panel scores', () => {
    expect(
      weightedScore(weights, [
        { kind: PanelKind.ENTERPRISE_HEADS, score: 90 },
        { kind: PanelKind.CITIZEN_REPRESENTATIVES, score: 80 },
        { kind: PanelKind.CITY_LEADERS, score: 100 },
        { kind: PanelKind.TOWN_HEADS, score: 70 },
      ]),
    ).toBe(87); // 36 + 24 + 20 + 7
  });

  it('renormalises over the panels that scored, and is null without any', () => {
    expect(
      weightedScore(weights, [
        { kind: PanelKind.ENTERPRISE_HEADS, score: 90 },
        { kind: PanelKind.TOWN_HEADS, score: 40 },
      ]),
    ).toBe(80); // (36 + 4) / 0.5
    expect(weightedScore(weights, [])).toBeNull();
  });

  it('ranks highest first, ties sharing a place', () => {
    const ranked = rank([
      { key: 'B', score: 90 },
      { key: 'A', score: 95 },
      { key: 'C', score: 90 },
      { key: 'D', score: null },
      { key: 'E', score: 80 },
    ]);
    expect(ranked.map((unit) => [unit.key, unit.rank])).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 2],
      ['E', 4],
      ['D', null],
    ]);
  });
});
