import { dataOf, errorCodes, sqlRows, startTestGraph, type TestGraph } from '@hall/test';

let graph: TestGraph;
let clerk: string;
let leader: string;
beforeAll(async () => {
  graph = await startTestGraph({ history: true });
  clerk = await graph.tokenFor('ACCEPTANCE_CLERK');
  leader = await graph.tokenFor('CITY_LEADER');
});
afterAll(() => graph.close());

interface MatterRow {
  id: string;
  code: string;
  kind: string;
  promisedLimitDays: number;
  department: { id: string };
}

async function matters(kind: string): Promise<MatterRow[]> {
  const data = dataOf(
    await graph.query<{ matters: { nodes: MatterRow[] } }>(
      `query ($kind: MatterKind) {
        matters(first: 100, filter: { kind: $kind }) {
          nodes { id code kind promisedLimitDays department { id } }
        }
      }`,
      { variables: { kind } },
    ),
  );
  return data.matters.nodes;
}

const APPLICANT = {
  kind: 'PERSON',
  name: '王海燕',
  identityNumber: '370687198803152411',
  phone: '13805351234',
};

const CASE_FIELDS = `id serialNo status version matterKind
  clock { startedOn dueOn statutoryDueOn pausedWorkingDays paused remainingWorkingDays elapsedRatio onTime limitDays usedWorkingDays }
  timeline { sequence action fromStatus toStatus actor reason }
  allowedActions onTime`;

interface CaseView {
  id: string;
  serialNo: string;
  status: string;
  version: number;
  matterKind: string;
  clock: {
    startedOn: string;
    dueOn: string;
    statutoryDueOn: string;
    pausedWorkingDays: number;
    paused: boolean;
    remainingWorkingDays: number;
    elapsedRatio: number;
    onTime: boolean;
    limitDays: number;
    usedWorkingDays: number;
  } | null;
  timeline: { sequence: number; action: string; fromStatus: string | null; toStatus: string }[];
  allowedActions: string[];
  onTime: boolean | null;
}

async function register(matterId: string, token = clerk): Promise<CaseView> {
  const data = dataOf(
    await graph.query<{ registerCase: CaseView }>(
      `mutation ($input: RegisterCaseInput!) { registerCase(input: $input) { ${CASE_FIELDS} } }`,
      { variables: { input: { matterId, applicant: APPLICANT } }, token },
    ),
  );
  return data.registerCase;
}

async function step(mutation: string, args: string, token = clerk) {
  return graph.query<Record<string, CaseView>>(
    `mutation { ${mutation}(${args}) { ${CASE_FIELDS} } }`,
    { token },
  );
}

async function eventCount(caseId: string): Promise<number> {
  const [row] = await sqlRows<{ n: number }>(
    graph.database.url,
    'select count(*)::int as n from cases.event_log where aggregate_id = $1',
    [caseId],
  );
  return row!.n;
}

function setClock(instant: string) {
  graph.clock.set(instant);
}

describe('cases through the gateway', () => {
  let promised: MatterRow;
  let immediate: MatterRow;

  beforeAll(async () => {
    promised = (await matters('PROMISED')).find((matter) => matter.promisedLimitDays >= 5)!;
    immediate = (await matters('IMMEDIATE'))[0]!;
  });
  beforeEach(() => setClock('2026-11-24T09:00:00+08:00'));

  it('shows the gazette’s history: 3,398 cases in 2010, 3,643 in 2011, all on time', async () => {
    const data = dataOf(
      await graph.query<
        Record<string, { registered: number; completed: number; onTimeRate: number }>
      >(
        `{
          y2010: caseFigures(from: "2010-01-01", to: "2010-12-31") { registered completed onTimeRate }
          y2011: caseFigures(from: "2011-01-01", to: "2011-12-31") { registered completed onTimeRate }
        }`,
        { token: leader },
      ),
    );
    expect(data.y2010).toEqual({ registered: 3398, completed: expect.any(Number), onTimeRate: 1 });
    expect(data.y2011!.registered).toBe(3643);
    expect(data.y2011!.onTimeRate).toBe(1);
    expect(data.y2010!.completed).toBeGreaterThan(3300);
  });

  it('registers a case, one step on its timeline and one event, with the matter’s terms', async () => {
    const registered = await register(promised.id);
    expect(registered).toMatchObject({
      status: 'RECEIVED',
      version: 1,
      clock: null,
      onTime: null,
      matterKind: 'PROMISED',
      timeline: [{ sequence: 1, action: 'REGISTER', fromStatus: null, toStatus: 'RECEIVED' }],
    });
    expect(registered.serialNo).toMatch(new RegExp(`^20261124-${promised.code}-\\d{6}$`));
    expect(registered.allowedActions).toEqual(
      expect.arrayContaining(['ACCEPT', 'REFUSE', 'REQUEST_SUPPLEMENT', 'WITHDRAW']),
    );
    expect(await eventCount(registered.id)).toBe(1);
  });

  it('masks the applicant’s identity number and phone for those who may not see them', async () => {
    const { id } = await register(promised.id);
    const query = `query ($id: ID!) { case(id: $id) { applicant { name identityNumber phone } } }`;
    const asLeader = dataOf(
      await graph.query<{ case: { applicant: Record<string, string> } }>(query, {
        variables: { id },
        token: leader,
      }),
    );
    expect(asLeader.case.applicant).toEqual({
      name: '王海燕',
      identityNumber: '3706**********2411',
      phone: '138****1234',
    });
    const asClerk = dataOf(
      await graph.query<{ case: { applicant: Record<string, string> } }>(query, {
        variables: { id },
        token: clerk,
      }),
    );
    expect(asClerk.case.applicant.identityNumber).toBe(APPLICANT.identityNumber);
    const ownDepartment = await graph.tokenFor('DEPARTMENT_STAFF', {
      departmentId: promised.department.id,
    });
    const asDepartment = dataOf(
      await graph.query<{ case: { applicant: Record<string, string> } }>(query, {
        variables: { id },
        token: ownDepartment,
      }),
    );
    expect(asDepartment.case.applicant.phone).toBe(APPLICANT.phone);
  });

  it('runs a case through review, a supplement, a special procedure and an extension to delivery', async () => {
    const { id } = await register(promised.id);
    const accepted = dataOf(await step('acceptCase', `id: "${id}"`)).acceptCase!;
    expect(accepted.clock).toMatchObject({
      startedOn: '2026-11-24',
      limitDays: promised.promisedLimitDays,
      pausedWorkingDays: 0,
      onTime: true,
    });
    const dueAtAcceptance = accepted.clock!.dueOn;
    dataOf(await step('startReview', `id: "${id}"`));

    // Wednesday: material is missing; it arrives on Monday, three working days later.
    setClock('2026-11-25T10:00:00+08:00');
    const stopped = dataOf(
      await step('requestSupplement', `id: "${id}", missingMaterials: ["现场平面布置图"]`),
    ).requestSupplement!;
    expect(stopped.status).toBe('SUPPLEMENT_REQUESTED');
    expect(stopped.clock!.paused).toBe(true);
    setClock('2026-11-30T10:00:00+08:00');
    const resumed = dataOf(await step('receiveSupplement', `id: "${id}"`)).receiveSupplement!;
    expect(resumed.status).toBe('UNDER_REVIEW');
    expect(resumed.clock!.pausedWorkingDays).toBe(3); // Thu, Fri, Mon given back
    expect(resumed.clock!.dueOn > dueAtAcceptance).toBe(true);

    const special = dataOf(
      await step(
        'startSpecialProcedure',
        `id: "${id}", input: { procedure: EXPERT_REVIEW, legalBasis: "《行政许可法》第四十五条", approver: "分管副局长" }`,
      ),
    ).startSpecialProcedure!;
    expect(special.status).toBe('SPECIAL_PROCEDURE');
    setClock('2026-12-02T10:00:00+08:00');
    expect(
      dataOf(await step('endSpecialProcedure', `id: "${id}"`)).endSpecialProcedure!.clock!
        .pausedWorkingDays,
    ).toBe(5);

    const extended = dataOf(
      await step('extendCase', `id: "${id}", reason: "需补充专家论证", approver: "局长"`),
    ).extendCase!;
    expect(extended.status).toBe('EXTENDED');
    expect(extended.clock!.limitDays).toBe(promised.promisedLimitDays + 10);
    const again = await step('extendCase', `id: "${id}", reason: "再延", approver: "局长"`);
    expect(errorCodes(again)).toEqual(['CONFLICT']);

    const approved = dataOf(await step('approveCase', `id: "${id}"`)).approveCase!;
    expect(approved.status).toBe('COMPLETED_APPROVED');
    expect(approved.onTime).toBe(true);
    const delivered = dataOf(
      await step('deliverCase', `id: "${id}", note: "窗口领取"`),
    ).deliverCase!;
    expect(delivered.status).toBe('DELIVERED');
    expect(delivered.allowedActions).toEqual([]);
    expect(delivered.timeline.map((entry) => entry.action)).toEqual([
      'REGISTER',
      'ACCEPT',
      'START_REVIEW',
      'REQUEST_SUPPLEMENT',
      'RECEIVE_SUPPLEMENT',
      'START_SPECIAL_PROCEDURE',
      'END_SPECIAL_PROCEDURE',
      'EXTEND',
      'APPROVE',
      'DELIVER',
    ]);
    expect(await eventCount(id)).toBe(10);
  });

  it('refuses to accept with a reason, and lets an applicant withdraw', async () => {
    const refused = await register(promised.id);
    const notAccepted = dataOf(
      await step('refuseCase', `id: "${refused.id}", reason: "申请事项不属于本部门职权范围"`),
    ).refuseCase!;
    expect(notAccepted).toMatchObject({ status: 'NOT_ACCEPTED', allowedActions: [] });
    expect(errorCodes(await step('acceptCase', `id: "${refused.id}"`))).toEqual(['CONFLICT']);

    const withdrawn = await register(promised.id);
    dataOf(await step('acceptCase', `id: "${withdrawn.id}"`));
    const gone = dataOf(
      await step('withdrawCase', `id: "${withdrawn.id}", reason: "申请人主动撤回"`),
    ).withdrawCase!;
    expect(gone.status).toBe('WITHDRAWN');
    expect(gone.timeline.at(-1)).toMatchObject({ action: 'WITHDRAW', fromStatus: 'ACCEPTED' });
    expect(errorCodes(await step('approveCase', `id: "${withdrawn.id}"`))).toEqual(['CONFLICT']);
  });

  it('denies a case, with or without a stated reason, and delivers the decision', async () => {
    const { id } = await register(promised.id);
    dataOf(await step('acceptCase', `id: "${id}"`));
    dataOf(await step('startReview', `id: "${id}"`));
    const denied = dataOf(
      await step('denyCase', `id: "${id}", reason: "现场核查不符合规划要求"`),
    ).denyCase!;
    expect(denied.status).toBe('COMPLETED_DENIED');
    expect(dataOf(await step('deliverCase', `id: "${id}"`)).deliverCase!.status).toBe('DELIVERED');
  });

  it('refuses an illegal step with CONFLICT and writes nothing', async () => {
    const { id } = await register(promised.id);
    const events = await eventCount(id);
    for (const [mutation, args] of [
      ['approveCase', `id: "${id}"`],
      ['deliverCase', `id: "${id}"`],
      ['endSpecialProcedure', `id: "${id}"`],
      ['receiveSupplement', `id: "${id}"`],
      ['extendCase', `id: "${id}", reason: "r", approver: "a"`],
    ] as const) {
      const response = await step(mutation, args);
      expect(errorCodes(response)).toEqual(['CONFLICT']);
      expect(response.errors![0]!.message).toContain('RECEIVED');
    }
    const after = dataOf(
      await graph.query<{ case: CaseView }>(`{ case(id: "${id}") { ${CASE_FIELDS} } }`, {
        token: clerk,
      }),
    ).case;
    expect(after.version).toBe(1);
    expect(after.timeline).toHaveLength(1);
    expect(await eventCount(id)).toBe(events);
  });

  it('lets only one of several clerks moving a case at once win', async () => {
    const { id } = await register(promised.id);
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => step('acceptCase', `id: "${id}"`)),
    );
    const codes = responses.map((response) => errorCodes(response)[0] ?? 'OK');
    expect(codes.filter((code) => code === 'OK')).toHaveLength(1);
    expect(codes.filter((code) => code === 'CONFLICT')).toHaveLength(5);
    const [row] = await sqlRows<{ steps: number; version: number }>(
      graph.database.url,
      `select (select count(*)::int from cases.case_step where case_id = $1) as steps, version from cases."case" where id = $1`,
      [id],
    );
    expect(row).toEqual({ steps: 2, version: 2 });
    expect(await eventCount(id)).toBe(2);
  });

  it('refuses a stale expectedVersion', async () => {
    const { id } = await register(promised.id);
    dataOf(await step('acceptCase', `id: "${id}", expectedVersion: 1`));
    expect(errorCodes(await step('startReview', `id: "${id}", expectedVersion: 1`))).toEqual([
      'CONFLICT',
    ]);
  });

  it('finishes an immediate matter the same day, or late the next', async () => {
    const today = await register(immediate.id);
    dataOf(await step('acceptCase', `id: "${today.id}"`));
    const done = dataOf(await step('approveCase', `id: "${today.id}"`)).approveCase!;
    expect(done).toMatchObject({ status: 'COMPLETED_APPROVED', onTime: true });
    expect(done.clock!.dueOn).toBe('2026-11-24');

    const slow = await register(immediate.id);
    dataOf(await step('acceptCase', `id: "${slow.id}"`));
    setClock('2026-11-25T09:30:00+08:00');
    expect(dataOf(await step('approveCase', `id: "${slow.id}"`)).approveCase!.onTime).toBe(false);
    expect(
      errorCodes(
        await step(
          'startSpecialProcedure',
          `id: "${today.id}", input: { procedure: HEARING, legalBasis: "x", approver: "y" }`,
        ),
      ),
    ).toEqual(['CONFLICT']);
  });

  it('counts a late supplement notice as accepted on the day of receipt (Art. 32)', async () => {
    const { id } = await register(promised.id);
    // Tuesday 11-24 + 6 working days: Wednesday 12-02.
    setClock('2026-12-02T09:00:00+08:00');
    const late = dataOf(
      await step('requestSupplement', `id: "${id}", missingMaterials: ["营业执照副本复印件"]`),
    ).requestSupplement!;
    expect(late.clock!.startedOn).toBe('2026-11-24');
    setClock('2026-12-03T09:00:00+08:00');
    const accepted = dataOf(await step('receiveSupplement', `id: "${id}"`)).receiveSupplement!;
    expect(accepted.status).toBe('ACCEPTED');
    expect(accepted.clock!.startedOn).toBe('2026-11-24');
    expect(accepted.clock!.pausedWorkingDays).toBe(1);
  });

  it('moves the due date when the calendar changes', async () => {
    const { id } = await register(promised.id);
    const before = dataOf(await step('acceptCase', `id: "${id}"`)).acceptCase!.clock!.dueOn;
    const admin = await graph.tokenFor('SERVICE_BUREAU_ADMIN');
    dataOf(
      await graph.query(
        `mutation { setCalendarException(input: { date: "2026-11-26", kind: HOLIDAY, name: "临时休假" }) { date } }`,
        { token: admin },
      ),
    );
    const read = async () =>
      dataOf(
        await graph.query<{ case: CaseView }>(`{ case(id: "${id}") { clock { dueOn } } }`, {
          token: clerk,
        }),
      ).case.clock!.dueOn;
    // The catalog announces the change; the cases subgraph drops its copy of the calendar.
    let after = before;
    for (let tries = 0; tries < 50 && after === before; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await read();
    }
    expect(after > before).toBe(true);
    dataOf(
      await graph.query(`mutation { removeCalendarException(date: "2026-11-26") { date } }`, {
        token: admin,
      }),
    );
  });

  it('answers bad input with stable codes', async () => {
    expect(errorCodes(await step('acceptCase', 'id: "not-an-id"'))).toEqual(['BAD_USER_INPUT']);
    expect(
      errorCodes(await step('acceptCase', 'id: "00000000-0000-4000-8000-000000000000"')),
    ).toEqual(['NOT_FOUND']);
    const anonymous = await graph.query(
      `mutation { acceptCase(id: "00000000-0000-4000-8000-000000000000") { id } }`,
    );
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    const { id } = await register(promised.id);
    const otherDepartment = await graph.tokenFor('DEPARTMENT_STAFF', {
      departmentId: '00000000-0000-4000-8000-000000000001',
    });
    expect(errorCodes(await step('acceptCase', `id: "${id}"`, otherDepartment))).toEqual([
      'FORBIDDEN',
    ]);
    const badApplicant = await graph.query(
      `mutation ($input: RegisterCaseInput!) { registerCase(input: $input) { id } }`,
      {
        variables: {
          input: {
            matterId: promised.id,
            applicant: { ...APPLICANT, identityNumber: '370687198803152412' },
          },
        },
        token: clerk,
      },
    );
    expect(errorCodes(badApplicant)).toEqual(['BAD_USER_INPUT']);
    expect(badApplicant.errors![0]!.extensions).toMatchObject({
      field: 'input.applicant.identityNumber',
    });
    const refusal = await step('refuseCase', `id: "${id}", reason: "  "`);
    expect(errorCodes(refusal)).toEqual(['BAD_USER_INPUT']);
  });

  it('keeps the day’s figures with every step', async () => {
    const figures = async () =>
      dataOf(
        await graph.query<{ hallToday: { casesRegistered: number; casesCompleted: number } }>(
          '{ hallToday { casesRegistered casesCompleted } }',
        ),
      ).hallToday;
    setClock('2026-12-07T09:00:00+08:00');
    const before = await figures();
    const one = await register(immediate.id);
    dataOf(await step('acceptCase', `id: "${one.id}"`));
    dataOf(await step('approveCase', `id: "${one.id}"`));
    expect(await figures()).toEqual({
      casesRegistered: before.casesRegistered + 1,
      casesCompleted: before.casesCompleted + 1,
    });
  });
});
