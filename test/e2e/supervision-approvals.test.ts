import { buildCatalogSeed } from '@hall/catalog';
import { dataOf, errorCodes, sqlRows, startTestGraph, type TestGraph } from '@hall/test';

let graph: TestGraph;
let supervision: string;
let leader: string;
beforeAll(async () => {
  graph = await startTestGraph({ history: true });
  supervision = await graph.tokenFor('SUPERVISION_STAFF');
  leader = await graph.tokenFor('CITY_LEADER');
});
afterAll(() => graph.close());

const departments = buildCatalogSeed().departments;
const safety = departments.find((department) => department.shortName === '安监局')!;
const environment = departments.find((department) => department.shortName === '环保局')!;

/** A valid unified social credit code of a Haiyang enterprise (check character included). */
const CREDIT_CODE = '91370687MA3C4B5D64';

interface InspectionCounts {
  requested: number;
  reviewed: number;
  approved: number;
  refused: number;
}

describe('the gazette’s supervision records, seeded', () => {
  it('has 15 complaints in 2010 and 13 in 2011, all closed, satisfaction 100%', async () => {
    const data = dataOf(
      await graph.query<Record<string, Record<string, number>>>(
        `{
          y2010: complaintFigures(from: "2010-01-01", to: "2010-12-31") { received closed open satisfactionRate decidedOnTime answeredOnTime }
          y2011: complaintFigures(from: "2011-01-01", to: "2011-12-31") { received closed open satisfactionRate }
        }`,
        { token: leader },
      ),
    );
    expect(data.y2010).toEqual({
      received: 15,
      closed: 15,
      open: 0,
      satisfactionRate: 1,
      decidedOnTime: 15,
      answeredOnTime: 15,
    });
    expect(data.y2011).toEqual({ received: 13, closed: 13, open: 0, satisfactionRate: 1 });
    const codes = dataOf(
      await graph.query<{ complaints: { totalCount: number; nodes: { code: string }[] } }>(
        `{ complaints(first: 20, filter: { receivedFrom: "2011-01-01", receivedTo: "2011-12-31" }) { totalCount nodes { code } } }`,
        { token: supervision },
      ),
    );
    expect(codes.complaints.totalCount).toBe(13);
    expect(codes.complaints.nodes[0]!.code).toBe('TS2011-0013');
  });

  it('has 257 inspection files reviewed in 2010 and 5 inspection notices in 2011', async () => {
    const data = dataOf(
      await graph.query<{ y2010: InspectionCounts; y2011: InspectionCounts }>(
        `{
          y2010: inspectionFigures(from: "2010-01-01", to: "2010-12-31") { requested reviewed approved refused }
          y2011: inspectionFigures(from: "2011-01-01", to: "2011-12-31") { requested reviewed approved refused }
        }`,
        { token: leader },
      ),
    );
    expect(data.y2010.reviewed).toBe(257);
    expect(data.y2010.approved + data.y2010.refused).toBe(257);
    expect(data.y2011).toEqual({ requested: 5, reviewed: 5, approved: 5, refused: 0 });
    const [last] = await sqlRows<{ notice_no: string }>(
      graph.database.url,
      `select max(notice_no) as notice_no from supervision.inspection_request where notice_no like 'JC2011-%'`,
    );
    expect(last!.notice_no).toBe('JC2011-005');
  });

  it('has 106 fee permit notices of 2011, every one at the lowest standard', async () => {
    const data = dataOf(
      await graph.query<{
        feePermitFigures: Record<
          'issued' | 'refused' | 'loweredToMinimum' | 'requestedYuan' | 'issuedYuan',
          number
        >;
      }>(
        `{ feePermitFigures(from: "2011-01-01", to: "2011-12-31") { issued refused loweredToMinimum requestedYuan issuedYuan } }`,
        { token: leader },
      ),
    );
    expect(data.feePermitFigures.issued).toBe(106);
    expect(data.feePermitFigures.loweredToMinimum).toBeGreaterThan(0);
    expect(data.feePermitFigures.issuedYuan).toBeLessThan(data.feePermitFigures.requestedYuan);
    const [row] = await sqlRows<{ n: number; above: number }>(
      graph.database.url,
      `select count(*)::int as n, count(*) filter (where issued_fen <> minimum_fen)::int as above
         from supervision.fee_permit where status = 'ISSUED' and decided_on between '2011-01-01' and '2011-12-31'`,
    );
    expect(row).toEqual({ n: 106, above: 0 });
  });

  it('has the 20 social supervisors, enterprise heads, phones masked but for supervision', async () => {
    const query = `{ socialSupervisors(active: true) { name enterpriseName phone appointedOn active } }`;
    const asLeader = dataOf(
      await graph.query<{ socialSupervisors: { enterpriseName: string; phone: string }[] }>(query, {
        token: leader,
      }),
    ).socialSupervisors;
    expect(asLeader).toHaveLength(20);
    expect(new Set(asLeader.map((supervisor) => supervisor.enterpriseName)).size).toBe(20);
    expect(asLeader.every((supervisor) => /^1\d\d\*{4}\d{4}$/.test(supervisor.phone))).toBe(true);
    expect(asLeader.every((supervisor) => supervisor.enterpriseName.startsWith('海阳市'))).toBe(
      true,
    );
    const asSupervision = dataOf(
      await graph.query<{ socialSupervisors: { phone: string }[] }>(query, { token: supervision }),
    ).socialSupervisors;
    expect(asSupervision.every((supervisor) => /^1\d{10}$/.test(supervisor.phone))).toBe(true);
    expect(
      errorCodes(
        await graph.query(query, {
          token: await graph.tokenFor('DEPARTMENT_STAFF', { departmentId: safety.id }),
        }),
      ),
    ).toEqual(['FORBIDDEN']);
  });
});

describe('inspection pre-approval', () => {
  beforeEach(() => graph.clock.set('2026-11-24T09:00:00+08:00'));

  const fields = `id status noticeNo decidedOn refusalReason version department { id }`;
  function request(input: Record<string, unknown>, token: string) {
    return graph.query<{ requestInspection: Record<string, unknown> & { id: string } }>(
      `mutation ($input: RequestInspectionInput!) { requestInspection(input: $input) { ${fields} } }`,
      { variables: { input }, token },
    );
  }
  const input = (overrides: Record<string, unknown> = {}) => ({
    departmentId: safety.id,
    enterpriseName: '海阳市凤城机械制造有限公司',
    enterpriseCreditCode: CREDIT_CODE,
    purpose: '安全生产执法检查',
    legalBasis: '《中华人民共和国安全生产法》',
    plannedOn: '2026-11-30',
    ...overrides,
  });

  it('lets a department ask, and supervision issue the year’s next notice once', async () => {
    const department = await graph.tokenFor('DEPARTMENT_STAFF', { departmentId: safety.id });
    const [before] = await sqlRows<{ n: number }>(
      graph.database.url,
      'select count(*)::int as n from supervision.inspection_request',
    );
    for (const [overrides, field] of [
      [{ enterpriseCreditCode: '91370687MA3C4B5D65' }, 'input.enterpriseCreditCode'],
      [{ plannedOn: '2026-11-23' }, 'input.plannedOn'],
      [{ purpose: ' ' }, 'input.purpose'],
      [{ departmentId: 'D07' }, 'input.departmentId'],
    ] as const) {
      const refused = await request(input(overrides), department);
      expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
      expect(refused.errors![0]!.extensions!.field).toBe(field);
    }
    expect(errorCodes(await request(input({ departmentId: environment.id }), department))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await request(input(), supervision))).toEqual(['FORBIDDEN']);
    const [after] = await sqlRows<{ n: number }>(
      graph.database.url,
      'select count(*)::int as n from supervision.inspection_request',
    );
    expect(after!.n).toBe(before!.n);

    const requested = dataOf(await request(input(), department)).requestInspection;
    expect(requested).toMatchObject({ status: 'REQUESTED', noticeNo: null, version: 1 });
    const approve = `mutation ($id: ID!) { approveInspection(id: $id) { ${fields} } }`;
    expect(
      errorCodes(
        await graph.query(approve, { variables: { id: requested.id }, token: department }),
      ),
    ).toEqual(['FORBIDDEN']);
    const approved = dataOf(
      await graph.query<{ approveInspection: Record<string, unknown> }>(approve, {
        variables: { id: requested.id },
        token: supervision,
      }),
    ).approveInspection;
    expect(approved).toMatchObject({
      status: 'APPROVED',
      noticeNo: 'JC2026-001',
      decidedOn: '2026-11-24',
      version: 2,
    });
    const again = await graph.query(
      `mutation ($id: ID!) { refuseInspection(id: $id, reason: "重复检查") { id } }`,
      { variables: { id: requested.id }, token: supervision },
    );
    expect(errorCodes(again)).toEqual(['CONFLICT']);

    const second = dataOf(await request(input(), department)).requestInspection;
    const refused = dataOf(
      await graph.query<{ refuseInspection: Record<string, unknown> }>(
        `mutation ($id: ID!) { refuseInspection(id: $id, reason: "同一企业本季度已接受同类检查") { ${fields} } }`,
        { variables: { id: second.id }, token: supervision },
      ),
    ).refuseInspection;
    expect(refused).toMatchObject({ status: 'REFUSED', noticeNo: null });

    const own = dataOf(
      await graph.query<{ inspectionRequests: { nodes: { department: { id: string } }[] } }>(
        `{ inspectionRequests(first: 50) { nodes { department { id } } } }`,
        { token: department },
      ),
    ).inspectionRequests.nodes;
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((node) => node.department.id === safety.id)).toBe(true);
  });
});

describe('fee permits', () => {
  beforeEach(() => graph.clock.set('2026-11-24T09:00:00+08:00'));

  const fields = `id status noticeNo minimumFen maximumFen requestedFen issuedFen version`;
  const input = (overrides: Record<string, unknown> = {}) => ({
    departmentId: environment.id,
    enterpriseName: '海阳市留格化工有限公司',
    enterpriseCreditCode: CREDIT_CODE,
    feeItem: '排污费',
    legalBasis: '《排污费征收使用管理条例》',
    minimumFen: 50_000,
    maximumFen: 150_000,
    requestedFen: 120_000,
    ...overrides,
  });
  function request(values: Record<string, unknown>, token: string) {
    return graph.query<{ requestFeePermit: Record<string, unknown> & { id: string } }>(
      `mutation ($input: RequestFeePermitInput!) { requestFeePermit(input: $input) { ${fields} } }`,
      { variables: { input: values }, token },
    );
  }

  it('refuses a fee above the standard and issues the notice at the lowest standard', async () => {
    const department = await graph.tokenFor('DEPARTMENT_STAFF', { departmentId: environment.id });
    for (const [overrides, field] of [
      [{ requestedFen: 150_001 }, 'input.requestedFen'],
      [{ requestedFen: 40_000 }, 'input.requestedFen'],
      [{ minimumFen: 200_000 }, 'input.maximumFen'],
      [{ minimumFen: -1 }, 'input.minimumFen'],
      [{ feeItem: '' }, 'input.feeItem'],
    ] as const) {
      const refused = await request(input(overrides), department);
      expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
      expect(refused.errors![0]!.extensions!.field).toBe(field);
    }

    const requested = dataOf(await request(input(), department)).requestFeePermit;
    expect(requested).toMatchObject({
      status: 'REQUESTED',
      issuedFen: null,
      requestedFen: 120_000,
    });
    const issued = dataOf(
      await graph.query<{ issueFeePermit: Record<string, unknown> }>(
        `mutation ($id: ID!) { issueFeePermit(id: $id, expectedVersion: 1) { ${fields} } }`,
        { variables: { id: requested.id }, token: supervision },
      ),
    ).issueFeePermit;
    expect(issued).toMatchObject({ status: 'ISSUED', issuedFen: 50_000, noticeNo: 'SF2026-001' });
    const again = await graph.query(`mutation ($id: ID!) { issueFeePermit(id: $id) { id } }`, {
      variables: { id: requested.id },
      token: supervision,
    });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    const [row] = await sqlRows<{ notice_no: string; version: number }>(
      graph.database.url,
      'select notice_no, version from supervision.fee_permit where id = $1',
      [requested.id],
    );
    expect(row).toEqual({ notice_no: 'SF2026-001', version: 2 });
  });
});

describe('social supervisors’ reports', () => {
  it('records a serving supervisor’s report, replies once, and takes none from a dismissed one', async () => {
    graph.clock.set('2026-11-24T09:00:00+08:00');
    const appointed = dataOf(
      await graph.query<{ appointSocialSupervisor: { id: string; appointedOn: string } }>(
        `mutation { appointSocialSupervisor(input: { name: "孙立新", enterpriseName: "海阳市行村果品贸易有限公司", phone: "13953512345" }) { id appointedOn } }`,
        { token: supervision },
      ),
    ).appointSocialSupervisor;
    expect(appointed.appointedOn).toBe('2026-11-24');

    const record = `mutation ($input: RecordSupervisorReportInput!) {
      recordSupervisorReport(input: $input) { id status version supervisor { name } department { id } }
    }`;
    const report = {
      supervisorId: appointed.id,
      subjectType: 'DEPARTMENT',
      subjectId: environment.id,
      departmentId: environment.id,
      content: '企业反映环评审批窗口答复不一致，建议统一告知口径。',
    };
    const recorded = dataOf(
      await graph.query<{ recordSupervisorReport: { id: string; status: string } }>(record, {
        variables: { input: report },
        token: supervision,
      }),
    ).recordSupervisorReport;
    expect(recorded).toMatchObject({ status: 'RECEIVED', supervisor: { name: '孙立新' } });

    const reply = `mutation ($id: ID!) { replyToSupervisorReport(id: $id, reply: "已督促窗口统一一次性告知口径。") { status handledOn reply } }`;
    expect(
      dataOf(
        await graph.query<{ replyToSupervisorReport: { status: string } }>(reply, {
          variables: { id: recorded.id },
          token: supervision,
        }),
      ).replyToSupervisorReport,
    ).toMatchObject({ status: 'HANDLED', handledOn: '2026-11-24' });
    expect(
      errorCodes(await graph.query(reply, { variables: { id: recorded.id }, token: supervision })),
    ).toEqual(['CONFLICT']);

    const department = await graph.tokenFor('DEPARTMENT_STAFF', { departmentId: environment.id });
    const own = dataOf(
      await graph.query<{ supervisorReports: { totalCount: number } }>(
        `{ supervisorReports(first: 10) { totalCount } }`,
        { token: department },
      ),
    );
    expect(own.supervisorReports.totalCount).toBe(1);

    dataOf(
      await graph.query(
        `mutation ($id: ID!) { dismissSocialSupervisor(id: $id) { active dismissedOn } }`,
        { variables: { id: appointed.id }, token: supervision },
      ),
    );
    expect(
      errorCodes(await graph.query(record, { variables: { input: report }, token: supervision })),
    ).toEqual(['CONFLICT']);
    const serving = dataOf(
      await graph.query<{ socialSupervisors: unknown[] }>(
        `{ socialSupervisors(active: true) { id } }`,
        { token: leader },
      ),
    );
    expect(serving.socialSupervisors).toHaveLength(20);
  });
});
