import { dataOf, sqlRows, startTestGraph, type TestGraph } from '@hall/test';

/**
 * Figures over long periods read whole months from a monthly rollup (by department for the
 * hall, departments and trends; by matter for matters) and only the ragged ends from the daily
 * one. The daily rollup is the reference: every answer must be the one summing its days alone
 * would give, and both monthly rollups must stay their days summed.
 */

let graph: TestGraph;
let leader: string;
let clerk: string;
beforeAll(async () => {
  graph = await startTestGraph({ history: true });
  leader = await graph.tokenFor('CITY_LEADER');
  clerk = await graph.tokenFor('ACCEPTANCE_CLERK');
});
afterAll(() => graph.close());

interface Figures {
  registered: number;
  accepted: number;
  completed: number;
  completedOnTime: number;
  denied: number;
  onTimeRate: number | null;
  averageWorkingDaysTaken: number | null;
}

interface Sums {
  key: string | null;
  registered: number;
  accepted: number;
  completed: number;
  completed_on_time: number;
  denied: number;
  working_days_taken: number;
}

const FIGURES =
  'registered accepted completed completedOnTime denied onTimeRate averageWorkingDaysTaken';
const SUMS = `sum(registered)::int as registered, sum(accepted)::int as accepted,
  sum(completed)::int as completed, sum(completed_on_time)::int as completed_on_time,
  sum(denied)::int as denied, sum(working_days_taken)::int as working_days_taken`;
const COUNTERS = 'registered, accepted, completed, completed_on_time, denied, working_days_taken';

/** What the figures of `sums` read, as the graph rounds them. */
function figuresOf(sums: Sums | undefined): Figures {
  const completed = sums?.completed ?? 0;
  return {
    registered: sums?.registered ?? 0,
    accepted: sums?.accepted ?? 0,
    completed,
    completedOnTime: sums?.completed_on_time ?? 0,
    denied: sums?.denied ?? 0,
    onTimeRate:
      completed > 0
        ? Math.round(((sums?.completed_on_time ?? 0) / completed) * 10000) / 10000
        : null,
    averageWorkingDaysTaken:
      completed > 0 ? Math.round(((sums?.working_days_taken ?? 0) / completed) * 100) / 100 : null,
  };
}

/** The daily rollup summed over [from, to], by `key` (a column, or null for the hall). */
async function dailySums(key: string | null, from: string, to: string): Promise<Sums[]> {
  return sqlRows<Sums>(
    graph.database.url,
    `select ${key ? `${key}::text` : 'null'} as key, ${SUMS} from cases.case_daily_figure
      where hall_date between $1 and $2 ${key ? `group by ${key}` : ''}`,
    [from, to],
  );
}

async function dailyTrend(unit: string, from: string, to: string): Promise<Sums[]> {
  return sqlRows<Sums>(
    graph.database.url,
    `select to_char(date_trunc($3, hall_date::timestamp), 'YYYY-MM-DD') as key, ${SUMS}
       from cases.case_daily_figure where hall_date between $1 and $2 group by 1 order by 1`,
    [from, to, unit],
  );
}

interface Dashboard {
  caseFigures: Figures;
  months: (Figures & { periodStart: string })[];
  years: (Figures & { periodStart: string })[];
  departments: { nodes: { id: string; caseFigures: Figures }[] };
  matters: { nodes: { id: string; caseFigures: Figures }[] };
}

const DASHBOARD = `query ($from: LocalDate!, $to: LocalDate!) {
  caseFigures(from: $from, to: $to) { ${FIGURES} }
  months: caseTrend(from: $from, to: $to, granularity: MONTH) { periodStart ${FIGURES} }
  years: caseTrend(from: $from, to: $to, granularity: YEAR) { periodStart ${FIGURES} }
  departments(first: 100) { nodes { id caseFigures(from: $from, to: $to) { ${FIGURES} } } }
  matters(first: 100) { nodes { id caseFigures(from: $from, to: $to) { ${FIGURES} } } }
}`;

/**
 * Statements of the cases subgraph's own background work (following the log, moving its
 * cursor), which belong to no query.
 */
const BACKGROUND =
  /^\s*(begin|commit|rollback|savepoint|release)\b|event_cursor|event_log|pg_notify|^\s*listen\b/i;

/** Asks the graph for every figure of [from, to] and checks each against the daily rollup. */
async function expectFiguresOfDays(from: string, to: string): Promise<void> {
  const sql = graph.subgraphs.cases.sql;
  sql.reset();
  const answer = dataOf(
    await graph.query<Dashboard>(DASHBOARD, { variables: { from, to }, token: leader }),
  );
  // Hall figures, two trends, the departments' figures, the matters' figures: one each.
  expect(sql.recorded.filter((statement) => !BACKGROUND.test(statement))).toHaveLength(5);

  const [hall] = await dailySums(null, from, to);
  expect(answer.caseFigures).toEqual(figuresOf(hall));

  const byDepartment = new Map(
    (await dailySums('department_id', from, to)).map((row) => [row.key, row]),
  );
  expect(answer.departments.nodes).toHaveLength(33);
  for (const department of answer.departments.nodes) {
    expect({ id: department.id, ...department.caseFigures }).toEqual({
      id: department.id,
      ...figuresOf(byDepartment.get(department.id)),
    });
  }

  const byMatter = new Map((await dailySums('matter_id', from, to)).map((row) => [row.key, row]));
  for (const matter of answer.matters.nodes) {
    expect({ id: matter.id, ...matter.caseFigures }).toEqual({
      id: matter.id,
      ...figuresOf(byMatter.get(matter.id)),
    });
  }

  for (const [unit, trend] of [
    ['month', answer.months],
    ['year', answer.years],
  ] as const) {
    const expected = (await dailyTrend(unit, from, to)).map((row) => ({
      periodStart: row.key,
      ...figuresOf(row),
    }));
    expect(trend).toEqual(expected);
  }
}

/**
 * The daily rollup grouped by month and `dimensions`, and the monthly rollup `table` kept at
 * that grain, in the same order and shape.
 */
async function monthsBothWays(
  table: string,
  dimensions: string[],
): Promise<{ fromDays: Sums[]; months: Sums[] }> {
  const keyed = `${['month::text', ...dimensions].join(` || ' ' || `)} as key`;
  const fromDays = await sqlRows<Sums>(
    graph.database.url,
    `select ${keyed}, ${SUMS} from (
       select date_trunc('month', hall_date::timestamp)::date as month, ${dimensions.join(', ')},
              ${COUNTERS}
         from cases.case_daily_figure) day
      group by month, ${dimensions.join(', ')} order by 1`,
  );
  const months = await sqlRows<Sums>(
    graph.database.url,
    `select ${keyed}, ${COUNTERS} from ${table} order by 1`,
  );
  return { fromDays, months };
}

/** Both monthly rollups against the daily one grouped at their grain. */
async function expectMonthsOfDays(): Promise<void> {
  const byMatter = await monthsBothWays('cases.case_monthly_figure', [
    'matter_id',
    'department_id',
  ]);
  expect(byMatter.months.length).toBeGreaterThan(100);
  expect(byMatter.months).toEqual(byMatter.fromDays);
  const byDepartment = await monthsBothWays('cases.case_department_monthly_figure', [
    'department_id',
  ]);
  expect(byDepartment.months.length).toBeGreaterThan(100);
  // Coarser than by matter: fewer rows, the same days.
  expect(byDepartment.months.length).toBeLessThan(byMatter.months.length);
  expect(byDepartment.months).toEqual(byDepartment.fromDays);
}

describe('figures over the monthly rollups', () => {
  it.each([
    ['whole months', '2024-01-01', '2024-06-30'],
    ['a ragged start and a ragged end', '2023-03-15', '2024-08-20'],
    ['one day', '2025-05-06', '2025-05-06'],
    ['part of one month', '2025-03-03', '2025-03-28'],
    ['a leap February from its tenth to its end', '2024-02-10', '2024-02-29'],
    ['a month and a day', '2025-03-01', '2025-04-01'],
    ['across a new year, no whole month', '2024-12-10', '2025-01-20'],
    ['across a new year, whole months between ragged ends', '2023-11-20', '2025-02-10'],
    ['the whole history and beyond', '2009-12-31', '2026-12-31'],
    ['a period with no cases', '2030-01-01', '2030-12-31'],
  ])('answers %s (%s to %s) as the daily rollup does', async (_name, from, to) => {
    await expectFiguresOfDays(from, to);
  });

  /** The rollup tables the one figures statement of `query` over [from, to] reads. */
  async function tablesRead(query: string, from: string, to: string): Promise<string[]> {
    const sql = graph.subgraphs.cases.sql;
    sql.reset();
    dataOf(await graph.query(query, { variables: { from, to }, token: leader }));
    const statements = sql.recorded.filter((statement) => /case_\w+_figure/.test(statement));
    expect(statements).toHaveLength(1);
    return [...new Set(statements[0]!.match(/case_\w+_figure/g))].sort();
  }

  it.each([
    [
      'hall figures',
      'case_department_monthly_figure',
      'query ($from: LocalDate!, $to: LocalDate!) { caseFigures(from: $from, to: $to) { registered } }',
    ],
    [
      'department figures',
      'case_department_monthly_figure',
      `query ($from: LocalDate!, $to: LocalDate!) {
        departments(first: 100) { nodes { caseFigures(from: $from, to: $to) { registered } } }
      }`,
    ],
    [
      'the monthly trend',
      'case_department_monthly_figure',
      'query ($from: LocalDate!, $to: LocalDate!) { caseTrend(from: $from, to: $to, granularity: MONTH) { registered } }',
    ],
    [
      'the yearly trend',
      'case_department_monthly_figure',
      'query ($from: LocalDate!, $to: LocalDate!) { caseTrend(from: $from, to: $to, granularity: YEAR) { registered } }',
    ],
    [
      'matter figures',
      'case_monthly_figure',
      `query ($from: LocalDate!, $to: LocalDate!) {
        matters(first: 100) { nodes { caseFigures(from: $from, to: $to) { registered } } }
      }`,
    ],
  ])(
    'reads %s for whole months from %s and ragged ends from the daily rollup',
    async (_name, monthly, query) => {
      expect(await tablesRead(query, '2024-01-01', '2024-12-31')).toEqual([monthly]);
      expect(await tablesRead(query, '2024-01-15', '2024-12-20')).toEqual(
        [monthly, 'case_daily_figure'].sort(),
      );
      expect(await tablesRead(query, '2024-03-03', '2024-03-28')).toEqual(['case_daily_figure']);
    },
  );

  it('keeps both monthly rollups their days summed as cases move, across a month’s end', async () => {
    const matter = dataOf(
      await graph.query<{ matters: { nodes: { id: string; promisedLimitDays: number }[] } }>(
        '{ matters(first: 100, filter: { kind: PROMISED }) { nodes { id promisedLimitDays } } }',
      ),
    ).matters.nodes.find((candidate) => candidate.promisedLimitDays >= 5)!;
    const monthRow = async (month: string) => {
      const [row] = await sqlRows<Sums>(
        graph.database.url,
        `select null as key, ${COUNTERS} from cases.case_monthly_figure
          where month = $1 and matter_id = $2`,
        [month, matter.id],
      );
      return figuresOf(row);
    };
    const departmentMonthRow = async (month: string) => {
      const [row] = await sqlRows<Sums>(
        graph.database.url,
        `select null as key, ${COUNTERS} from cases.case_department_monthly_figure
          where month = $1 and department_id = (
            select department_id from cases.case_monthly_figure where matter_id = $2 limit 1)`,
        [month, matter.id],
      );
      return figuresOf(row);
    };
    const novemberBefore = await monthRow('2026-11-01');
    const decemberBefore = await monthRow('2026-12-01');
    const departmentNovemberBefore = await departmentMonthRow('2026-11-01');
    const departmentDecemberBefore = await departmentMonthRow('2026-12-01');

    const act = async (mutation: string, args: string) =>
      dataOf(
        await graph.query<Record<string, { id: string; status: string }>>(
          `mutation { ${mutation}(${args}) { id status } }`,
          { token: clerk },
        ),
      )[mutation]!;
    const applicant = {
      kind: 'PERSON',
      name: '赵文静',
      identityNumber: '370687198803152411',
      phone: '13905356789',
    };
    const register = async () =>
      dataOf(
        await graph.query<{ registerCase: { id: string } }>(
          'mutation ($input: RegisterCaseInput!) { registerCase(input: $input) { id } }',
          { variables: { input: { matterId: matter.id, applicant } }, token: clerk },
        ),
      ).registerCase.id;

    graph.clock.set('2026-11-27T09:00:00+08:00');
    const approved = await register();
    await act('acceptCase', `id: "${approved}"`);
    const denied = await register();
    await act('acceptCase', `id: "${denied}"`);
    graph.clock.set('2026-11-30T10:00:00+08:00');
    await act('startReview', `id: "${approved}"`);
    await act('startReview', `id: "${denied}"`);
    graph.clock.set('2026-12-01T10:00:00+08:00');
    expect((await act('approveCase', `id: "${approved}"`)).status).toBe('COMPLETED_APPROVED');
    expect(
      (await act('denyCase', `id: "${denied}", reason: "现场核查不符合规划要求"`)).status,
    ).toBe('COMPLETED_DENIED');
    const third = await register();
    await act('acceptCase', `id: "${third}"`);

    expect(await monthRow('2026-11-01')).toMatchObject({
      registered: novemberBefore.registered + 2,
      accepted: novemberBefore.accepted + 2,
      completed: novemberBefore.completed,
    });
    expect(await monthRow('2026-12-01')).toMatchObject({
      registered: decemberBefore.registered + 1,
      accepted: decemberBefore.accepted + 1,
      completed: decemberBefore.completed + 2,
      completedOnTime: decemberBefore.completedOnTime + 2,
      denied: decemberBefore.denied + 1,
    });
    expect(await departmentMonthRow('2026-11-01')).toMatchObject({
      registered: departmentNovemberBefore.registered + 2,
      accepted: departmentNovemberBefore.accepted + 2,
      completed: departmentNovemberBefore.completed,
    });
    expect(await departmentMonthRow('2026-12-01')).toMatchObject({
      registered: departmentDecemberBefore.registered + 1,
      accepted: departmentDecemberBefore.accepted + 1,
      completed: departmentDecemberBefore.completed + 2,
      completedOnTime: departmentDecemberBefore.completedOnTime + 2,
      denied: departmentDecemberBefore.denied + 1,
    });
    await expectMonthsOfDays();
    await expectFiguresOfDays('2026-11-15', '2026-12-31');
    await expectFiguresOfDays('2026-11-01', '2026-12-31');
  });

  it('fills the monthly rollups from the daily one when an existing database upgrades', async () => {
    const migrator = graph.subgraphs.cases.orm.getMigrator();
    const tableExists = async (table: string) => {
      const [row] = await sqlRows<{ found: string | null }>(
        graph.database.url,
        `select to_regclass($1)::text as found`,
        [table],
      );
      return row?.found !== null && row?.found !== undefined;
    };
    // Back to the schema before either monthly rollup, daily rows kept, then up again.
    const reverted = await migrator.down({ to: 'Migration20261211090000' });
    expect(reverted.map((migration) => migration.name)).toEqual([
      'Migration20261212090000',
      'Migration20261211090000',
    ]);
    expect(await tableExists('cases.case_department_monthly_figure')).toBe(false);
    expect(await tableExists('cases.case_monthly_figure')).toBe(false);
    expect((await migrator.up()).map((migration) => migration.name)).toEqual([
      'Migration20261211090000',
      'Migration20261212090000',
    ]);
    await expectMonthsOfDays();
    await expectFiguresOfDays('2023-03-15', '2026-12-31');

    // An upgrade from the matter-month rollup alone: only the department months are added.
    expect((await migrator.down()).map((migration) => migration.name)).toEqual([
      'Migration20261212090000',
    ]);
    expect(await tableExists('cases.case_department_monthly_figure')).toBe(false);
    expect((await migrator.up()).map((migration) => migration.name)).toEqual([
      'Migration20261212090000',
    ]);
    await expectMonthsOfDays();
    await expectFiguresOfDays('2009-12-31', '2026-12-31');
  });
});
