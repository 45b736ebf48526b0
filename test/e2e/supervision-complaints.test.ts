import { buildCatalogSeed } from '@hall/catalog';
import { dataOf, errorCodes, sqlRows, startTestGraph, type TestGraph } from '@hall/test';

let graph: TestGraph;
let clerk: string;
let supervision: string;
let leader: string;
beforeAll(async () => {
  graph = await startTestGraph();
  clerk = await graph.tokenFor('ACCEPTANCE_CLERK');
  supervision = await graph.tokenFor('SUPERVISION_STAFF');
  leader = await graph.tokenFor('CITY_LEADER');
});
afterAll(() => graph.close());

const [land, tax] = buildCatalogSeed().departments;

const COMPLAINT_FIELDS = `id code status version channel subjectType subjectId receivedOn
  acceptBy answerBy acceptedOn rejectedOn rejectionReason answeredOn answer closedOn satisfaction
  complainantName complainantPhone deadline remainingWorkingDays overdue allowedActions
  department { id }`;

interface ComplaintView {
  id: string;
  code: string;
  status: string;
  version: number;
  receivedOn: string;
  acceptBy: string;
  answerBy: string | null;
  acceptedOn: string | null;
  rejectedOn: string | null;
  rejectionReason: string | null;
  answeredOn: string | null;
  closedOn: string | null;
  satisfaction: string | null;
  complainantName: string;
  complainantPhone: string | null;
  deadline: string | null;
  remainingWorkingDays: number | null;
  overdue: boolean;
  allowedActions: string[];
  department: { id: string };
}

function complaintInput(overrides: Record<string, unknown> = {}) {
  return {
    channel: 'PHONE',
    subjectType: 'DEPARTMENT',
    subjectId: land!.id,
    departmentId: land!.id,
    complainantName: '王海燕',
    complainantPhone: '13805351234',
    content: '办理事项超过承诺时限仍未办结，也未说明原因。',
    ...overrides,
  };
}

function register(input: Record<string, unknown> = complaintInput(), token = clerk) {
  return graph.query<{ registerComplaint: ComplaintView }>(
    `mutation ($input: RegisterComplaintInput!) { registerComplaint(input: $input) { ${COMPLAINT_FIELDS} } }`,
    { variables: { input }, token },
  );
}

function step(mutation: string, args: string, token = supervision) {
  return graph.query<Record<string, ComplaintView>>(
    `mutation { ${mutation}(${args}) { ${COMPLAINT_FIELDS} } }`,
    { token },
  );
}

function read(id: string, token = supervision) {
  return graph.query<{ complaint: ComplaintView }>(
    `query ($id: ID!) { complaint(id: $id) { ${COMPLAINT_FIELDS} } }`,
    { variables: { id }, token },
  );
}

async function events(id: string): Promise<{ type: string; payload: Record<string, unknown> }[]> {
  return sqlRows(
    graph.database.url,
    `select type, payload from supervision.event_log where aggregate_id = $1 order by position`,
    [id],
  );
}

async function complaintRows(): Promise<number> {
  const [row] = await sqlRows<{ n: number }>(
    graph.database.url,
    'select count(*)::int as n from supervision.complaint',
  );
  return row!.n;
}

describe('complaints through the gateway', () => {
  beforeEach(() => graph.clock.set('2026-09-29T10:00:00+08:00'));

  it('counts the deadlines in working days across the National Day holiday', async () => {
    // Tuesday 29 September: 30 Sep, then 1-7 Oct off, 8, 9, Saturday 10 (made up) and 12 Oct.
    const registered = dataOf(await register()).registerComplaint;
    expect(registered).toMatchObject({
      status: 'RECEIVED',
      version: 1,
      receivedOn: '2026-09-29',
      acceptBy: '2026-10-12',
      answerBy: null,
      deadline: '2026-10-12',
      remainingWorkingDays: 5,
      overdue: false,
      department: { id: land!.id },
    });
    expect(registered.code).toMatch(/^TS2026-\d{4}$/);
    expect(registered.allowedActions.sort()).toEqual(['ACCEPT', 'REJECT']);
    expect(await events(registered.id)).toEqual([
      {
        type: 'ComplaintReceived',
        payload: expect.objectContaining({
          complaintId: registered.id,
          departmentId: land!.id,
          status: 'RECEIVED',
          acceptBy: '2026-10-12',
          answerBy: null,
        }),
      },
    ]);

    graph.clock.set('2026-10-09T10:00:00+08:00');
    expect(dataOf(await read(registered.id)).complaint).toMatchObject({
      remainingWorkingDays: 2,
      overdue: false,
    });

    graph.clock.set('2026-10-13T10:00:00+08:00');
    expect(dataOf(await read(registered.id)).complaint).toMatchObject({
      remainingWorkingDays: -1,
      overdue: true,
    });
    const overdue = dataOf(
      await graph.query<{ complaints: { nodes: { id: string }[] } }>(
        `{ complaints(first: 100, filter: { overdue: true }) { nodes { id } } }`,
        { token: supervision },
      ),
    );
    expect(overdue.complaints.nodes.map((node) => node.id)).toContain(registered.id);

    // Accepted late on Tuesday 13 October: answer within 10 working days, by 27 October.
    const accepted = dataOf(
      await step('acceptComplaint', `id: "${registered.id}"`),
    ).acceptComplaint!;
    expect(accepted).toMatchObject({
      status: 'ACCEPTED',
      acceptedOn: '2026-10-13',
      answerBy: '2026-10-27',
      deadline: '2026-10-27',
      overdue: false,
      version: 2,
    });
    const [, acceptedEvent] = await events(registered.id);
    expect(acceptedEvent).toEqual({
      type: 'ComplaintAccepted',
      payload: expect.objectContaining({ status: 'ACCEPTED', answerBy: '2026-10-27' }),
    });
  });

  it('runs a complaint to closing and refuses steps its status does not allow, writing nothing', async () => {
    const { id } = dataOf(await register()).registerComplaint;
    const closeEarly = await step('closeComplaint', `id: "${id}", satisfaction: SATISFIED`);
    expect(errorCodes(closeEarly)).toEqual(['CONFLICT']);
    expect(closeEarly.errors![0]!.extensions).toMatchObject({
      status: 'RECEIVED',
      allowedActions: expect.arrayContaining(['ACCEPT', 'REJECT']),
    });
    expect(dataOf(await read(id)).complaint).toMatchObject({ status: 'RECEIVED', version: 1 });
    expect(await events(id)).toHaveLength(1);

    dataOf(await step('acceptComplaint', `id: "${id}", expectedVersion: 1`));
    const stale = await step(
      'answerComplaint',
      `id: "${id}", answer: "已整改", expectedVersion: 1`,
    );
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    expect(errorCodes(await step('acceptComplaint', `id: "${id}"`))).toEqual(['CONFLICT']);
    expect(errorCodes(await step('rejectComplaint', `id: "${id}", reason: "重复投诉"`))).toEqual([
      'CONFLICT',
    ]);
    expect(await events(id)).toHaveLength(2);

    graph.clock.set('2026-10-15T10:00:00+08:00');
    const answered = dataOf(
      await step('answerComplaint', `id: "${id}", answer: "已责成部门整改并当面答复。"`),
    ).answerComplaint!;
    expect(answered).toMatchObject({
      status: 'ANSWERED',
      answeredOn: '2026-10-15',
      deadline: null,
      overdue: false,
    });
    const closed = dataOf(
      await step('closeComplaint', `id: "${id}", satisfaction: SATISFIED`),
    ).closeComplaint!;
    expect(closed).toMatchObject({
      status: 'CLOSED',
      satisfaction: 'SATISFIED',
      allowedActions: [],
    });
    expect((await events(id)).map((event) => event.type)).toEqual([
      'ComplaintReceived',
      'ComplaintAccepted',
      'ComplaintAnswered',
      'ComplaintClosed',
    ]);
    expect(errorCodes(await step('answerComplaint', `id: "${id}", answer: "再答复"`))).toEqual([
      'CONFLICT',
    ]);
  });

  it('rejects a complaint only with a reason', async () => {
    const { id } = dataOf(await register()).registerComplaint;
    const blank = await step('rejectComplaint', `id: "${id}", reason: "  "`);
    expect(errorCodes(blank)).toEqual(['BAD_USER_INPUT']);
    expect(blank.errors![0]!.extensions!.field).toBe('reason');
    const rejected = dataOf(
      await step(
        'rejectComplaint',
        `id: "${id}", reason: "不属于本中心受理范围，已告知向有关机关反映。"`,
      ),
    ).rejectComplaint!;
    expect(rejected).toMatchObject({
      status: 'REJECTED',
      rejectedOn: '2026-09-29',
      deadline: null,
      allowedActions: [],
    });
    expect(errorCodes(await step('acceptComplaint', `id: "${id}"`))).toEqual(['CONFLICT']);
  });

  it('refuses bad input with the field at fault and writes nothing', async () => {
    const before = await complaintRows();
    const cases: [Record<string, unknown>, string][] = [
      [complaintInput({ subjectId: 'not-an-id' }), 'input.subjectId'],
      [complaintInput({ departmentId: 'x' }), 'input.departmentId'],
      [complaintInput({ subjectId: tax!.id }), 'input.subjectId'],
      [complaintInput({ complainantPhone: null }), 'input.complainantPhone'],
      [complaintInput({ complainantPhone: '12345' }), 'input.complainantPhone'],
      [complaintInput({ complainantName: '   ' }), 'input.complainantName'],
      [complaintInput({ content: '' }), 'input.content'],
    ];
    for (const [input, field] of cases) {
      const response = await register(input);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0]!.extensions!.field).toBe(field);
    }
    expect(errorCodes(await read('0b1c'))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await read('00000000-0000-4000-8000-000000000000'))).toEqual(['NOT_FOUND']);
    expect(await complaintRows()).toBe(before);

    // A letter may come without a phone number.
    const letter = dataOf(
      await register(complaintInput({ channel: 'LETTER', complainantPhone: null })),
    ).registerComplaint;
    expect(letter.complainantPhone).toBeNull();
  });

  it('lets each role do only its part and masks the complainant for the department', async () => {
    const { id } = dataOf(
      await register(
        complaintInput({
          subjectType: 'WINDOW',
          subjectId: '6f0c1a52-2b5e-5d4f-9a10-3b1c2d4e5f60',
        }),
      ),
    ).registerComplaint;
    const ownDepartment = await graph.tokenFor('DEPARTMENT_STAFF', { departmentId: land!.id });
    const otherDepartment = await graph.tokenFor('DEPARTMENT_STAFF', { departmentId: tax!.id });

    expect(errorCodes(await register(complaintInput(), ownDepartment))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await step('acceptComplaint', `id: "${id}"`, leader))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await step('acceptComplaint', `id: "${id}"`, clerk))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await read(id, await graph.tokenFor('LOBBY_DISPLAY')))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await graph.query(`{ complaints { totalCount } }`))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect(errorCodes(await read(id, otherDepartment))).toEqual(['FORBIDDEN']);

    const asDepartment = dataOf(await read(id, ownDepartment)).complaint;
    expect(asDepartment).toMatchObject({
      complainantName: '王**',
      complainantPhone: '138****1234',
    });
    const asLeader = dataOf(await read(id, leader)).complaint;
    expect(asLeader.complainantName).toBe('王**');
    const asSupervision = dataOf(await read(id)).complaint;
    expect(asSupervision).toMatchObject({
      complainantName: '王海燕',
      complainantPhone: '13805351234',
    });

    const listed = dataOf(
      await graph.query<{ complaints: { nodes: { department: { id: string } }[] } }>(
        `{ complaints(first: 100) { nodes { department { id } } } }`,
        { token: otherDepartment },
      ),
    );
    expect(listed.complaints.nodes.every((node) => node.department.id === tax!.id)).toBe(true);
  });

  it('gives complaint figures per period and department, with the satisfaction rate', async () => {
    graph.clock.set('2026-11-02T10:00:00+08:00');
    const satisfied = dataOf(
      await register(complaintInput({ departmentId: tax!.id, subjectId: tax!.id })),
    ).registerComplaint;
    const basically = dataOf(
      await register(complaintInput({ departmentId: tax!.id, subjectId: tax!.id })),
    ).registerComplaint;
    const rejected = dataOf(
      await register(complaintInput({ departmentId: tax!.id, subjectId: tax!.id })),
    ).registerComplaint;
    const waiting = dataOf(
      await register(complaintInput({ departmentId: tax!.id, subjectId: tax!.id })),
    ).registerComplaint;
    for (const [complaint, satisfaction] of [
      [satisfied, 'SATISFIED'],
      [basically, 'BASICALLY_SATISFIED'],
    ] as const) {
      dataOf(await step('acceptComplaint', `id: "${complaint.id}"`));
      dataOf(await step('answerComplaint', `id: "${complaint.id}", answer: "已答复"`));
      dataOf(await step('closeComplaint', `id: "${complaint.id}", satisfaction: ${satisfaction}`));
    }
    dataOf(await step('rejectComplaint', `id: "${rejected.id}", reason: "匿名且无具体事实"`));
    void waiting;

    // Two weeks on, the waiting one is past its acceptBy.
    graph.clock.set('2026-11-16T10:00:00+08:00');
    const fields = `received accepted rejected answered closed open overdue decidedOnTime
      answeredOnTime satisfied basicallySatisfied dissatisfied satisfactionRate`;
    const data = dataOf(
      await graph.query<{
        department: { complaintFigures: Record<string, number | null> };
        complaintFigures: Record<string, number | null>;
      }>(
        `query ($id: ID!) {
          department(id: $id) { complaintFigures(from: "2026-11-01", to: "2026-11-30") { ${fields} } }
          complaintFigures(from: "2026-11-01", to: "2026-11-30") { received }
        }`,
        { variables: { id: tax!.id }, token: leader },
      ),
    );
    expect(data.department.complaintFigures).toEqual({
      received: 4,
      accepted: 2,
      rejected: 1,
      answered: 2,
      closed: 2,
      open: 1,
      overdue: 1,
      decidedOnTime: 3,
      answeredOnTime: 2,
      satisfied: 1,
      basicallySatisfied: 1,
      dissatisfied: 0,
      satisfactionRate: 1,
    });
    expect(data.complaintFigures.received).toBe(4);

    const ownDepartment = await graph.tokenFor('DEPARTMENT_STAFF', { departmentId: tax!.id });
    const figuresQuery = `query ($id: ID!) { department(id: $id) { complaintFigures(from: "2026-11-01", to: "2026-11-30") { received } } }`;
    expect(
      dataOf(
        await graph.query<{ department: { complaintFigures: { received: number } } }>(
          figuresQuery,
          { variables: { id: tax!.id }, token: ownDepartment },
        ),
      ).department.complaintFigures.received,
    ).toBe(4);
    expect(
      errorCodes(
        await graph.query(figuresQuery, { variables: { id: land!.id }, token: ownDepartment }),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(
        await graph.query(
          `{ complaintFigures(from: "2026-12-01", to: "2026-11-01") { received } }`,
          {
            token: leader,
          },
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
  });
});
