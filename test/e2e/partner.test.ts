import { dataOf, errorCodes, sqlRows, startTestGraph, type TestGraph } from '@hall/test';

/**
 * The partner contract end to end: a bank reads, through /partner/graphql, only the cases
 * that concern it and whose applicant's consent is in force, only the contract's fields, and
 * every read lands in the access log that the bureau and supervision read.
 */
let graph: TestGraph;
let admin: string;
let clerk: string;
let supervisor: string;
let departmentStaff: string;
let partner: string;
let otherPartner: string;
let bankId: string;
let otherBankId: string;
let agencyId: string;
let applicantWithConsent: string;
let applicantWithoutConsent: string;
let consentId: string;
const serial: Record<'consented' | 'noConsent' | 'otherBank' | 'unrelated', string> = {
  consented: '',
  noConsent: '',
  otherBank: '',
  unrelated: '',
};
let consentedCaseId: string;

const DAY = 86_400_000;
const PARTNER_FIELDS = `serialNo status receivedOn acceptedOn decidedOn deliveredOn
  clock { dueOn } onTime matter { name } department { name }`;

interface PartnerCase {
  serialNo: string;
  status: string;
  receivedOn: string;
  acceptedOn: string | null;
  clock: { dueOn: string } | null;
  onTime: boolean | null;
  matter: { name: string };
  department: { name: string };
}

function partnerUrl(): string {
  return graph.gatewayUrl.replace(/\/graphql$/, '/partner/graphql');
}

async function partnerQuery<T>(
  document: string,
  { token, variables }: { token?: string; variables?: Record<string, unknown> } = {},
) {
  const response = await fetch(partnerUrl(), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({ query: document, variables }),
  });
  return {
    status: response.status,
    ...((await response.json()) as Awaited<ReturnType<TestGraph['query']>> & { data?: T }),
  };
}

/** A valid resident identity card number (GB 11643-1999) ending in `tail`. */
function idCard(tail: string): string {
  const first17 = `370687199001011${tail}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

async function registerApplicant(name: string, tail: string): Promise<string> {
  const data = dataOf(
    await graph.query<{ registerApplicant: { id: string } }>(
      `mutation ($input: ApplicantInput!) { registerApplicant(input: $input) { id } }`,
      {
        variables: {
          input: { kind: 'PERSON', name, identityNumber: idCard(tail), phone: '13805351234' },
        },
        token: clerk,
      },
    ),
  );
  return data.registerApplicant.id;
}

async function registerCase(
  matterId: string,
  applicantId: string,
  partnerOrganizationId: string | null,
) {
  const data = dataOf(
    await graph.query<{ registerCase: { id: string; serialNo: string } }>(
      `mutation ($input: RegisterCaseInput!) { registerCase(input: $input) { id serialNo } }`,
      { variables: { input: { matterId, applicantId, partnerOrganizationId } }, token: clerk },
    ),
  );
  return data.registerCase;
}

async function grantConsent(input: Record<string, unknown>, token = clerk) {
  return graph.query<{ grantPartnerConsent: { id: string; status: string } }>(
    `mutation ($input: GrantPartnerConsentInput!) {
      grantPartnerConsent(input: $input) { id status purpose startsOn expiresOn grantedBy }
    }`,
    { variables: { input }, token },
  );
}

async function consentCount(): Promise<number> {
  const [row] = await sqlRows<{ n: number }>(
    graph.database.url,
    'select count(*)::int as n from cases.partner_consent',
  );
  return row!.n;
}

beforeAll(async () => {
  graph = await startTestGraph();
  [admin, clerk, supervisor] = await Promise.all([
    graph.tokenFor('SERVICE_BUREAU_ADMIN'),
    graph.tokenFor('ACCEPTANCE_CLERK'),
    graph.tokenFor('SUPERVISION_STAFF'),
  ]);
  const catalog = dataOf(
    await graph.query<{
      organizations: { id: string; kind: string }[];
      matters: { nodes: { id: string; department: { id: string } }[] };
    }>(
      `{ organizations { id kind }
         matters(first: 5, filter: { kind: PROMISED }) { nodes { id department { id } } } }`,
      { token: admin },
    ),
  );
  const banks = catalog.organizations.filter((organization) => organization.kind === 'BANK');
  bankId = banks[0]!.id;
  otherBankId = banks[1]!.id;
  agencyId = catalog.organizations.find((organization) => organization.kind !== 'BANK')!.id;
  const matter = catalog.matters.nodes[0]!;
  departmentStaff = await graph.tokenFor('DEPARTMENT_STAFF', {
    departmentId: matter.department.id,
  });
  partner = await graph.tokenFor('PARTNER', { organizationId: bankId });
  otherPartner = await graph.tokenFor('PARTNER', { organizationId: otherBankId });

  applicantWithConsent = await registerApplicant('李春华', '23');
  applicantWithoutConsent = await registerApplicant('赵明', '56');
  const consented = await registerCase(matter.id, applicantWithConsent, bankId);
  consentedCaseId = consented.id;
  serial.consented = consented.serialNo;
  serial.noConsent = (await registerCase(matter.id, applicantWithoutConsent, bankId)).serialNo;
  serial.otherBank = (await registerCase(matter.id, applicantWithConsent, otherBankId)).serialNo;
  serial.unrelated = (await registerCase(matter.id, applicantWithConsent, null)).serialNo;
  dataOf(
    await graph.query(`mutation ($id: ID!) { acceptCase(id: $id) { id } }`, {
      variables: { id: consented.id },
      token: clerk,
    }),
  );
  const granted = dataOf(
    await grantConsent({
      applicantId: applicantWithConsent,
      organizationId: bankId,
      purpose: '贷款审查',
      expiresOn: '2027-05-31',
    }),
  );
  consentId = granted.grantPartnerConsent.id;
  expect(granted.grantPartnerConsent.status).toBe('ACTIVE');
});
afterAll(() => graph.close());

describe('what a partner bank reads', () => {
  it('lists the cases that concern its bank and that the applicant consented to', async () => {
    const response = await partnerQuery<{
      partnerCases: { nodes: PartnerCase[]; totalCount: number; hasNextPage: boolean };
    }>(`{ partnerCases(first: 10) { totalCount hasNextPage nodes { ${PARTNER_FIELDS} } } }`, {
      token: partner,
    });
    expect(response.errors).toBeUndefined();
    const page = response.data!.partnerCases;
    expect(page.totalCount).toBe(1);
    expect(page.nodes.map((node) => node.serialNo)).toEqual([serial.consented]);
    const [node] = page.nodes;
    expect(node).toMatchObject({ status: 'ACCEPTED', receivedOn: '2026-11-24', onTime: true });
    expect(node!.clock?.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(node!.matter.name.length).toBeGreaterThan(0);
    expect(node!.department.name).toMatch(/海阳市/);
  });

  it('reads one case by its serial number', async () => {
    const response = await partnerQuery<{ partnerCase: PartnerCase }>(
      `query ($serialNo: String!) { partnerCase(serialNo: $serialNo) { serialNo status matter { name } } }`,
      { token: partner, variables: { serialNo: serial.consented } },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.partnerCase).toMatchObject({
      serialNo: serial.consented,
      status: 'ACCEPTED',
    });
  });

  it.each([
    ['the identity number', 'applicant { identityNumber }'],
    ['the phone', 'applicant { phone }'],
    ['notes', 'decisionReason extensionReason missingMaterials'],
    ['staff', 'firstContactStaff { id }'],
    ['the timeline', 'timeline { actor reason }'],
    ['the rating', 'rating { level }'],
    ['the id', 'id'],
    ['an untagged field', 'feeFen'],
    ['an untagged clock field', 'clock { remainingWorkingDays }'],
    ['an untagged matter field', 'matter { code }'],
  ])('refuses %s as a validation error', async (_what, selection) => {
    const response = await partnerQuery(
      `query ($serialNo: String!) { partnerCase(serialNo: $serialNo) { serialNo ${selection} } }`,
      { token: partner, variables: { serialNo: serial.consented } },
    );
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(response.data).toBeUndefined();
  });

  it('refuses root fields outside the contract', async () => {
    const response = await partnerQuery(`{ cases(first: 1) { totalCount } }`, { token: partner });
    expect(errorCodes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it.each([
    ['no consent of the applicant', 'noConsent'],
    ['a case that concerns another bank', 'otherBank'],
    ['a case that concerns no bank', 'unrelated'],
  ] as const)('answers NOT_FOUND for %s', async (_what, which) => {
    const response = await partnerQuery(
      `query ($serialNo: String!) { partnerCase(serialNo: $serialNo) { serialNo } }`,
      { token: partner, variables: { serialNo: serial[which] } },
    );
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    expect(response.data).toBeNull();
  });

  it('answers NOT_FOUND to another bank, whose consent it is not', async () => {
    const response = await partnerQuery(
      `query ($serialNo: String!) { partnerCase(serialNo: $serialNo) { serialNo } }`,
      { token: otherPartner, variables: { serialNo: serial.consented } },
    );
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    const list = await partnerQuery<{ partnerCases: { totalCount: number } }>(
      `{ partnerCases { totalCount } }`,
      { token: otherPartner },
    );
    expect(list.data!.partnerCases.totalCount).toBe(0);
  });

  it('introspects to the contract only', async () => {
    const response = await partnerQuery<{ __schema: { types: { name: string }[] } }>(
      `{ __schema { types { name } } }`,
      { token: partner },
    );
    const names = response
      .data!.__schema.types.map((type) => type.name)
      .filter((name) => !name.startsWith('__'));
    expect(names.sort()).toEqual(
      [
        'Boolean',
        'Case',
        'CaseClockView',
        'CaseStatus',
        'Department',
        'Int',
        'LocalDate',
        'Matter',
        'PartnerCasePage',
        'Query',
        'String',
      ].sort(),
    );
    const caseType = await partnerQuery<{ __type: { fields: { name: string }[] } }>(
      `{ __type(name: "Case") { fields { name } } }`,
      { token: partner },
    );
    expect(caseType.data!.__type.fields.map((field) => field.name)).not.toContain('applicant');
  });
});

describe('who may use which endpoint', () => {
  it('refuses partner tokens on /graphql', async () => {
    const response = await graph.query(`{ hall { name } }`, { token: partner });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.errors![0]!.message).toContain('/partner/graphql');
  });

  it('refuses staff tokens and anonymous callers on /partner/graphql', async () => {
    const staff = await partnerQuery(`{ partnerCases { totalCount } }`, { token: admin });
    expect(staff.status).toBe(403);
    expect(errorCodes(staff)).toEqual(['FORBIDDEN']);
    const anonymous = await partnerQuery(`{ partnerCases { totalCount } }`);
    expect(anonymous.status).toBe(401);
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('the partner access log', () => {
  it('records who read which case, which fields, for which purpose and when', async () => {
    await sqlRows(graph.database.url, 'delete from cases.partner_read');
    await partnerQuery(
      `query ($serialNo: String!) { partnerCase(serialNo: $serialNo) { serialNo status matter { name } } }`,
      { token: partner, variables: { serialNo: serial.consented } },
    );
    await partnerQuery(`{ partnerCases { nodes { serialNo onTime department { name } } } }`, {
      token: partner,
    });
    for (const token of [admin, supervisor]) {
      const data = dataOf(
        await graph.query<{
          partnerReads: {
            totalCount: number;
            nodes: {
              subject: string;
              serialNo: string;
              purpose: string;
              fields: string[];
              readAt: string;
              organization: { id: string };
              case: { id: string };
            }[];
          };
        }>(
          `query ($bank: ID!) { partnerReads(filter: { organizationId: $bank }) {
            totalCount nodes { subject serialNo purpose fields readAt organization { id } case { id } }
          } }`,
          { variables: { bank: bankId }, token },
        ),
      );
      expect(data.partnerReads.totalCount).toBe(2);
      const [list, single] = data.partnerReads.nodes;
      for (const read of [list!, single!]) {
        expect(read).toMatchObject({
          subject: 'test-partner',
          serialNo: serial.consented,
          purpose: '贷款审查',
          organization: { id: bankId },
          case: { id: consentedCaseId },
        });
        expect(new Date(read.readAt).getTime()).toBe(graph.clock.now().getTime());
      }
      // Both reads happened at the same instant of the test clock, so their order is not
      // part of the answer: compare the set of reads.
      expect([single!.fields, list!.fields]).toEqual(
        expect.arrayContaining([
          ['matter.name', 'serialNo', 'status'],
          ['department.name', 'onTime', 'serialNo'],
        ]),
      );
    }
  });

  it('shows on the case who read it', async () => {
    const data = dataOf(
      await graph.query<{ case: { partnerReads: { subject: string; purpose: string }[] } }>(
        `query ($id: ID!) { case(id: $id) { partnerReads { subject purpose fields } } }`,
        { variables: { id: consentedCaseId }, token: admin },
      ),
    );
    expect(data.case.partnerReads.length).toBeGreaterThan(0);
    expect(data.case.partnerReads[0]).toMatchObject({
      subject: 'test-partner',
      purpose: '贷款审查',
    });
  });

  it('is refused to department staff and clerks', async () => {
    for (const token of [departmentStaff, clerk]) {
      expect(errorCodes(await graph.query(`{ partnerReads { totalCount } }`, { token }))).toEqual([
        'FORBIDDEN',
      ]);
    }
    const onCase = await graph.query(
      `query ($id: ID!) { case(id: $id) { serialNo partnerReads { subject } } }`,
      { variables: { id: consentedCaseId }, token: departmentStaff },
    );
    expect(errorCodes(onCase)).toEqual(['FORBIDDEN']);
  });

  it('writes nothing for a read that is refused', async () => {
    const before = await sqlRows<{ n: number }>(
      graph.database.url,
      'select count(*)::int as n from cases.partner_read',
    );
    await partnerQuery(`query ($s: String!) { partnerCase(serialNo: $s) { serialNo } }`, {
      token: partner,
      variables: { s: serial.noConsent },
    });
    await partnerQuery(`{ partnerCases { nodes { serialNo applicant { phone } } } }`, {
      token: partner,
    });
    const after = await sqlRows<{ n: number }>(
      graph.database.url,
      'select count(*)::int as n from cases.partner_read',
    );
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});

describe('consents', () => {
  it.each([
    ['a blank purpose', { purpose: '  ' }, 'input.purpose'],
    [
      'an organisation that is not a bank',
      { organizationId: '__agency__' },
      'input.organizationId',
    ],
    [
      'an unknown applicant',
      { applicantId: '6f1f7b62-6f0e-4c55-9d55-7a1b2c3d4e5f' },
      'input.applicantId',
    ],
    [
      'an end before the start',
      { startsOn: '2027-01-10', expiresOn: '2027-01-01' },
      'input.expiresOn',
    ],
    ['an end already past', { startsOn: '2026-01-01', expiresOn: '2026-02-01' }, 'input.expiresOn'],
    ['a period over three years', { expiresOn: '2031-01-01' }, 'input.expiresOn'],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_what, change, field) => {
    const before = await consentCount();
    const input = {
      applicantId: applicantWithoutConsent,
      organizationId: bankId,
      purpose: '贷款审查',
      expiresOn: '2027-01-31',
      ...change,
    };
    if (input.organizationId === '__agency__') input.organizationId = agencyId;
    const response = await grantConsent(input);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.extensions).toMatchObject({ field });
    expect(await consentCount()).toBe(before);
  });

  it('may be recorded by clerks and the bureau only', async () => {
    const response = await grantConsent(
      {
        applicantId: applicantWithoutConsent,
        organizationId: bankId,
        purpose: '贷款审查',
        expiresOn: '2027-01-31',
      },
      departmentStaff,
    );
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });

  it('ends when it expires on the hall’s clock', async () => {
    const granted = dataOf(
      await grantConsent({
        applicantId: applicantWithoutConsent,
        organizationId: bankId,
        purpose: '抵押登记跟踪',
        expiresOn: '2026-11-26',
      }),
    );
    const read = () =>
      partnerQuery(`query ($s: String!) { partnerCase(serialNo: $s) { serialNo } }`, {
        token: partner,
        variables: { s: serial.noConsent },
      });
    expect((await read()).errors).toBeUndefined();
    const start = graph.clock.now();
    graph.clock.advance(3 * DAY);
    try {
      expect(errorCodes(await read())).toEqual(['NOT_FOUND']);
      const listed = dataOf(
        await graph.query<{ partnerConsents: { nodes: { id: string; status: string }[] } }>(
          `query ($bank: ID!) { partnerConsents(filter: { organizationId: $bank, status: EXPIRED }) { nodes { id status } } }`,
          { variables: { bank: bankId }, token: admin },
        ),
      );
      expect(listed.partnerConsents.nodes).toEqual([
        { id: granted.grantPartnerConsent.id, status: 'EXPIRED' },
      ]);
    } finally {
      graph.clock.set(start);
    }
  });

  it('ends when revoked, and a second revocation is a conflict', async () => {
    const revoke = () =>
      graph.query<{ revokePartnerConsent: { status: string; revokedBy: string } }>(
        `mutation ($id: ID!) { revokePartnerConsent(id: $id, reason: "贷款已结清") { status revokedBy } }`,
        { variables: { id: consentId }, token: clerk },
      );
    expect(dataOf(await revoke()).revokePartnerConsent).toEqual({
      status: 'REVOKED',
      revokedBy: 'test-acceptance_clerk',
    });
    const response = await partnerQuery(
      `query ($s: String!) { partnerCase(serialNo: $s) { serialNo } }`,
      { token: partner, variables: { s: serial.consented } },
    );
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    expect(errorCodes(await revoke())).toEqual(['CONFLICT']);
  });
});
