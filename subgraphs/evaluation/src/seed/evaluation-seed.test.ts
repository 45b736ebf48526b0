import { buildCatalogSeed } from '@hall/catalog';
import { PanelKind } from '../review/review.entity';
import { buildEvaluationSeed } from './seed';

describe('the evaluation seed', () => {
  const plan = buildEvaluationSeed({ history: true });

  it('holds the gazette’s review rounds with their rater panels and units', () => {
    expect(plan.rounds.map((round) => round.year)).toEqual([2010, 2011]);
    const [r2010, r2011] = plan.rounds;
    const raters = (roundId: string) =>
      Object.fromEntries(
        plan.panels
          .filter((panel) => panel.roundId === roundId)
          .map((panel) => [panel.kind, panel.raters]),
      );
    expect(raters(r2010!.id)).toEqual({
      [PanelKind.ENTERPRISE_HEADS]: 430,
      [PanelKind.CITIZEN_REPRESENTATIVES]: 183,
      [PanelKind.TOWN_HEADS]: 17,
      [PanelKind.CITY_LEADERS]: 30,
    });
    expect(raters(r2011!.id)).toEqual({
      [PanelKind.ENTERPRISE_HEADS]: 235,
      [PanelKind.CITIZEN_REPRESENTATIVES]: 80,
      [PanelKind.CITY_LEADERS]: 28,
      [PanelKind.TOWN_HEADS]: 17,
    });
    const units = (roundId: string) => plan.units.filter((unit) => unit.roundId === roundId);
    expect(units(r2010!.id)).toHaveLength(31);
    expect(units(r2011!.id)).toHaveLength(44);
    const hall = new Set(buildCatalogSeed().departments.map((department) => department.id));
    expect(
      units(r2011!.id).filter((unit) => unit.departmentId && hall.has(unit.departmentId)),
    ).toHaveLength(33);
    expect(plan.scores).toHaveLength((31 + 44) * 4);
    expect(plan.scores.every((score) => score.score >= 0 && score.score <= 100)).toBe(true);
  });

  it('is deterministic and empty without history', () => {
    expect(buildEvaluationSeed({ history: true })).toEqual(plan);
    expect(buildEvaluationSeed({ history: false }).rounds).toHaveLength(0);
  });
});
