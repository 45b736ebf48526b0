import { buildCatalogSeed } from '@hall/catalog';
import { dataOf, errorCodes, sqlRows, startTestGraph, type TestGraph } from '@hall/test';

let graph: TestGraph;
let clerk: string;
let supervision: string;
let leader: string;
let admin: string;
beforeAll(async () => {
  graph = await startTestGraph();
  clerk = await graph.tokenFor('ACCEPTANCE_CLERK');
  supervision = await graph.tokenFor('SUPERVISION_STAFF');
  leader = await graph.tokenFor('CITY_LEADER');
  admin = await graph.tokenFor('SERVICE_BUREAU_ADMIN');
});
afterAll(() => graph.close());

const catalog = buildCatalogSeed();
/** A staffed department window: the pad at it rates the visit. */
const served = catalog.staff.find(
  (member) =>
    member.windowId &&
    member.departmentId &&
    catalog.windows.find((window) => window.id === member.windowId)?.departmentId ===
      member.departmentId,
)!;
const counter = {
  departmentId: served.departmentId!,
  windowId: served.windowId!,
  staffId: served.id,
};

const APPLICANT = {
  kind: 'PERSON',
  name: '李建国',
  identityNumber: '370687198803152411',
  phone: '13805351234',
};

const RATING = `id subject status level defaulted channel comment raterName raterPhone badReview
  ratedOn dueAt previousLevel satisfactionScore version department { id } window { id } staff { id }
  rectification { id status ratedOn callBackBy rectifyBy callBackOverdue rectificationOverdue overdue
    appealStatus version }`;

interface Ticket {
  id: string;
  status: string;
  ratedOn: string;
  callBackBy: string;
  rectifyBy: string;
  callBackOverdue: boolean;
  rectificationOverdue: boolean;
  overdue: boolean;
  appealStatus: string;
}

interface RatingView {
  id: string;
  subject: string;
  status: string;
  level: string | null;
  defaulted: boolean;
  raterName: string | null;
  raterPhone: string | null;
  badReview: boolean;
  ratedOn: string | null;
  dueAt: string;
  previousLevel: string | null;
  department: { id: string };
  window: { id: string } | null;
  staff: { id: string } | null;
  rectification: Ticket | null;
}

/** Waits for a condition the evaluation watch brings about within a second or so. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

async function decidedCase(): Promise<{ id: string; departmentId: string }> {
  const matter = dataOf(
    await graph.query<{
      matters: { nodes: { id: string; department: { id: string } }[] };
    }>('{ matters(first: 1, filter: { kind: PROMISED }) { nodes { id department { id } } } }'),
  ).matters.nodes[0]!;
  const { registerCase } = dataOf(
    await graph.query<{ registerCase: { id: string } }>(
      `mutation ($input: RegisterCaseInput!) { registerCase(input: $input) { id } }`,
      { variables: { input: { matterId: matter.id, applicant: APPLICANT } }, token: clerk },
    ),
  );
  for (const mutation of ['acceptCase', 'startReview', 'approveCase']) {
    dataOf(
      await graph.query(`mutation { ${mutation}(id: "${registerCase.id}") { id } }`, {
        token: clerk,
      }),
    );
  }
  return { id: registerCase.id, departmentId: matter.department.id };
}

async function caseRating(caseId: string, token = supervision): Promise<RatingView | null> {
  return dataOf(
    await graph.query<{ case: { rating: RatingView | null } }>(
      `{ case(id: "${caseId}") { rating { ${RATING} } } }`,
      { token },
    ),
  ).case.rating;
}

function readRating(id: string, token = supervision) {
  return graph.query<{ rating: RatingView }>(`{ rating(id: "${id}") { ${RATING} } }`, { token });
}

function visit(overrides: Record<string, unknown> = {}, token = clerk) {
  return graph.query<{ recordVisitRating: RatingView }>(
    `mutation ($input: RecordVisitRatingInput!) { recordVisitRating(input: $input) { ${RATING} } }`,
    {
      variables: {
        input: {
          ...counter,
          level: 'SATISFIED',
          dimensions: { satisfaction: 4, speed: 4, competence: 5, attitude: 5 },
          ...overrides,
        },
      },
      token,
    },
  );
}

function submit(caseId: string, level: string, token = clerk) {
  return graph.query<{ submitCaseRating: RatingView }>(
    `mutation ($input: SubmitCaseRatingInput!) { submitCaseRating(input: $input) { ${RATING} } }`,
    { variables: { input: { caseId, level, channel: 'SMS', comment: '办事效率有待提高' } }, token },
  );
}

function ticketStep(mutation: string, args: string, token: string) {
  return graph.query<Record<string, Ticket & { version: number }>>(
    `mutation { ${mutation}(${args}) { id status appealStatus calledBackOn rectifiedOn overdue } }`,
    { token },
  );
}

async function evaluationEvents(aggregateId: string) {
  return sqlRows<{ type: string; payload: Record<string, unknown> }>(
    graph.database.url,
    `select type, payload from evaluation.event_log where aggregate_id = $1 order by position`,
    [aggregateId],
  );
}

async function satisfaction(departmentId: string, from: string, to: string) {
  return dataOf(
    await graph.query<{
      satisfactionFigures: {
        ratings: number;
        defaulted: number;
        badReviews: number;
        satisfactionRate: number | null;
        badReviewRate: number | null;
      };
    }>(
      `{ satisfactionFigures(from: "${from}", to: "${to}", departmentId: "${departmentId}") {
          ratings defaulted badReviews satisfactionRate badReviewRate } }`,
      { token: leader },
    ),
  ).satisfactionFigures;
}

describe('ratings of finished cases', () => {
  beforeEach(() => graph.clock.set('2026-11-24T09:00:00+08:00'));

  it('opens a pending rating when a case is decided and defaults it after 7 days by the clock', async () => {
    const decided = await decidedCase();
    const pending = await eventually(
      () => caseRating(decided.id),
      (rating) => rating !== null,
    );
    expect(pending).toMatchObject({
      subject: 'CASE',
      status: 'PENDING',
      level: null,
      defaulted: false,
      department: { id: decided.departmentId },
    });
    expect(Date.parse(pending!.dueAt)).toBe(Date.parse('2026-12-01T09:00:00+08:00'));

    // A second process start catches up on what passed while it was down.
    await graph.restart('evaluation');
    graph.clock.set('2026-12-01T08:59:00+08:00');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await caseRating(decided.id))!.status).toBe('PENDING');

    graph.clock.set('2026-12-01T09:00:01+08:00');
    const defaulted = await eventually(
      () => caseRating(decided.id),
      (rating) => rating?.status === 'DEFAULTED',
    );
    expect(defaulted).toMatchObject({
      status: 'DEFAULTED',
      level: 'BASICALLY_SATISFIED',
      defaulted: true,
      ratedOn: '2026-12-01',
      rectification: null,
    });
    expect(await satisfaction(decided.departmentId, '2026-12-01', '2026-12-01')).toMatchObject({
      ratings: 1,
      defaulted: 1,
      satisfactionRate: 1,
      badReviewRate: 0,
    });
    expect(errorCodes(await submit(decided.id, 'SATISFIED'))).toEqual(['CONFLICT']);
    expect((await evaluationEvents(pending!.id)).map((event) => event.type)).toEqual([
      'RatingOpened',
      'RatingDefaulted',
    ]);
  });

  it('takes the applicant’s rating within 7 days, once, and again after a rectification', async () => {
    const decided = await decidedCase();
    await eventually(
      () => caseRating(decided.id),
      (rating) => rating !== null,
    );
    const bad = dataOf(await submit(decided.id, 'VERY_DISSATISFIED')).submitCaseRating;
    expect(bad).toMatchObject({ status: 'RATED', badReview: true, ratedOn: '2026-11-24' });
    expect(bad.rectification).toMatchObject({ status: 'OPEN', callBackBy: '2026-11-25' });
    expect(errorCodes(await submit(decided.id, 'SATISFIED'))).toEqual(['CONFLICT']);

    const ticketId = bad.rectification!.id;
    dataOf(
      await ticketStep('recordBadReviewCallBack', `id: "${ticketId}", note: "已致歉"`, supervision),
    );
    const departmentStaff = await graph.tokenFor('DEPARTMENT_STAFF', {
      departmentId: decided.departmentId,
    });
    dataOf(
      await ticketStep(
        'rectifyBadReview',
        `id: "${ticketId}", measures: "优化流程，缩短办理时间"`,
        departmentStaff,
      ),
    );
    const again = dataOf(await submit(decided.id, 'SATISFIED')).submitCaseRating;
    expect(again).toMatchObject({
      status: 'RATED',
      level: 'SATISFIED',
      previousLevel: 'VERY_DISSATISFIED',
      badReview: false,
    });
    expect(errorCodes(await submit(decided.id, 'SATISFIED'))).toEqual(['CONFLICT']);
  });
});

describe('bad reviews and their rectification', () => {
  beforeEach(() => graph.clock.set('2026-09-29T10:00:00+08:00'));

  it('counts the call-back and rectification deadlines in working days across the National Day holiday', async () => {
    const rating = dataOf(await visit({ level: 'DISSATISFIED' })).recordVisitRating;
    // Tuesday 29 September: 1 working day is the 30th; 15 reach Monday 26 October (1-7
    // October off, Saturday 10 October made up).
    expect(rating.rectification).toMatchObject({
      status: 'OPEN',
      ratedOn: '2026-09-29',
      callBackBy: '2026-09-30',
      rectifyBy: '2026-10-26',
      overdue: false,
    });
    const ticketId = rating.rectification!.id;

    graph.clock.set('2026-10-08T10:00:00+08:00');
    expect(dataOf(await readRating(rating.id)).rating.rectification).toMatchObject({
      callBackOverdue: true,
      rectificationOverdue: false,
      overdue: true,
    });
    const overdue = dataOf(
      await graph.query<{
        rectificationTickets: { nodes: { id: string }[] };
        rectificationFigures: { overdue: number; callBackOverdue: number; open: number };
      }>(
        `{ rectificationTickets(first: 100, filter: { overdue: true }) { nodes { id } }
           rectificationFigures(departmentId: "${counter.departmentId}") { overdue callBackOverdue open } }`,
        { token: supervision },
      ),
    );
    expect(overdue.rectificationTickets.nodes.map((node) => node.id)).toContain(ticketId);
    expect(overdue.rectificationFigures.callBackOverdue).toBeGreaterThanOrEqual(1);

    dataOf(await ticketStep('recordBadReviewCallBack', `id: "${ticketId}"`, supervision));
    graph.clock.set('2026-10-26T17:00:00+08:00');
    expect(dataOf(await readRating(rating.id)).rating.rectification).toMatchObject({
      status: 'CALLED_BACK',
      overdue: false,
    });
    graph.clock.set('2026-10-27T09:00:00+08:00');
    expect(dataOf(await readRating(rating.id)).rating.rectification).toMatchObject({
      rectificationOverdue: true,
    });

    const other = catalog.departments.find((department) => department.id !== counter.departmentId)!;
    const outsider = await graph.tokenFor('DEPARTMENT_STAFF', { departmentId: other.id });
    expect(
      errorCodes(
        await ticketStep('rectifyBadReview', `id: "${ticketId}", measures: "整改"`, outsider),
      ),
    ).toEqual(['FORBIDDEN']);
    const own = await graph.tokenFor('DEPARTMENT_STAFF', { departmentId: counter.departmentId });
    const rectified = dataOf(
      await ticketStep('rectifyBadReview', `id: "${ticketId}", measures: "窗口人员培训"`, own),
    ).rectifyBadReview!;
    expect(rectified).toMatchObject({ status: 'RECTIFIED', overdue: false });
    expect((await evaluationEvents(ticketId)).map((event) => event.type)).toEqual([
      'BadReviewTicketOpened',
      'BadReviewCalledBack',
      'BadReviewRectified',
    ]);
  });

  it('voids a malicious review on an upheld appeal, and the figures leave it out', async () => {
    graph.clock.set('2026-10-14T10:00:00+08:00');
    const before = await satisfaction(counter.departmentId, '2026-10-14', '2026-10-14');
    const rating = dataOf(await visit({ level: 'VERY_DISSATISFIED' })).recordVisitRating;
    expect((await satisfaction(counter.departmentId, '2026-10-14', '2026-10-14')).badReviews).toBe(
      before.badReviews + 1,
    );
    const own = await graph.tokenFor('DEPARTMENT_STAFF', { departmentId: counter.departmentId });
    const ticketId = rating.rectification!.id;
    expect(
      dataOf(await ticketStep('appealBadReview', `id: "${ticketId}", reason: "恶意差评"`, own))
        .appealBadReview,
    ).toMatchObject({ appealStatus: 'FILED' });
    expect(
      errorCodes(await ticketStep('decideBadReviewAppeal', `id: "${ticketId}", uphold: true`, own)),
    ).toEqual(['FORBIDDEN']);
    expect(
      dataOf(
        await ticketStep(
          'decideBadReviewAppeal',
          `id: "${ticketId}", uphold: true, note: "经核实为误评"`,
          supervision,
        ),
      ).decideBadReviewAppeal,
    ).toMatchObject({ status: 'VOIDED', appealStatus: 'UPHELD' });
    expect(dataOf(await readRating(rating.id)).rating.status).toBe('VOIDED');
    expect(await satisfaction(counter.departmentId, '2026-10-14', '2026-10-14')).toMatchObject({
      badReviews: before.badReviews,
      ratings: before.ratings,
    });
  });
});

describe('the privacy of raters', () => {
  beforeEach(() => graph.clock.set('2026-11-24T09:00:00+08:00'));

  it('shows the rater only to the service bureau and supervision, and never on the event log', async () => {
    const rating = dataOf(
      await visit({ level: 'SATISFIED', raterName: '张秀英', raterPhone: '13912345678' }),
    ).recordVisitRating;
    // The clerk at the pad does not read it back either.
    expect(rating).toMatchObject({ raterName: null, raterPhone: null });
    for (const token of [supervision, admin]) {
      expect(dataOf(await readRating(rating.id, token)).rating).toMatchObject({
        raterName: '张秀英',
        raterPhone: '13912345678',
      });
    }
    const own = await graph.tokenFor('DEPARTMENT_STAFF', { departmentId: counter.departmentId });
    for (const token of [leader, own]) {
      expect(dataOf(await readRating(rating.id, token)).rating).toMatchObject({
        raterName: null,
        raterPhone: null,
      });
    }
    const other = catalog.departments.find((department) => department.id !== counter.departmentId)!;
    const outsider = await graph.tokenFor('DEPARTMENT_STAFF', { departmentId: other.id });
    expect(errorCodes(await readRating(rating.id, outsider))).toEqual(['FORBIDDEN']);
    const partner = await graph.tokenFor('PARTNER', { organizationId: other.id });
    expect(errorCodes(await readRating(rating.id, partner))).toEqual(['FORBIDDEN']);
    const events = await evaluationEvents(rating.id);
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toMatch(/张秀英|13912345678/);
  });
});

describe('call-backs', () => {
  beforeEach(() => graph.clock.set('2026-11-24T09:00:00+08:00'));

  it('records calls against a decided case and flags integrity concerns', async () => {
    const decided = await decidedCase();
    await eventually(
      () => caseRating(decided.id),
      (rating) => rating !== null,
    );
    const record = (input: Record<string, unknown>) =>
      graph.query<{ recordCallBack: { id: string; flagged: boolean; reached: boolean } }>(
        `mutation ($input: RecordCallBackInput!) { recordCallBack(input: $input) {
           id flagged reached serviceQuality timeTaken integrityConcern calledOn case { id } } }`,
        { variables: { input: { caseId: decided.id, ...input } }, token: clerk },
      );
    expect(dataOf(await record({ reached: false })).recordCallBack).toMatchObject({
      reached: false,
      flagged: false,
    });
    expect(errorCodes(await record({ reached: true }))).toEqual(['BAD_USER_INPUT']);
    const flagged = dataOf(
      await record({
        reached: true,
        serviceQuality: 'FAIR',
        timeTaken: 'AS_PROMISED',
        integrityConcern: '窗口人员暗示需要请客',
      }),
    ).recordCallBack;
    expect(flagged).toMatchObject({ reached: true, flagged: true });
    expect(
      errorCodes(
        await graph.query(
          `mutation { recordCallBack(input: { caseId: "${catalog.departments[0]!.id}", reached: false }) { id } }`,
          { token: clerk },
        ),
      ),
    ).toEqual(['NOT_FOUND']);
    const listed = dataOf(
      await graph.query<{
        callBacks: { nodes: { id: string }[] };
        case: { callBacks: { id: string }[] };
      }>(
        `{ callBacks(first: 50, filter: { flagged: true }) { nodes { id } }
           case(id: "${decided.id}") { callBacks { id } } }`,
        { token: supervision },
      ),
    );
    expect(listed.callBacks.nodes.map((node) => node.id)).toContain(flagged.id);
    expect(listed.case.callBacks).toHaveLength(2);
    expect((await evaluationEvents(flagged.id))[0]).toMatchObject({
      type: 'CallBackRecorded',
      payload: expect.objectContaining({ flagged: true }),
    });
  });
});
