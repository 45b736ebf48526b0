import { errorCodes, startTestGraph, type TestGraph } from '@hall/test';

let graph: TestGraph;
let admin: string;
let landId: string;
beforeAll(async () => {
  graph = await startTestGraph();
  admin = await graph.tokenFor('SERVICE_BUREAU_ADMIN');
  const { data } = await graph.query<{ departments: { nodes: { id: string }[] } }>(
    `{ departments(first: 1, filter: { search: "国土" }) { nodes { id } } }`,
  );
  landId = data!.departments.nodes[0]!.id;
});
afterAll(() => graph.close());

const CREATE_MATTER = `mutation($input: CreateMatterInput!) {
  createMatter(input: $input) { id code name kind promisedLimitDays statutoryLimitDays compression version department { id } }
}`;

function matterInput(overrides: Record<string, unknown> = {}) {
  return {
    departmentId: landId,
    name: '不动产登记资料查询（测试）',
    kind: 'PROMISED',
    category: 'SERVICE',
    statutoryLimitDays: 20,
    promisedLimitDays: 8,
    requiredMaterials: ['查询申请书', '申请人身份证明'],
    legalBasis: '《不动产登记暂行条例》第二十七条',
    ...overrides,
  };
}

async function matterCount(): Promise<number> {
  const { data } = await graph.query<{ matters: { totalCount: number } }>(
    `{ matters(first: 1, filter: { status: null }) { totalCount } }`,
  );
  return data!.matters.totalCount;
}

describe('maintaining the catalog', () => {
  it('refuses anonymous and under-privileged callers', async () => {
    const anonymous = await graph.query(CREATE_MATTER, { variables: { input: matterInput() } });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    const leader = await graph.tokenFor('CITY_LEADER');
    const refused = await graph.query(CREATE_MATTER, {
      variables: { input: matterInput() },
      token: leader,
    });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
  });

  it('refuses forged and malformed tokens', async () => {
    const forged = `${admin.slice(0, -4)}AAAA`;
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${forged}` },
      body: JSON.stringify({ query: '{ hall { name } }' }),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('creates a matter with a department-scoped code', async () => {
    const before = await matterCount();
    const { data, errors } = await graph.query<{
      createMatter: {
        code: string;
        compression: number;
        version: number;
        department: { id: string };
      };
    }>(CREATE_MATTER, { variables: { input: matterInput() }, token: admin });
    expect(JSON.stringify(errors)).toBeUndefined();
    expect(data!.createMatter.code).toMatch(/^D03-\d{3}$/);
    expect(data!.createMatter.compression).toBeCloseTo(0.6);
    expect(data!.createMatter.department.id).toBe(landId);
    expect(await matterCount()).toBe(before + 1);
  });

  it.each([
    [
      'a promised limit longer than the statutory one',
      { promisedLimitDays: 25 },
      'input.promisedLimitDays',
    ],
    [
      'an immediate matter with a working-day promise',
      { kind: 'IMMEDIATE', promisedLimitDays: 3 },
      'input.promisedLimitDays',
    ],
    ['a fee matter without a fee', { category: 'FEE' }, 'input.feeFen'],
    ['a fee without its standard', { feeFen: 500 }, 'input.feeStandard'],
    ['a blank name', { name: '   ' }, 'input.name'],
    ['no required materials', { requiredMaterials: [] }, 'input.requiredMaterials'],
    ['a malformed department id', { departmentId: 'D03' }, 'input.departmentId'],
  ])('refuses %s and writes nothing', async (_case, overrides, field) => {
    const before = await matterCount();
    const response = await graph.query(CREATE_MATTER, {
      variables: { input: matterInput(overrides) },
      token: admin,
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.extensions!.field).toBe(field);
    expect(await matterCount()).toBe(before);
  });

  it('answers NOT_FOUND for an id nobody has', async () => {
    const response = await graph.query(
      `{ matter(id: "00000000-0000-5000-8000-000000000000") { name } }`,
    );
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    const malformed = await graph.query(`{ department(id: "not-an-id") { name } }`);
    expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
  });

  it('updates a matter with optimistic locking and re-checks its limits', async () => {
    const created = await graph.query<{ createMatter: { id: string; version: number } }>(
      CREATE_MATTER,
      {
        variables: { input: matterInput({ name: '测绘成果使用审批（测试）' }) },
        token: admin,
      },
    );
    const { id, version } = created.data!.createMatter;
    const UPDATE = `mutation($id: ID!, $input: UpdateMatterInput!) { updateMatter(id: $id, input: $input) { promisedLimitDays version } }`;
    const updated = await graph.query<{
      updateMatter: { promisedLimitDays: number; version: number };
    }>(UPDATE, {
      variables: { id, input: { promisedLimitDays: 6, expectedVersion: version } },
      token: admin,
    });
    expect(updated.data!.updateMatter).toEqual({ promisedLimitDays: 6, version: version + 1 });
    const stale = await graph.query(UPDATE, {
      variables: { id, input: { promisedLimitDays: 7, expectedVersion: version } },
      token: admin,
    });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    const tooLong = await graph.query(UPDATE, {
      variables: { id, input: { statutoryLimitDays: 5 } },
      token: admin,
    });
    expect(errorCodes(tooLong)).toEqual(['BAD_USER_INPUT']);
  });

  it('cancels a matter once, keeping it readable', async () => {
    const created = await graph.query<{ createMatter: { id: string } }>(CREATE_MATTER, {
      variables: { input: matterInput({ name: '土地复垦方案审查（测试）' }) },
      token: admin,
    });
    const { id } = created.data!.createMatter;
    const CANCEL = `mutation($id: ID!) { cancelMatter(id: $id, reason: "职能调整", effectiveOn: "2026-12-01") { status cancelledOn cancellationReason } }`;
    const cancelled = await graph.query<{ cancelMatter: unknown }>(CANCEL, {
      variables: { id },
      token: admin,
    });
    expect(cancelled.data!.cancelMatter).toEqual({
      status: 'CANCELLED',
      cancelledOn: '2026-12-01',
      cancellationReason: '职能调整',
    });
    expect(errorCodes(await graph.query(CANCEL, { variables: { id }, token: admin }))).toEqual([
      'CONFLICT',
    ]);
  });

  it('opens windows only where they belong, with unique numbers', async () => {
    const CREATE_WINDOW = `mutation($input: CreateWindowInput!) { createWindow(input: $input) { code label floor { number } department { id } } }`;
    const opened = await graph.query<{ createWindow: { code: string; floor: { number: number } } }>(
      CREATE_WINDOW,
      {
        variables: {
          input: {
            code: '2F-113',
            label: '国土局 11号窗',
            kind: 'DEPARTMENT',
            floor: 2,
            departmentId: landId,
          },
        },
        token: admin,
      },
    );
    expect(opened.errors).toBeUndefined();
    expect(opened.data!.createWindow).toMatchObject({ code: '2F-113', floor: { number: 2 } });
    const again = await graph.query(CREATE_WINDOW, {
      variables: {
        input: {
          code: '2f-113',
          label: '重复',
          kind: 'DEPARTMENT',
          floor: 2,
          departmentId: landId,
        },
      },
      token: admin,
    });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    const floor3 = await graph.query(CREATE_WINDOW, {
      variables: { input: { code: '3F-001', label: '三楼', kind: 'SERVICE_DESK', floor: 3 } },
      token: admin,
    });
    expect(errorCodes(floor3)).toEqual(['BAD_USER_INPUT']);
    const bankWithoutBank = await graph.query(CREATE_WINDOW, {
      variables: { input: { code: '1F-200', label: '银行', kind: 'BANK', floor: 1 } },
      token: admin,
    });
    expect(errorCodes(bankWithoutBank)).toEqual(['BAD_USER_INPUT']);
  });

  it('keeps the working calendar as data an admin maintains', async () => {
    const SET = `mutation($input: CalendarExceptionInput!) { setCalendarException(input: $input) { date kind isWorkingDay } }`;
    const ADD = `{ addWorkingDays(date: "2026-12-30", days: 1) }`;
    expect((await graph.query<{ addWorkingDays: string }>(ADD)).data!.addWorkingDays).toBe(
      '2026-12-31',
    );
    const set = await graph.query(SET, {
      variables: { input: { date: '2026-12-31', kind: 'HOLIDAY', name: '元旦' } },
      token: admin,
    });
    expect(set.errors).toBeUndefined();
    expect((await graph.query<{ addWorkingDays: string }>(ADD)).data!.addWorkingDays).toBe(
      '2027-01-01',
    );
    const weekday = await graph.query(SET, {
      variables: { input: { date: '2026-12-29', kind: 'MAKEUP_WORKDAY', name: '元旦' } },
      token: admin,
    });
    expect(errorCodes(weekday)).toEqual(['BAD_USER_INPUT']);
    const badDate = await graph.query(`{ addWorkingDays(date: "2026-02-30", days: 1) }`);
    expect(errorCodes(badDate)).toEqual(['BAD_USER_INPUT']);
    expect(badDate.errors![0]!.message).toContain('LocalDate');
    expect(JSON.stringify(badDate)).not.toContain('127.0.0.1');
    const removed = await graph.query(
      `mutation { removeCalendarException(date: "2026-12-31") { kind isWorkingDay } }`,
      { token: admin },
    );
    expect(removed.data).toEqual({
      removeCalendarException: { kind: 'WORKDAY', isWorkingDay: true },
    });
  });

  it('refuses page sizes outside 1..100 and cursors it never issued', async () => {
    expect(errorCodes(await graph.query(`{ matters(first: 1000) { totalCount } }`))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(
      errorCodes(await graph.query(`{ matters(first: 10, after: "garbage") { totalCount } }`)),
    ).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses a subgraph call that does not come through the gateway with a valid signature', async () => {
    const response = await fetch(graph.subgraphs.catalog.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hall-caller': Buffer.from(
          JSON.stringify({ kind: 'user', subject: 'mallory', role: 'SERVICE_BUREAU_ADMIN' }),
        ).toString('base64url'),
        'x-hall-caller-signature': 'forged',
      },
      body: JSON.stringify({
        query: 'mutation($input: CreateMatterInput!) { createMatter(input: $input) { id } }',
        variables: { input: matterInput({ name: '伪造（测试）' }) },
      }),
    });
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });
});
