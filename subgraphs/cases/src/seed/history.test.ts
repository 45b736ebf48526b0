import { buildCatalogSeed } from '@hall/catalog';
import {
  CaseAction,
  CaseStatus,
  nextStatus,
  OPEN_STATUSES,
  TRANSITIONS,
} from '../case/case.machine';
import { buildCasesSeed } from './history';

describe('the case history seed', () => {
  const catalog = buildCatalogSeed();
  const plan = buildCasesSeed(catalog, '2026-11-24');
  const year = (y: number) => plan.cases.filter((row) => row.received_on.startsWith(`${y}-`));

  it('holds the gazette’s 3,398 cases of 2010 and 3,643 of 2011, all decided on time', () => {
    expect(year(2010)).toHaveLength(3398);
    expect(year(2011)).toHaveLength(3643);
    const decided = [...year(2010), ...year(2011)].filter((row) => row.decided_on);
    expect(decided.length).toBeGreaterThan(6500);
    expect(decided.every((row) => row.decided_on_time)).toBe(true);
  });

  it('holds the recent years at a similar scale, up to the day before', () => {
    for (const y of [2023, 2024, 2025]) {
      expect(year(y).length).toBeGreaterThan(3500);
      expect(year(y).length).toBeLessThan(5000);
    }
    expect(plan.cases.every((row) => row.received_on < '2026-11-24')).toBe(true);
    expect(plan.steps.every((step) => step.hall_date < '2026-11-24')).toBe(true);
  });

  it('leaves recent cases open, some of them past or near their limit', () => {
    const open = plan.cases.filter((row) => OPEN_STATUSES.includes(row.status));
    expect(open.length).toBeGreaterThan(50);
    expect(open.some((row) => row.due_on !== null && row.due_on < '2026-11-24')).toBe(true);
    expect(open.some((row) => row.due_on === '2026-11-24' || row.due_on === '2026-11-25')).toBe(
      true,
    );
  });

  it('records every case as a chain of legal steps', () => {
    const steps = new Map<string, typeof plan.steps>();
    for (const step of plan.steps) {
      const chain = steps.get(step.case_id) ?? [];
      chain.push(step);
      steps.set(step.case_id, chain);
    }
    const illegal: string[] = [];
    for (const row of plan.cases) {
      const chain = steps.get(row.id)!;
      if (chain[0]!.action !== CaseAction.REGISTER) illegal.push(`${row.serial_no} starts late`);
      for (const step of chain.slice(1)) {
        const action = step.action as keyof typeof TRANSITIONS;
        if (nextStatus(step.from_status!, action, step.to_status) !== step.to_status) {
          illegal.push(`${row.serial_no}: ${step.from_status} -${action}-> ${step.to_status}`);
        }
      }
      if (chain.at(-1)!.to_status !== row.status) illegal.push(`${row.serial_no} ends elsewhere`);
      if (row.version !== chain.length) illegal.push(`${row.serial_no} has version ${row.version}`);
    }
    expect(illegal).toEqual([]);
  });

  it('sums to the daily figures', () => {
    const registered = plan.figures.reduce((sum, row) => sum + row.registered, 0);
    expect(registered).toBe(plan.cases.length);
    const completed = plan.figures.reduce((sum, row) => sum + row.completed, 0);
    expect(completed).toBe(plan.cases.filter((row) => row.decided_on).length);
    expect(plan.cases.filter((row) => row.status === CaseStatus.DELIVERED).length).toBeGreaterThan(
      20000,
    );
  });

  it('is the same every time for the same day', () => {
    const again = buildCasesSeed(catalog, '2026-11-24');
    expect(again.cases.map((row) => row.serial_no)).toEqual(plan.cases.map((row) => row.serial_no));
  });
});
