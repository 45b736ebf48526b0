import { dataOf, errorCodes, raiseLightOnCase, startTestGraph, type TestGraph } from '@hall/test';

let graph: TestGraph;
let clerk: string;
let supervisor: string;
beforeAll(async () => {
  graph = await startTestGraph();
  clerk = await graph.tokenFor('ACCEPTANCE_CLERK');
  supervisor = await graph.tokenFor('SUPERVISION_STAFF');
});
afterAll(() => graph.close());

const APPLICANT = {
  kind: 'PERSON',
  name: '李建国',
  identityNumber: '370687198803152411',
  phone: '13805351234',
};

interface Light {
  id: string;
  level: string;
  status: string;
  rule: string;
  history: { action: string; level: string; rule: string | null }[];
}

const LIGHT = 'id level status rule history { action level rule }';

/** Waits for a condition that the light watch brings about within a second or so. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

async function lightOf(caseId: string): Promise<Light | null> {
  const data = dataOf(
    await graph.query<{ case: { alertLight: Light | null } }>(
      `{ case(id: "${caseId}") { alertLight { ${LIGHT} } } }`,
      { token: supervisor },
    ),
  );
  return data.case.alertLight;
}

async function lightsOf(caseId: string): Promise<Light[]> {
  return dataOf(
    await graph.query<{ case: { alertLights: Light[] } }>(
      `{ case(id: "${caseId}") { alertLights { ${LIGHT} } } }`,
      { token: supervisor },
    ),
  ).case.alertLights;
}

async function move(mutation: string, id: string, args = '') {
  return dataOf(
    await graph.query<Record<string, { clock: { dueOn: string; statutoryDueOn: string } | null }>>(
      `mutation { ${mutation}(id: "${id}"${args}) { clock { dueOn statutoryDueOn } } }`,
      { token: clerk },
    ),
  )[mutation]!;
}

async function acceptedCase(
  minimumDays = 5,
): Promise<{ id: string; dueOn: string; departmentId: string }> {
  const matter = dataOf(
    await graph.query<{
      matters: { nodes: { id: string; promisedLimitDays: number; department: { id: string } }[] };
    }>(
      '{ matters(first: 100, filter: { kind: PROMISED }) { nodes { id promisedLimitDays department { id } } } }',
    ),
  ).matters.nodes.find(
    (candidate) => candidate.promisedLimitDays >= minimumDays && candidate.promisedLimitDays <= 10,
  )!;
  const { registerCase } = dataOf(
    await graph.query<{ registerCase: { id: string } }>(
      `mutation ($input: RegisterCaseInput!) { registerCase(input: $input) { id } }`,
      { variables: { input: { matterId: matter.id, applicant: APPLICANT } }, token: clerk },
    ),
  );
  const accepted = await move('acceptCase', registerCase.id);
  await move('startReview', registerCase.id);
  return { id: registerCase.id, dueOn: accepted.clock!.dueOn, departmentId: matter.department.id };
}

async function workingDaysBefore(date: string, days: number): Promise<string> {
  return dataOf(
    await graph.query<{ addWorkingDays: string }>(
      `{ addWorkingDays(date: "${date}", days: ${-days}) }`,
    ),
  ).addWorkingDays;
}

const dayAfter = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00+08:00`) + 24 * 3600_000 + 1000).toISOString();
const startOf = (date: string) => `${date}T00:00:01+08:00`;
const lateEvening = (date: string) => `${date}T23:59:00+08:00`;

describe('alert lights by rule, on the injected clock', () => {
  beforeEach(() => graph.clock.set('2026-11-24T09:00:00+08:00'));

  it('lights yellow on the working day before the due date, red once it has passed, never lower', async () => {
    const subject = await acceptedCase();
    // ≤ 1 working day left: the working day before the due date (a Friday for a Monday).
    const yellowOn = await workingDaysBefore(subject.dueOn, 1);
    const before = await workingDaysBefore(yellowOn, 1);
    graph.clock.set(lateEvening(before));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await lightOf(subject.id)).toBeNull();

    graph.clock.set(startOf(yellowOn));
    const yellow = await eventually(
      () => lightOf(subject.id),
      (light) => light !== null,
    );
    expect(yellow).toMatchObject({ level: 'YELLOW', status: 'ON', rule: 'DEADLINE_NEAR' });

    graph.clock.set(dayAfter(subject.dueOn));
    const red = await eventually(
      () => lightOf(subject.id),
      (light) => light?.level === 'RED',
    );
    expect(red).toMatchObject({ id: yellow!.id, level: 'RED', rule: 'PROMISED_LIMIT_PASSED' });
    expect(red!.history.map((entry) => entry.action)).toEqual(['RAISED', 'ROSE']);

    // Past the statutory limit too: the red light records the second cause; it cannot rise.
    const statutoryDueOn = dataOf(
      await graph.query<{ case: { clock: { statutoryDueOn: string } } }>(
        `{ case(id: "${subject.id}") { clock { statutoryDueOn } } }`,
        { token: clerk },
      ),
    ).case.clock.statutoryDueOn;
    graph.clock.set(dayAfter(statutoryDueOn));
    const both = await eventually(
      () => lightOf(subject.id),
      (light) => light?.history.some((entry) => entry.rule === 'STATUTORY_LIMIT_PASSED') ?? false,
    );
    expect(both).toMatchObject({ id: yellow!.id, level: 'RED', rule: 'PROMISED_LIMIT_PASSED' });
    expect(both!.history.at(-1)).toMatchObject({
      action: 'CAUSE_ADDED',
      rule: 'STATUTORY_LIMIT_PASSED',
    });

    // Decided late: the red light stays for supervision to resolve.
    await move('approveCase', subject.id);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await lightOf(subject.id))?.level).toBe('RED');
  });

  it('puts a yellow light out when the case is decided in time', async () => {
    const subject = await acceptedCase();
    graph.clock.set(startOf(subject.dueOn));
    await eventually(
      () => lightOf(subject.id),
      (light) => light !== null,
    );
    await move('approveCase', subject.id);
    const lights = await eventually(
      () => lightsOf(subject.id),
      (all) => all[0]?.status === 'OFF',
    );
    expect(lights).toHaveLength(1);
    expect(lights[0]).toMatchObject({ level: 'YELLOW', status: 'OFF' });
    expect(lights[0]!.history.at(-1)!.action).toBe('WENT_OFF');
  });

  it('waits while the clock is stopped and counts again from the new due date', async () => {
    const subject = await acceptedCase();
    await move('requestSupplement', subject.id, ', missingMaterials: ["现场平面布置图"]');
    graph.clock.set(dayAfter(subject.dueOn));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await lightOf(subject.id)).toBeNull();
    const resumed = await move('receiveSupplement', subject.id);
    expect(resumed.clock!.dueOn > subject.dueOn).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await lightOf(subject.id)).toBeNull();
    graph.clock.set(dayAfter(resumed.clock!.dueOn));
    const red = await eventually(
      () => lightOf(subject.id),
      (light) => light?.level === 'RED',
    );
    expect(red?.rule).toBe('PROMISED_LIMIT_PASSED');
  });

  it('lights red at once for a denial without a reason', async () => {
    const subject = await acceptedCase();
    await move('denyCase', subject.id);
    const red = await eventually(
      () => lightOf(subject.id),
      (light) => light !== null,
    );
    expect(red).toMatchObject({ level: 'RED', rule: 'DENIAL_WITHOUT_REASON' });
  });

  it('catches up after a restart on what passed while it was down, exactly once', async () => {
    const subject = await acceptedCase();
    await graph.subgraphs.supervision.close();
    graph.clock.set(dayAfter(subject.dueOn));
    await graph.restart('supervision');
    const red = await eventually(
      () => lightOf(subject.id),
      (light) => light?.level === 'RED',
    );
    expect(red).toMatchObject({ rule: 'PROMISED_LIMIT_PASSED', status: 'ON' });
    await graph.restart('supervision');
    await new Promise((resolve) => setTimeout(resolve, 800));
    const lights = await lightsOf(subject.id);
    expect(lights).toHaveLength(1);
    expect(lights[0]!.history.map((entry) => entry.action)).toEqual(['RAISED']);
  });
});

describe('acting on lights', () => {
  beforeEach(() => graph.clock.set('2026-11-24T09:00:00+08:00'));

  it('lets the department appeal and supervision decide; escalation tells the leaders', async () => {
    const subject = await acceptedCase();
    const raised = await raiseLightOnCase<Light>(
      graph,
      { token: supervisor, caseId: subject.id, level: 'YELLOW', reason: '窗口未按规定一次性告知' },
      LIGHT,
    );
    expect(raised).toMatchObject({ level: 'YELLOW', rule: 'MANUAL', status: 'ON' });

    const own = await graph.tokenFor('DEPARTMENT_STAFF', { departmentId: subject.departmentId });
    const other = await graph.tokenFor('DEPARTMENT_STAFF', {
      departmentId: '00000000-0000-4000-8000-000000000009',
    });
    const appeal = `mutation { appealLight(id: "${raised.id}", input: { kind: REVOKE, reason: "已依法中止审查" }) { status } }`;
    expect(errorCodes(await graph.query(appeal, { token: other }))).toEqual(['FORBIDDEN']);
    expect(
      dataOf(await graph.query<{ appealLight: { status: string } }>(appeal, { token: own }))
        .appealLight.status,
    ).toBe('APPEALED');
    expect(errorCodes(await graph.query(appeal, { token: own }))).toEqual(['CONFLICT']);

    const rejected = dataOf(
      await graph.query<{ decideAppeal: { status: string } }>(
        `mutation { decideAppeal(lightId: "${raised.id}", input: { decision: REJECTED, note: "理由不成立" }) { status } }`,
        { token: supervisor },
      ),
    ).decideAppeal;
    expect(rejected.status).toBe('ON');

    const escalated = dataOf(
      await graph.query<{ escalateLight: { escalated: boolean } }>(
        `mutation { escalateLight(id: "${raised.id}", note: "督办") { escalated } }`,
        { token: supervisor },
      ),
    ).escalateLight;
    expect(escalated.escalated).toBe(true);
    const leader = await graph.tokenFor('CITY_LEADER');
    const notices = dataOf(
      await graph.query<{ lightNotices: { message: string }[] }>(
        '{ lightNotices(first: 5) { message } }',
        { token: leader },
      ),
    ).lightNotices;
    expect(notices.some((notice) => notice.message.startsWith('督办'))).toBe(true);

    dataOf(
      await graph.query(`mutation { acknowledgeLight(id: "${raised.id}") { status } }`, {
        token: own,
      }),
    );
    const resolved = dataOf(
      await graph.query<{ resolveLight: { status: string } }>(
        `mutation { resolveLight(id: "${raised.id}", note: "已整改") { status } }`,
        { token: supervisor },
      ),
    ).resolveLight;
    expect(resolved.status).toBe('RESOLVED');
    expect(
      errorCodes(
        await graph.query(`mutation { resolveLight(id: "${raised.id}", note: "x") { status } }`, {
          token: supervisor,
        }),
      ),
    ).toEqual(['CONFLICT']);
  });

  it('counts lights by department and level through federation', async () => {
    const data = dataOf(
      await graph.query<{
        lightCounts: { yellow: number; red: number };
        departments: { nodes: { lightsOn: { yellow: number; red: number } }[] };
      }>(
        '{ lightCounts { yellow red } departments(first: 100) { nodes { lightsOn { yellow red } } } }',
        { token: supervisor },
      ),
    );
    const sum = data.departments.nodes.reduce(
      (total, node) => total + node.lightsOn.yellow + node.lightsOn.red,
      0,
    );
    expect(sum).toBe(data.lightCounts.yellow + data.lightCounts.red);
  });
});

describe('the other rules', () => {
  beforeEach(() => graph.clock.set('2026-11-24T09:00:00+08:00'));

  it('lights a complaint not accepted within 5 working days', async () => {
    const subject = await acceptedCase();
    const { registerComplaint } = dataOf(
      await graph.query<{ registerComplaint: { id: string; acceptBy: string } }>(
        `mutation ($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id acceptBy } }`,
        {
          variables: {
            input: {
              channel: 'PHONE',
              subjectType: 'CASE',
              subjectId: subject.id,
              departmentId: subject.departmentId,
              complainantName: '王海燕',
              complainantPhone: '13805351234',
              content: '办理进度无人告知',
            },
          },
          token: supervisor,
        },
      ),
    );
    const lights = async () =>
      dataOf(
        await graph.query<{
          alertLights: { nodes: { subjectId: string; level: string; rule: string }[] };
        }>(
          '{ alertLights(first: 100, filter: { subjectType: COMPLAINT }) { nodes { subjectId level rule } } }',
          { token: supervisor },
        ),
      ).alertLights.nodes.filter((light) => light.subjectId === registerComplaint.id);
    graph.clock.set(lateEvening(registerComplaint.acceptBy));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await lights()).toEqual([]);
    graph.clock.set(dayAfter(registerComplaint.acceptBy));
    const lit = await eventually(lights, (found) => found.length > 0);
    expect(lit).toEqual([
      { subjectId: registerComplaint.id, level: 'RED', rule: 'COMPLAINT_OVERDUE' },
    ]);
  });

  it('lights yellow when acceptance runs over its own limit, and red for a late supplement notice', async () => {
    const matter = dataOf(
      await graph.query<{ matters: { nodes: { id: string; promisedLimitDays: number }[] } }>(
        '{ matters(first: 100, filter: { kind: PROMISED }) { nodes { id promisedLimitDays } } }',
      ),
    ).matters.nodes.find((candidate) => candidate.promisedLimitDays >= 5)!;
    const { registerCase } = dataOf(
      await graph.query<{ registerCase: { id: string } }>(
        `mutation ($input: RegisterCaseInput!) { registerCase(input: $input) { id } }`,
        { variables: { input: { matterId: matter.id, applicant: APPLICANT } }, token: clerk },
      ),
    );
    // Received Tuesday 11-24; acceptance is due by the next working day, Wednesday.
    graph.clock.set(lateEvening('2026-11-25'));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await lightOf(registerCase.id)).toBeNull();
    graph.clock.set(startOf('2026-11-26'));
    const yellow = await eventually(
      () => lightOf(registerCase.id),
      (light) => light !== null,
    );
    expect(yellow).toMatchObject({ level: 'YELLOW', rule: 'STEP_OVER_LIMIT' });

    // Tuesday 12-02 is the 6th working day after receipt: the notice is late (Art. 32).
    graph.clock.set('2026-12-02T10:00:00+08:00');
    await move('requestSupplement', registerCase.id, ', missingMaterials: ["营业执照副本复印件"]');
    const red = await eventually(
      () => lightOf(registerCase.id),
      (light) => light?.level === 'RED',
    );
    expect(red).toMatchObject({ id: yellow!.id, rule: 'SUPPLEMENT_NOTICE_LATE' });
  });

  it('lights red for a fee above the matter’s standard', async () => {
    const subject = await acceptedCase();
    await move('approveCase', subject.id, ', feeFen: 99999999');
    const red = await eventually(
      () => lightOf(subject.id),
      (light) => light !== null,
    );
    expect(red).toMatchObject({ level: 'RED', rule: 'FEE_IRREGULAR' });
  });

  it('follows a rule’s switch', async () => {
    const admin = await graph.tokenFor('SERVICE_BUREAU_ADMIN');
    const off = await graph.query(
      'mutation { updateRuleSetting(rule: DEADLINE_NEAR, input: { enabled: false }) { enabled } }',
      { token: admin },
    );
    expect(dataOf(off)).toEqual({ updateRuleSetting: { enabled: false } });
    try {
      const subject = await acceptedCase();
      graph.clock.set(startOf(subject.dueOn));
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(await lightOf(subject.id)).toBeNull();
    } finally {
      dataOf(
        await graph.query(
          'mutation { updateRuleSetting(rule: DEADLINE_NEAR, input: { enabled: true }) { enabled } }',
          { token: admin },
        ),
      );
    }
    const bad = await graph.query(
      'mutation { updateRuleSetting(rule: DEADLINE_NEAR, input: { thresholds: [{ name: "nope", value: 1 }] }) { enabled } }',
      { token: admin },
    );
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('lights and the calendar', () => {
  beforeEach(() => graph.clock.set('2026-11-24T09:00:00+08:00'));

  it('moves a pending light when a holiday is added before it', async () => {
    const admin = await graph.tokenFor('SERVICE_BUREAU_ADMIN');
    const subject = await acceptedCase();
    const yellowOn = await workingDaysBefore(subject.dueOn, 1);
    dataOf(
      await graph.query(
        `mutation { setCalendarException(input: { date: "${yellowOn}", kind: HOLIDAY, name: "临时休假" }) { date } }`,
        { token: admin },
      ),
    );
    try {
      const dueOn = async () =>
        dataOf(
          await graph.query<{ case: { clock: { dueOn: string } } }>(
            `{ case(id: "${subject.id}") { clock { dueOn } } }`,
            { token: clerk },
          ),
        ).case.clock.dueOn;
      const movedDue = await eventually(dueOn, (due) => due > subject.dueOn);
      const movedYellow = await workingDaysBefore(movedDue, 1);
      expect(movedYellow > yellowOn).toBe(true);

      graph.clock.set(startOf(yellowOn));
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(await lightOf(subject.id)).toBeNull();
      graph.clock.set(startOf(movedYellow));
      const yellow = await eventually(
        () => lightOf(subject.id),
        (light) => light !== null,
      );
      expect(yellow).toMatchObject({ level: 'YELLOW', rule: 'DEADLINE_NEAR' });
    } finally {
      dataOf(
        await graph.query(`mutation { removeCalendarException(date: "${yellowOn}") { date } }`, {
          token: admin,
        }),
      );
    }
  });

  it('lights a joint project as high as its members', async () => {
    const matters = dataOf(
      await graph.query<{
        matters: { nodes: { id: string; promisedLimitDays: number; department: { id: string } }[] };
      }>(
        '{ matters(first: 100, filter: { kind: PROMISED }) { nodes { id promisedLimitDays department { id } } } }',
      ),
    ).matters.nodes.filter((matter) => matter.promisedLimitDays >= 3);
    const first = matters[0]!;
    const second = matters.find((matter) => matter.department.id !== first.department.id)!;
    const project = dataOf(
      await graph.query<{ startJointProject: { id: string; members: { id: string }[] } }>(
        `mutation ($input: StartJointProjectInput!) { startJointProject(input: $input) { id members { id } } }`,
        {
          variables: {
            input: {
              name: '滨海路改造工程',
              leadDepartmentId: first.department.id,
              matterIds: [first.id, second.id],
              applicant: APPLICANT,
            },
          },
          token: clerk,
        },
      ),
    ).startJointProject;
    let latestDue = '';
    for (const member of project.members) {
      const accepted = await move('acceptCase', member.id);
      if (accepted.clock!.dueOn > latestDue) latestDue = accepted.clock!.dueOn;
    }
    graph.clock.set(dayAfter(latestDue));
    const projectLights = async () =>
      dataOf(
        await graph.query<{ alertLights: { nodes: { subjectId: string; level: string }[] } }>(
          '{ alertLights(first: 100, filter: { subjectType: JOINT_PROJECT }) { nodes { subjectId level } } }',
          { token: supervisor },
        ),
      ).alertLights.nodes.filter((light) => light.subjectId === project.id);
    const lit = await eventually(projectLights, (found) => found[0]?.level === 'RED');
    expect(lit).toEqual([{ subjectId: project.id, level: 'RED' }]);
  });
});
