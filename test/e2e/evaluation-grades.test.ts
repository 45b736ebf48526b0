import { buildCatalogSeed } from '@hall/catalog';
import {
  dataOf,
  errorCodes,
  raiseLightOnCase,
  sqlRows,
  startTestGraph,
  type TestGraph,
} from '@hall/test';

let graph: TestGraph;
let clerk: string;
let admin: string;
let leader: string;
beforeAll(async () => {
  graph = await startTestGraph();
  clerk = await graph.tokenFor('ACCEPTANCE_CLERK');
  admin = await graph.tokenFor('SERVICE_BUREAU_ADMIN');
  leader = await graph.tokenFor('CITY_LEADER');
});
afterAll(() => graph.close());

const catalog = buildCatalogSeed();
/** Staff members serving at a window of their own department, one per department. */
const counters = catalog.staff
  .filter(
    (member) =>
      member.windowId &&
      member.departmentId &&
      catalog.windows.find((window) => window.id === member.windowId)?.departmentId ===
        member.departmentId,
  )
  .filter(
    (member, index, all) =>
      all.findIndex((other) => other.departmentId === member.departmentId) === index,
  )
  .map((member) => ({
    departmentId: member.departmentId!,
    windowId: member.windowId!,
    staffId: member.id,
  }));
const first = counters[0]!;
/** Chosen in the grades scenario: a counter whose department has a promised matter. */
let second: (typeof counters)[number] = counters[1]!;

const APPLICANT = {
  kind: 'PERSON',
  name: '李建国',
  identityNumber: '370687198803152411',
  phone: '13805351234',
};

async function rate(counter: (typeof counters)[number], level: string) {
  dataOf(
    await graph.query(
      `mutation ($input: RecordVisitRatingInput!) { recordVisitRating(input: $input) { id } }`,
      { variables: { input: { ...counter, level } }, token: clerk },
    ),
  );
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

interface Grade {
  grade: string;
  score: number;
  ratings: number;
  satisfactionRate: number;
  onTimeRate: number;
  lights: number;
  complaints: number;
  staff: { id: string };
}

const REPORT = `quarter publishedAt excellent good pass fail
  grades { grade score ratings satisfactionRate onTimeRate lights complaints staff { id } }`;

describe('quarterly staff grades', () => {
  it('computes the grades from ratings, on-time rates, lights and complaints and publishes the report once', async () => {
    graph.clock.set('2026-11-24T09:00:00+08:00');
    const matters = dataOf(
      await graph.query<{ matters: { nodes: { id: string; department: { id: string } }[] } }>(
        '{ matters(first: 100, filter: { kind: PROMISED }) { nodes { id department { id } } } }',
      ),
    ).matters.nodes;
    const matter = matters.find(
      (candidate) =>
        candidate.department.id !== first.departmentId &&
        counters.some((counter) => counter.departmentId === candidate.department.id),
    )!;
    second = counters.find((counter) => counter.departmentId === matter.department.id)!;
    // A case of the second department lit yellow by hand, then decided in time.
    const { registerCase } = dataOf(
      await graph.query<{ registerCase: { id: string } }>(
        `mutation ($input: RegisterCaseInput!) { registerCase(input: $input) { id } }`,
        { variables: { input: { matterId: matter.id, applicant: APPLICANT } }, token: clerk },
      ),
    );
    for (const mutation of ['acceptCase', 'startReview']) {
      dataOf(
        await graph.query(`mutation { ${mutation}(id: "${registerCase.id}") { id } }`, {
          token: clerk,
        }),
      );
    }
    const supervision = await graph.tokenFor('SUPERVISION_STAFF');
    await raiseLightOnCase(graph, {
      token: supervision,
      caseId: registerCase.id,
      level: 'YELLOW',
      reason: '材料审查拖延',
    });
    dataOf(
      await graph.query(`mutation { approveCase(id: "${registerCase.id}") { id } }`, {
        token: clerk,
      }),
    );
    for (let n = 0; n < 3; n++) await rate(first, 'VERY_SATISFIED');
    await rate(second, 'SATISFIED');
    await rate(second, 'VERY_DISSATISFIED');
    // A complaint about the second department, announced on supervision's log.
    dataOf(
      await graph.query(
        `mutation ($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id } }`,
        {
          variables: {
            input: {
              channel: 'PHONE',
              subjectType: 'DEPARTMENT',
              subjectId: second.departmentId,
              departmentId: second.departmentId,
              complainantName: '王海燕',
              complainantPhone: '13805351234',
              content: '窗口人员态度生硬。',
            },
          },
          token: clerk,
        },
      ),
    );
    const counted = () =>
      sqlRows<{ lights: number; complaints: number; cases: number }>(
        graph.database.url,
        `select (select count(*) from evaluation.supervision_signal where kind = 'LIGHT')::int as lights,
                (select count(*) from evaluation.supervision_signal where kind = 'COMPLAINT')::int as complaints,
                (select count(*) from evaluation.finished_case)::int as cases`,
      );
    const signals = await eventually(
      counted,
      ([row]) => row!.complaints > 0 && row!.lights > 0 && row!.cases > 0,
    );
    expect(signals[0]).toEqual({ lights: 1, complaints: 1, cases: 1 });

    const publish = (token = admin) =>
      graph.query<{ publishQuarterlyGrades: { quarter: string; publishedAt: string } }>(
        `mutation { publishQuarterlyGrades(quarter: "2026Q4") { ${REPORT} } }`,
        { token },
      );
    expect(errorCodes(await publish())).toEqual(['CONFLICT']);
    graph.clock.set('2027-01-04T09:00:00+08:00');
    expect(errorCodes(await publish(leader))).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(
        await graph.query(`{ gradeReport(quarter: "2026-4") { quarter } }`, { token: leader }),
      ),
    ).toEqual(['BAD_USER_INPUT']);

    const report = dataOf(await publish()).publishQuarterlyGrades as unknown as {
      quarter: string;
      publishedAt: string;
      excellent: number;
      pass: number;
      grades: Grade[];
    };
    const gradeOf = (staffId: string) => report.grades.find((grade) => grade.staff.id === staffId);
    expect(gradeOf(first.staffId)).toMatchObject({
      grade: 'EXCELLENT',
      score: 100,
      ratings: 3,
      satisfactionRate: 1,
      onTimeRate: 1,
      lights: 0,
      complaints: 0,
    });
    // 40 × 0.5 + 30 × 1 + 15 × (1 − 0.1) + 15 × (1 − 0.25) = 74.75
    expect(gradeOf(second.staffId)).toMatchObject({
      grade: 'PASS',
      score: 74.75,
      ratings: 2,
      satisfactionRate: 0.5,
      onTimeRate: 1,
      lights: 1,
      complaints: 1,
    });
    expect(report).toMatchObject({ quarter: '2026Q4', excellent: 1, pass: 1 });

    // Idempotent: publishing again returns the report as published.
    graph.clock.set('2027-01-05T09:00:00+08:00');
    expect(dataOf(await publish()).publishQuarterlyGrades.publishedAt).toBe(report.publishedAt);
    const events = await sqlRows<{ n: number }>(
      graph.database.url,
      `select count(*)::int as n from evaluation.event_log where type = 'GradesPublished'`,
    );
    expect(events[0]!.n).toBe(1);

    // Through federation: the staff member's grade and satisfaction on the catalog's Staff.
    const staff = dataOf(
      await graph.query<{
        staffMember: {
          grade: { grade: string } | null;
          satisfaction: { ratings: number; satisfactionRate: number };
        };
        window: { satisfaction: { ratings: number; badReviewRate: number } };
      }>(
        `{ staffMember(id: "${second.staffId}") { grade(quarter: "2026Q4") { grade }
             satisfaction(from: "2026-10-01", to: "2026-12-31") { ratings satisfactionRate } }
           window(id: "${second.windowId}") { satisfaction(from: "2026-10-01", to: "2026-12-31") {
             ratings badReviewRate } } }`,
        { token: leader },
      ),
    );
    expect(staff.staffMember).toEqual({
      grade: { grade: 'PASS' },
      satisfaction: { ratings: 2, satisfactionRate: 0.5 },
    });
    expect(staff.window.satisfaction).toEqual({ ratings: 2, badReviewRate: 0.5 });
  });
});

describe('department reviews', () => {
  it('scores a round by weighted panels, ranks the units and publishes it once complete', async () => {
    graph.clock.set('2026-11-24T09:00:00+08:00');
    const opened = dataOf(
      await graph.query<{
        openReviewRound: {
          id: string;
          raters: number;
          unitsReviewed: number;
          panels: { kind: string; raters: number; weight: number }[];
          results: {
            unit: { id: string; name: string | null; department: { id: string } | null };
          }[];
        };
      }>(
        `mutation ($input: OpenReviewRoundInput!) { openReviewRound(input: $input) {
           id raters unitsReviewed panels { kind raters weight }
           results { unit { id name department { id } } } } }`,
        {
          variables: {
            input: {
              year: 2026,
              name: '2026年度部门集中评议',
              panels: [
                { kind: 'ENTERPRISE_HEADS', raters: 235, weight: 0.4 },
                { kind: 'CITIZEN_REPRESENTATIVES', raters: 80, weight: 0.3 },
                { kind: 'CITY_LEADERS', raters: 28, weight: 0.2 },
                { kind: 'TOWN_HEADS', raters: 17, weight: 0.1 },
              ],
              departmentIds: [first.departmentId, second.departmentId],
              otherUnits: ['海阳市供电公司'],
            },
          },
          token: admin,
        },
      ),
    ).openReviewRound;
    expect(opened).toMatchObject({ raters: 360, unitsReviewed: 3 });
    const unitOf = (departmentId: string | null) =>
      opened.results.find((result) => (result.unit.department?.id ?? null) === departmentId)!.unit
        .id;
    const [a, b, c] = [unitOf(first.departmentId), unitOf(second.departmentId), unitOf(null)];
    const scores: Record<string, [number, number, number]> = {
      ENTERPRISE_HEADS: [90, 95, 80],
      CITIZEN_REPRESENTATIVES: [80, 85, 90],
      CITY_LEADERS: [100, 90, 85],
    };
    for (const [kind, [sa, sb, sc]] of Object.entries(scores)) {
      dataOf(
        await graph.query(
          `mutation ($scores: [ReviewScoreInput!]!) { recordReviewScores(roundId: "${opened.id}", kind: ${kind}, scores: $scores) { id } }`,
          {
            variables: {
              scores: [
                { unitId: a, score: sa },
                { unitId: b, score: sb },
                { unitId: c, score: sc },
              ],
            },
            token: admin,
          },
        ),
      );
    }
    const publish = () =>
      graph.query(`mutation { publishReviewRound(id: "${opened.id}") { status publishedOn } }`, {
        token: admin,
      });
    expect(errorCodes(await publish())).toEqual(['CONFLICT']);
    // Before publication only the bureau sees the standings.
    const hidden = dataOf(
      await graph.query<{ reviewRound: { status: string; results: unknown[] } }>(
        `{ reviewRound(year: 2026) { status results { score } } }`,
        { token: leader },
      ),
    ).reviewRound;
    expect(hidden).toEqual({ status: 'OPEN', results: [] });

    dataOf(
      await graph.query(
        `mutation { recordReviewScores(roundId: "${opened.id}", kind: TOWN_HEADS, scores: [
           { unitId: "${a}", score: 70 }, { unitId: "${b}", score: 80 }, { unitId: "${c}", score: 100 }]) { id } }`,
        { token: admin },
      ),
    );
    expect(dataOf(await publish())).toEqual({
      publishReviewRound: { status: 'PUBLISHED', publishedOn: '2026-11-24' },
    });
    expect(
      errorCodes(
        await graph.query(
          `mutation { recordReviewScores(roundId: "${opened.id}", kind: TOWN_HEADS, scores: [{ unitId: "${a}", score: 1 }]) { id } }`,
          { token: admin },
        ),
      ),
    ).toEqual(['CONFLICT']);

    const results = dataOf(
      await graph.query<{
        reviewRound: {
          results: { unit: { id: string }; score: number; rank: number; of: number }[];
        };
      }>(`{ reviewRound(year: 2026) { results { unit { id } score rank of } } }`, {
        token: leader,
      }),
    ).reviewRound.results;
    // a: 36 + 24 + 20 + 7 = 87; b: 38 + 25.5 + 18 + 8 = 89.5; c: 32 + 27 + 17 + 10 = 86
    expect(results.map((result) => [result.unit.id, result.score, result.rank])).toEqual([
      [b, 89.5, 1],
      [a, 87, 2],
      [c, 86, 3],
    ]);

    const own = await graph.tokenFor('DEPARTMENT_STAFF', { departmentId: first.departmentId });
    const department = dataOf(
      await graph.query<{
        department: {
          reviewResults: { score: number; rank: number; of: number; round: { year: number } }[];
        };
      }>(
        `{ department(id: "${first.departmentId}") { reviewResults { score rank of round { year } } } }`,
        { token: own },
      ),
    ).department;
    expect(department.reviewResults).toEqual([
      { score: 87, rank: 2, of: 3, round: { year: 2026 } },
    ]);
    expect(
      errorCodes(
        await graph.query(
          `{ department(id: "${second.departmentId}") { reviewResults { score } } }`,
          { token: own },
        ),
      ),
    ).toEqual(['FORBIDDEN']);
  });
});
