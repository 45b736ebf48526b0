import { WorkingCalendar } from '@hall/kit';
import { DepartmentPresence } from '../department/department.entity';
import { MatterKind, MatterStatus } from '../matter/matter.entity';
import { compressionOf } from '../matter/matter.rules';
import { OrganizationKind } from '../organization/organization.entity';
import { WindowKind } from '../window/window.entity';
import { buildCatalogSeed } from './seed';

const plan = buildCatalogSeed();

describe('the default hall (DOMAIN.md figures)', () => {
  it('is the same on every build', () => {
    expect(buildCatalogSeed()).toEqual(plan);
  });

  it('has 33 departments: 17 staffed, 16 proxied at the comprehensive window', () => {
    expect(plan.departments).toHaveLength(33);
    const proxied = plan.departments.filter((d) => d.presence === DepartmentPresence.PROXIED);
    expect(proxied).toHaveLength(16);
    // The 16 units on floor 2 with their own staff.
    const floor2Staffed = plan.departments.filter(
      (d) => d.presence === DepartmentPresence.STAFFED && d.floorNumber === 2,
    );
    expect(floor2Staffed).toHaveLength(16);
    for (const named of [
      '住房和城乡建设局',
      '国土资源局',
      '国家税务局',
      '工商行政管理局',
      '人力资源和社会保障局',
    ]) {
      expect(plan.departments.some((d) => d.name.includes(named))).toBe(true);
    }
  });

  it('has 502 active matters and the 14 cancelled in the 2012 clean-up', () => {
    const active = plan.matters.filter((m) => m.status === MatterStatus.ACTIVE);
    const cancelled = plan.matters.filter((m) => m.status === MatterStatus.CANCELLED);
    expect(active).toHaveLength(502);
    expect(cancelled).toHaveLength(14);
    expect(cancelled.every((m) => m.cancelledOn === '2012-06-30')).toBe(true);
    expect(new Set(plan.matters.map((m) => m.code)).size).toBe(plan.matters.length);
  });

  it('cut time limits by 45% on average and 70% at most', () => {
    const timed = plan.matters.filter(
      (m) => m.status === MatterStatus.ACTIVE && m.kind !== MatterKind.IMMEDIATE,
    );
    const cuts = timed.map((m) => compressionOf(m) ?? 0);
    const average = cuts.reduce((a, b) => a + b, 0) / cuts.length;
    expect(Math.round(average * 100)).toBe(45);
    expect(Math.max(...cuts)).toBeCloseTo(0.7, 10);
    expect(
      timed.every((m) => m.promisedLimitDays >= 1 && m.promisedLimitDays <= m.statutoryLimitDays),
    ).toBe(true);
    const immediate = plan.matters.filter((m) => m.kind === MatterKind.IMMEDIATE);
    expect(immediate.every((m) => m.promisedLimitDays === 0)).toBe(true);
  });

  it('has 111 windows on floor 1 and 112 on floor 2, one of them comprehensive', () => {
    expect(plan.windows.filter((w) => w.floorNumber === 1)).toHaveLength(111);
    expect(plan.windows.filter((w) => w.floorNumber === 2)).toHaveLength(112);
    expect(plan.windows.filter((w) => w.kind === WindowKind.COMPREHENSIVE)).toHaveLength(1);
    expect(
      plan.windows
        .filter((w) => w.kind === WindowKind.UNIFIED_ACCEPTANCE)
        .every((w) => w.floorNumber === 1),
    ).toBe(true);
    expect(
      plan.windows.filter((w) => w.kind === WindowKind.BANK).every((w) => w.floorNumber === 1),
    ).toBe(true);
  });

  it('has 210 staff, 11 agencies, 2 banks and 1 business center', () => {
    expect(plan.staff).toHaveLength(210);
    const count = (kind: OrganizationKind) =>
      plan.organizations.filter((o) => o.kind === kind).length;
    expect(count(OrganizationKind.INTERMEDIARY_AGENCY)).toBe(11);
    expect(count(OrganizationKind.BANK)).toBe(2);
    expect(count(OrganizationKind.BUSINESS_CENTER)).toBe(1);
  });

  it('has 8,300 m² over three floors', () => {
    expect(plan.floors.reduce((sum, floor) => sum + floor.areaSqm, 0)).toBe(8300);
  });

  it('keeps the official 2026 holidays and make-up days', () => {
    const calendar = new WorkingCalendar(plan.calendar);
    expect(calendar.kindOf('2026-10-01')).toBe('HOLIDAY');
    expect(calendar.kindOf('2026-09-20')).toBe('MAKEUP_WORKDAY');
    expect(calendar.kindOf('2026-02-14')).toBe('MAKEUP_WORKDAY');
    expect(calendar.kindOf('2010-02-20')).toBe('MAKEUP_WORKDAY');
    expect(new Set(plan.calendar.map((day) => day.date)).size).toBe(plan.calendar.length);
  });
});
