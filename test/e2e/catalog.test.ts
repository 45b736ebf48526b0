import { startTestGraph, type TestGraph } from '@hall/test';

let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph.close());

interface Page<T> {
  totalCount: number;
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

describe('the catalog through the gateway', () => {
  it('serves the hall’s figures from the seeded catalog', async () => {
    const { data, errors } = await graph.query<{
      hall: {
        name: string;
        openedOn: string;
        floorAreaSqm: number;
        figures: Record<string, number>;
      };
      organizations: { kind: string }[];
    }>(`{
      hall {
        name openedOn floorAreaSqm
        figures {
          departments staffedDepartments proxiedDepartments activeMatters cancelledMatters
          windows windowsOnFloor1 windowsOnFloor2 staff intermediaryAgencies banks businessCenters
          averageCompression maxCompression
        }
      }
    }`);
    expect(errors).toBeUndefined();
    expect(data?.hall).toMatchObject({
      name: '海阳市政务服务中心',
      openedOn: '2012-12-24',
      floorAreaSqm: 8300,
    });
    expect(data?.hall.figures).toMatchObject({
      departments: 33,
      staffedDepartments: 17,
      proxiedDepartments: 16,
      activeMatters: 502,
      cancelledMatters: 14,
      windows: 223,
      windowsOnFloor1: 111,
      windowsOnFloor2: 112,
      staff: 210,
      intermediaryAgencies: 11,
      banks: 2,
      businessCenters: 1,
      maxCompression: 0.7,
    });
    expect(Math.round((data?.hall.figures.averageCompression ?? 0) * 100)).toBe(45);
  });

  it('pages through all 502 active matters with cursors, none twice', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    let pages = 0;
    do {
      const response: { data?: { matters: Page<{ id: string }> } | null } = await graph.query(
        `query($after: String) { matters(first: 100, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`,
        { variables: { after } },
      );
      const page = response.data!.matters;
      expect(page.totalCount).toBe(502);
      for (const node of page.nodes) seen.add(node.id);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(6);
    expect(seen.size).toBe(502);
  });

  it('filters matters by department, kind, floor and text', async () => {
    const departments = await graph.query<{
      departments: Page<{ id: string; code: string; matterCount: number }>;
    }>(
      `{ departments(first: 100, filter: { search: "国土" }) { totalCount nodes { id code matterCount } } }`,
    );
    const land = departments.data!.departments.nodes[0]!;
    expect(departments.data!.departments.totalCount).toBe(1);

    const byDepartment = await graph.query<{ matters: Page<{ department: { id: string } }> }>(
      `query($id: ID!) { matters(first: 100, filter: { departmentId: $id }) { totalCount nodes { department { id } } } }`,
      { variables: { id: land.id } },
    );
    expect(byDepartment.data!.matters.totalCount).toBe(land.matterCount);
    expect(byDepartment.data!.matters.nodes.every((m) => m.department.id === land.id)).toBe(true);

    const immediateOnFloor1 = await graph.query<{
      matters: Page<{ kind: string; department: { code: string; floor: { number: number } } }>;
    }>(
      `{ matters(first: 100, filter: { kind: IMMEDIATE, floor: 1 }) { totalCount nodes { kind department { code floor { number } } } } }`,
    );
    const floor1 = immediateOnFloor1.data!.matters;
    expect(floor1.totalCount).toBeGreaterThan(0);
    expect(
      floor1.nodes.every((m) => m.kind === 'IMMEDIATE' && m.department.floor.number === 1),
    ).toBe(true);

    const searched = await graph.query<{ matters: Page<{ name: string }> }>(
      `{ matters(first: 100, filter: { search: "卫生许可" }) { totalCount nodes { name } } }`,
    );
    expect(searched.data!.matters.totalCount).toBeGreaterThan(0);
    expect(searched.data!.matters.nodes.every((m) => m.name.includes('卫生许可'))).toBe(true);

    const cancelled = await graph.query<{ matters: Page<{ status: string; cancelledOn: string }> }>(
      `{ matters(first: 100, filter: { status: CANCELLED }) { totalCount nodes { status cancelledOn } } }`,
    );
    expect(cancelled.data!.matters.totalCount).toBe(14);
  });

  it('shows the comprehensive window acting for the 16 proxied departments', async () => {
    const { data } = await graph.query<{
      windows: Page<{
        code: string;
        proxiedDepartments: { presence: string; windows: { kind: string }[] }[];
        staff: { position: string }[];
      }>;
    }>(`{ windows(first: 10, filter: { kind: COMPREHENSIVE }) { totalCount nodes {
          code proxiedDepartments { presence windows { kind } } staff { position } } } }`);
    const [comprehensive] = data!.windows.nodes;
    expect(data!.windows.totalCount).toBe(1);
    expect(comprehensive!.code.startsWith('2F-')).toBe(true);
    expect(comprehensive!.proxiedDepartments).toHaveLength(16);
    expect(
      comprehensive!.proxiedDepartments.every(
        (d) => d.presence === 'PROXIED' && d.windows[0]?.kind === 'COMPREHENSIVE',
      ),
    ).toBe(true);
    expect(comprehensive!.staff.every((s) => s.position === 'PROXY_CLERK')).toBe(true);
  });

  it('lists windows by floor and staff by window, with their organisations', async () => {
    const { data, errors } = await graph.query<{
      floors: { number: number; windowCount: number }[];
      organizations: { kind: string; windows: { floor: { number: number } }[] }[];
      staffMembers: Page<{ name: string; window: { code: string } | null }>;
    }>(`{
      floors { number windowCount }
      organizations(kind: BANK) { kind windows { floor { number } } }
      staffMembers(first: 5, filter: { position: ACCEPTANCE_CLERK }) { totalCount nodes { name window { code } } }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.floors).toEqual([
      { number: 1, windowCount: 111 },
      { number: 2, windowCount: 112 },
      { number: 3, windowCount: 0 },
    ]);
    expect(data!.organizations).toHaveLength(2);
    expect(data!.organizations.every((o) => o.windows.every((w) => w.floor.number === 1))).toBe(
      true,
    );
    expect(data!.staffMembers.totalCount).toBe(14);
    expect(data!.staffMembers.nodes.every((s) => s.window?.code.startsWith('1F-'))).toBe(true);
  });

  it('does working-day arithmetic on the hall’s calendar', async () => {
    const { data, errors } = await graph.query<{
      afterNationalDay: string;
      springFestival: number;
      week: { date: string; kind: string; isWorkingDay: boolean; name: string | null }[];
      exceptions: { date: string }[];
    }>(`{
      afterNationalDay: addWorkingDays(date: "2026-09-30", days: 1)
      springFestival: workingDaysBetween(from: "2026-02-13", to: "2026-02-28")
      week: workingCalendar(from: "2026-09-19", to: "2026-09-21") { date kind isWorkingDay name }
      exceptions: calendarExceptions(year: 2026) { date }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.afterNationalDay).toBe('2026-10-08');
    // 14 Feb (make-up Saturday), 24-27 Feb, 28 Feb (make-up Saturday).
    expect(data!.springFestival).toBe(6);
    expect(data!.week).toEqual([
      { date: '2026-09-19', kind: 'WEEKEND', isWorkingDay: false, name: null },
      { date: '2026-09-20', kind: 'MAKEUP_WORKDAY', isWorkingDay: true, name: '国庆节' },
      { date: '2026-09-21', kind: 'WORKDAY', isWorkingDay: true, name: null },
    ]);
    expect(data!.exceptions.length).toBeGreaterThan(20);
  });

  it('resolves a list with nested references in a bounded number of SQL statements', async () => {
    const catalog = graph.subgraphs.catalog;
    const statementsFor = async (first: number) => {
      catalog.sql.reset();
      const { data, errors } = await graph.query<{ matters: Page<unknown> }>(
        `query($first: Int!) { matters(first: $first) { nodes { name department { name floor { number } } } } }`,
        { variables: { first } },
      );
      expect(errors).toBeUndefined();
      expect(data!.matters.nodes).toHaveLength(first);
      return catalog.sql.count;
    };
    const small = await statementsFor(5);
    const large = await statementsFor(100);
    // count + page + one batch of departments + one batch of floors.
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(4);
  });
});
