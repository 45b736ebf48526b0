import { dataOf, errorCodes, startTestGraph, type TestGraph } from '@hall/test';

let graph: TestGraph;
let clerk: string;
beforeAll(async () => {
  graph = await startTestGraph();
  clerk = await graph.tokenFor('ACCEPTANCE_CLERK');
});
afterAll(() => graph.close());
beforeEach(() => graph.clock.set('2026-11-24T09:00:00+08:00'));

interface MatterRow {
  id: string;
  code: string;
  promisedLimitDays: number;
  siteSurvey: boolean;
  department: { id: string; code: string };
}

const APPLICANT = {
  kind: 'ENTERPRISE',
  name: '海阳市海丰建筑工程有限公司',
  identityNumber: '91370687MA3C4B5X02',
  phone: '0535-3212345',
};

async function promisedMatters(): Promise<MatterRow[]> {
  return dataOf(
    await graph.query<{ matters: { nodes: MatterRow[] } }>(
      `{ matters(first: 100, filter: { kind: PROMISED }) {
          nodes { id code promisedLimitDays siteSurvey department { id code } } } }`,
    ),
  ).matters.nodes;
}

describe('joint projects (并联审批)', () => {
  it('reviews member cases in parallel and completes with the last of them', async () => {
    const matters = await promisedMatters();
    const first = matters[0]!;
    const second = matters.find((matter) => matter.department.id !== first.department.id)!;
    const staff = dataOf(
      await graph.query<{ staffMembers: { nodes: { id: string }[] } }>(
        '{ staffMembers(first: 1) { nodes { id } } }',
      ),
    ).staffMembers.nodes[0]!;
    const started = await graph.query<{
      startJointProject: {
        id: string;
        code: string;
        status: string;
        doubleKey: boolean;
        proxyAgent: { id: string } | null;
        leadDepartment: { id: string };
        members: { id: string; channel: string; status: string; department: { id: string } }[];
      };
    }>(
      `mutation ($input: StartJointProjectInput!) {
        startJointProject(input: $input) {
          id code status doubleKey proxyAgent { id } leadDepartment { id }
          members { id channel status department { id } }
        }
      }`,
      {
        variables: {
          input: {
            name: '海阳市滨海新区商业综合体项目',
            leadDepartmentId: first.department.id,
            matterIds: [first.id, second.id],
            doubleKey: true,
            proxyAgentStaffId: staff.id,
            applicant: APPLICANT,
          },
        },
        token: clerk,
      },
    );
    const project = dataOf(started).startJointProject;
    expect(project.code).toMatch(/^BL2026-\d{4}$/);
    expect(project).toMatchObject({
      status: 'IN_PROGRESS',
      doubleKey: true,
      proxyAgent: { id: staff.id },
    });
    expect(project.members).toHaveLength(2);
    expect(project.members.every((member) => member.channel === 'PROXY')).toBe(true);
    expect(new Set(project.members.map((member) => member.department.id)).size).toBe(2);

    const survey = await graph.query<{ scheduleJointSiteSurvey: { siteSurveyOn: string } }>(
      `mutation { scheduleJointSiteSurvey(id: "${project.id}", on: "2026-11-27") { siteSurveyOn } }`,
      { token: clerk },
    );
    expect(dataOf(survey).scheduleJointSiteSurvey.siteSurveyOn).toBe('2026-11-27');
    const twice = await graph.query(
      `mutation { scheduleJointSiteSurvey(id: "${project.id}", on: "2026-11-30") { siteSurveyOn } }`,
      { token: clerk },
    );
    expect(errorCodes(twice)).toEqual(['CONFLICT']);

    const decide = async (id: string) => {
      for (const mutation of ['acceptCase', 'startReview', 'approveCase']) {
        dataOf(await graph.query(`mutation { ${mutation}(id: "${id}") { id } }`, { token: clerk }));
      }
    };
    await decide(project.members[0]!.id);
    const midway = dataOf(
      await graph.query<{ jointProject: { status: string; dueOn: string } }>(
        `{ jointProject(id: "${project.id}") { status dueOn } }`,
        { token: clerk },
      ),
    ).jointProject;
    expect(midway.status).toBe('IN_PROGRESS');
    graph.clock.set('2026-11-26T15:00:00+08:00');
    await decide(project.members[1]!.id);
    const done = dataOf(
      await graph.query<{ jointProject: { status: string; signedOffOn: string } }>(
        `{ jointProject(id: "${project.id}") { status signedOffOn } }`,
        { token: clerk },
      ),
    ).jointProject;
    expect(done).toEqual({ status: 'COMPLETED', signedOffOn: '2026-11-26' });
  });

  it('refuses a project within one department or without a proxy agent for double-key', async () => {
    const matters = await promisedMatters();
    const first = matters[0]!;
    const sameDepartment = matters.find(
      (matter) => matter.department.id === first.department.id && matter.id !== first.id,
    );
    const other = matters.find((matter) => matter.department.id !== first.department.id)!;
    const start = (input: Record<string, unknown>) =>
      graph.query(
        `mutation ($input: StartJointProjectInput!) { startJointProject(input: $input) { id } }`,
        {
          variables: {
            input: {
              name: '项目',
              leadDepartmentId: first.department.id,
              applicant: APPLICANT,
              ...input,
            },
          },
          token: clerk,
        },
      );
    if (sameDepartment) {
      expect(errorCodes(await start({ matterIds: [first.id, sameDepartment.id] }))).toEqual([
        'BAD_USER_INPUT',
      ]);
    }
    expect(errorCodes(await start({ matterIds: [first.id, other.id], doubleKey: true }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});

describe('the queue and appointments', () => {
  it('calls appointments first, then walk-ins in order; the lobby figures follow', async () => {
    const matters = await promisedMatters();
    const windows = dataOf(
      await graph.query<{
        windows: { nodes: { id: string; department: { id: string } | null }[] };
      }>(
        '{ windows(first: 100, filter: { kind: DEPARTMENT }) { nodes { id department { id } } } }',
      ),
    ).windows.nodes;
    const window = windows[0]!;
    const matter = matters.find((m) => m.department.id === window.department!.id)!;

    const take = async () =>
      dataOf(
        await graph.query<{ takeTicket: { id: string; number: string; status: string } }>(
          `mutation { takeTicket(matterId: "${matter.id}") { id number status } }`,
          { token: clerk },
        ),
      ).takeTicket;
    const walkIns = [await take(), await take()];
    expect(walkIns.map((ticket) => ticket.number)).toEqual(['A001', 'A002']);

    const slots = dataOf(
      await graph.query<{ appointmentSlots: { startsAt: string; available: number }[] }>(
        `{ appointmentSlots(windowId: "${window.id}", date: "2026-11-24") { startsAt available } }`,
      ),
    ).appointmentSlots;
    const slot = slots.find((candidate) => candidate.startsAt > '2026-11-24T02:00:00')!;
    expect(slot.available).toBe(2);
    const book = () =>
      graph.query<{ bookAppointment: { id: string; code: string } }>(
        `mutation ($input: BookAppointmentInput!) { bookAppointment(input: $input) { id code } }`,
        {
          variables: {
            input: {
              matterId: matter.id,
              windowId: window.id,
              startsAt: slot.startsAt,
              applicant: APPLICANT,
            },
          },
          token: clerk,
        },
      );
    const appointment = dataOf(await book()).bookAppointment;
    dataOf(await book());
    expect(errorCodes(await book())).toEqual(['CONFLICT']);
    const past = await graph.query(
      `mutation ($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }`,
      {
        variables: {
          input: {
            matterId: matter.id,
            windowId: window.id,
            startsAt: slots[0]!.startsAt,
            applicant: APPLICANT,
          },
        },
        token: clerk,
      },
    );
    expect(errorCodes(past)).toEqual(['BAD_USER_INPUT']);

    graph.clock.set('2026-11-24T09:20:00+08:00');
    const checkedIn = dataOf(
      await graph.query<{ checkInAppointment: { number: string; priority: boolean } }>(
        `mutation { checkInAppointment(id: "${appointment.id}") { number priority } }`,
        { token: clerk },
      ),
    ).checkInAppointment;
    expect(checkedIn).toEqual({ number: 'Y001', priority: true });

    graph.clock.set('2026-11-24T09:30:00+08:00');
    const call = async () =>
      dataOf(
        await graph.query<{ callNextTicket: { id: string; number: string } | null }>(
          `mutation { callNextTicket(windowId: "${window.id}") { id number } }`,
          { token: clerk },
        ),
      ).callNextTicket;
    const calls = await Promise.all([call(), call()]);
    expect(calls.map((ticket) => ticket!.number).sort()).toEqual(['A001', 'Y001']);
    const third = await call();
    expect(third!.number).toBe('A002');
    expect(await call()).toBeNull();

    dataOf(
      await graph.query(`mutation { startServing(id: "${calls[0]!.id}") { id } }`, {
        token: clerk,
      }),
    );
    dataOf(
      await graph.query(`mutation { finishTicket(id: "${calls[0]!.id}") { id } }`, {
        token: clerk,
      }),
    );
    dataOf(
      await graph.query(`mutation { markNoShow(id: "${calls[1]!.id}") { id } }`, { token: clerk }),
    );
    expect(
      errorCodes(
        await graph.query(`mutation { startServing(id: "${calls[1]!.id}") { id } }`, {
          token: clerk,
        }),
      ),
    ).toEqual(['CONFLICT']);

    const today = dataOf(
      await graph.query<{ hallToday: Record<string, number | string | null> }>(
        '{ hallToday { hallDate visitorsToday waiting beingServed served noShows windowsOpen averageWaitMinutes } }',
      ),
    ).hallToday;
    expect(today).toMatchObject({
      hallDate: '2026-11-24',
      visitorsToday: 3,
      waiting: 0,
      beingServed: 1,
      served: 1,
      noShows: 1,
      windowsOpen: 1,
    });
    expect(today.averageWaitMinutes).toBeGreaterThan(0);
    // The catalog's window, with the queue the cases subgraph adds to it.
    const atWindow = dataOf(
      await graph.query<{ window: { queueNow: { number: string; status: string }[] } }>(
        `{ window(id: "${window.id}") { queueNow { number status } } }`,
      ),
    ).window.queueNow;
    expect(atWindow).toEqual([{ number: 'A002', status: 'CALLED' }]);
  });
});

describe('the cost of dashboards', () => {
  it('reads figures of every department and matter in a fixed number of statements', async () => {
    const sql = graph.subgraphs.cases.sql;
    const dashboard = (first: number) =>
      graph.query<{ departments: { nodes: { caseFigures: { registered: number } }[] } }>(
        `query ($first: Int!) {
          hallToday { visitorsToday waiting casesRegistered onTimeRate }
          caseFigures(from: "2026-01-01", to: "2026-12-31") { registered completed onTimeRate }
          caseTrend(from: "2026-01-01", to: "2026-12-31", granularity: MONTH) { periodStart registered }
          departments(first: $first) { nodes { name caseFigures(from: "2026-01-01", to: "2026-12-31") { registered onTimeRate averageWorkingDaysTaken } } }
          matters(first: $first) { nodes { name caseFigures(from: "2026-01-01", to: "2026-12-31") { registered } } }
        }`,
        { variables: { first } },
      );
    sql.reset();
    dataOf(await dashboard(3));
    const few = sql.count;
    sql.reset();
    const many = dataOf(await dashboard(100));
    expect(many.departments.nodes.length).toBe(33);
    expect(sql.count).toBe(few);
    // hallToday 2, hall figures 1, trend 1, departments' figures 1, matters' figures 1.
    expect(sql.count).toBe(6);
  });

  it('lists cases with their clocks, timelines and applicants in a fixed number of statements', async () => {
    const token = await graph.tokenFor('CITY_LEADER');
    const sql = graph.subgraphs.cases.sql;
    const list = (first: number) =>
      graph.query(
        `query ($first: Int!) { cases(first: $first) { totalCount nodes {
            serialNo clock { dueOn remainingWorkingDays } timeline { action } applicant { name phone }
            matter { name department { name } } } } }`,
        { variables: { first }, token },
      );
    sql.reset();
    dataOf(await list(2));
    const few = sql.count;
    sql.reset();
    dataOf(await list(50));
    expect(sql.count).toBe(few);
  });
});
