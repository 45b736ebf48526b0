import { randomUUID } from 'node:crypto';
import { callerHeaders, ROLES, SIGNATURE_LIFETIME_MS, type Role } from '@hall/kit';
import { errorCodes, startTestGraph, TEST_CALLER_SECRET, type TestGraph } from '@hall/test';

let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph.close());

type Outcome = 'OK' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'NOT_FOUND';

/**
 * What each role may do, written out here rather than read from the resolvers, so that a
 * change of a resolver's roles shows up as a failing line. Mutations name an id that does not
 * exist: a role allowed to act gets NOT_FOUND, which proves it passed authorization and that
 * nothing was written.
 */
const MATRIX: {
  what: string;
  operation: string;
  allowed: readonly Role[] | 'everyone';
  /** The answer of an allowed role. */
  answer: Outcome;
}[] = [
  {
    what: 'read the hall today',
    operation: '{ hallToday { visitorsToday } }',
    allowed: 'everyone',
    answer: 'OK',
  },
  {
    what: 'read cases',
    operation: '{ cases(first: 1) { totalCount } }',
    allowed: [
      'SERVICE_BUREAU_ADMIN',
      'CITY_LEADER',
      'SUPERVISION_STAFF',
      'DEPARTMENT_STAFF',
      'ACCEPTANCE_CLERK',
    ],
    answer: 'OK',
  },
  {
    what: 'read alert lights',
    operation: '{ alertLights(first: 1) { totalCount } }',
    allowed: ['SERVICE_BUREAU_ADMIN', 'CITY_LEADER', 'SUPERVISION_STAFF', 'DEPARTMENT_STAFF'],
    answer: 'OK',
  },
  {
    what: 'read complaints',
    operation: '{ complaints(first: 1) { totalCount } }',
    allowed: ['SERVICE_BUREAU_ADMIN', 'CITY_LEADER', 'SUPERVISION_STAFF', 'DEPARTMENT_STAFF'],
    answer: 'OK',
  },
  {
    what: 'read ratings',
    operation: '{ ratings(first: 1) { totalCount } }',
    allowed: ['SERVICE_BUREAU_ADMIN', 'CITY_LEADER', 'SUPERVISION_STAFF', 'DEPARTMENT_STAFF'],
    answer: 'OK',
  },
  {
    what: 'move a case',
    operation: `mutation { acceptCase(id: "${randomUUID()}") { id } }`,
    allowed: ['SERVICE_BUREAU_ADMIN', 'ACCEPTANCE_CLERK', 'DEPARTMENT_STAFF'],
    answer: 'NOT_FOUND',
  },
  {
    what: 'resolve a light',
    operation: `mutation { resolveLight(id: "${randomUUID()}", note: "已整改") { id } }`,
    allowed: ['SERVICE_BUREAU_ADMIN', 'SUPERVISION_STAFF'],
    answer: 'NOT_FOUND',
  },
  {
    what: 'rectify a bad review',
    operation: `mutation { rectifyBadReview(id: "${randomUUID()}", measures: "加强培训") { id } }`,
    allowed: ['SERVICE_BUREAU_ADMIN', 'DEPARTMENT_STAFF'],
    answer: 'NOT_FOUND',
  },
  {
    what: 'cancel a matter',
    operation: `mutation { cancelMatter(id: "${randomUUID()}", reason: "清理") { id } }`,
    allowed: ['SERVICE_BUREAU_ADMIN'],
    answer: 'NOT_FOUND',
  },
];

/** Partners read through their own contract only; every other role is checked here. */
const STAFF_ROLES = ROLES.filter((role) => role !== 'PARTNER');

function outcomeOf(response: { data?: unknown; errors?: unknown[] }, codes: unknown[]): Outcome {
  if (!response.errors?.length) return 'OK';
  return codes[0] as Outcome;
}

describe('every role through the gateway', () => {
  it.each(MATRIX)('$what: allowed roles pass, the others are refused', async (row) => {
    const department = (
      await graph.query<{ departments: { nodes: { id: string }[] } }>(
        '{ departments(first: 1) { nodes { id } } }',
      )
    ).data!.departments.nodes[0]!.id;
    const outcomes: Record<string, Outcome> = {};
    const expected: Record<string, Outcome> = {};
    for (const role of STAFF_ROLES) {
      const token = await graph.tokenFor(
        role,
        role === 'DEPARTMENT_STAFF' ? { departmentId: department } : {},
      );
      const response = await graph.query(row.operation, { token });
      outcomes[role] = outcomeOf(response, errorCodes(response));
      expected[role] =
        row.allowed === 'everyone' || row.allowed.includes(role) ? row.answer : 'FORBIDDEN';
    }
    const anonymous = await graph.query(row.operation);
    outcomes.anonymous = outcomeOf(anonymous, errorCodes(anonymous));
    expected.anonymous = row.allowed === 'everyone' ? row.answer : 'UNAUTHENTICATED';
    expect(outcomes).toEqual(expected);
  });
});

describe('the subgraphs', () => {
  const ASK = JSON.stringify({ query: '{ hallToday { visitorsToday } }' });
  const asAdmin = { kind: 'user', subject: 'mallory', role: 'SERVICE_BUREAU_ADMIN' } as const;

  async function direct(
    url: string,
    headers: Record<string, string>,
  ): Promise<{ status: number; codes: (string | undefined)[] }> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: ASK,
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    return {
      status: response.status,
      codes: (body.errors ?? []).map((error) => error.extensions?.code),
    };
  }

  it('refuse a call without a signature, with a forged or foreign one, or a stale one', async () => {
    const refused = { status: 401, codes: ['UNAUTHENTICATED'] };
    for (const subgraph of Object.values(graph.subgraphs)) {
      const stale = callerHeaders(
        asAdmin,
        TEST_CALLER_SECRET,
        Date.now() - SIGNATURE_LIFETIME_MS - 60_000,
      );
      expect({
        name: subgraph.name,
        unsigned: await direct(subgraph.url, {}),
        foreign: await direct(subgraph.url, callerHeaders(asAdmin, 'another-secret')),
        forged: await direct(subgraph.url, {
          ...callerHeaders(asAdmin, TEST_CALLER_SECRET),
          'x-hall-caller-signature': 'forged',
        }),
        stale: await direct(subgraph.url, stale),
      }).toEqual({
        name: subgraph.name,
        unsigned: refused,
        foreign: refused,
        forged: refused,
        stale: refused,
      });
    }
  });

  it('answer a call the gateway signed', async () => {
    const signed = await direct(
      graph.subgraphs.cases.url,
      callerHeaders({ kind: 'anonymous' }, TEST_CALLER_SECRET),
    );
    expect(signed).toEqual({ status: 200, codes: [] });
  });
});
