import type { SubgraphName } from '@hall/schema';
import { dataOf, errorCodes, liveClient, startTestGraph, type TestGraph } from '@hall/test';

let graph: TestGraph;
let admin: string;
let clerk: string;

beforeAll(async () => {
  graph = await startTestGraph();
  admin = await graph.tokenFor('SERVICE_BUREAU_ADMIN');
  clerk = await graph.tokenFor('ACCEPTANCE_CLERK');
});
afterAll(() => graph.close());

/**
 * Statements of a subgraph's own background work (following a peer's log, moving its cursor,
 * in its own transactions), which run whenever it is woken and belong to no query.
 */
const BACKGROUND =
  /^\s*(begin|commit|rollback|savepoint|release)\b|event_cursor|event_log|pg_notify|^\s*listen\b/i;

/** Statements `name` sent for the queries of `work`, its background work left out. */
async function statementsOf(name: SubgraphName, work: () => Promise<unknown>): Promise<number> {
  const sql = graph.subgraphs[name].sql;
  sql.reset();
  await work();
  return sql.recorded.filter((statement) => !BACKGROUND.test(statement)).length;
}

const VISITORS = '{ hallToday { hallDate visitorsToday } }';
const OPEN_CASES =
  'query ($first: Int!) { cases(first: $first, filter: { open: true }) { totalCount } }';

const APPLICANT = {
  kind: 'PERSON',
  name: '李建国',
  identityNumber: '370687198803152411',
  phone: '13805351234',
};

interface Visitors {
  hallToday: { hallDate: string; visitorsToday: number };
}

describe('identical queries share one read', () => {
  it('answers concurrent and repeated identical queries with one read, and alike', async () => {
    await graph.query(OPEN_CASES, { variables: { first: 1 }, token: admin });
    const once = await statementsOf('cases', () =>
      graph.query(OPEN_CASES, { variables: { first: 2 }, token: admin }),
    );
    expect(once).toBeGreaterThan(0);

    let answers: unknown[] = [];
    const shared = await statementsOf('cases', async () => {
      answers = await Promise.all(
        Array.from({ length: 6 }, () =>
          graph.query(OPEN_CASES, { variables: { first: 3 }, token: admin }),
        ),
      );
      answers.push(await graph.query(OPEN_CASES, { variables: { first: 3 }, token: admin }));
    });
    expect(shared).toBe(once);
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
  });

  it('reads again for another department', async () => {
    // Cases of two departments: a department's staff must see only their own.
    const matters = dataOf(
      await graph.query<{ matters: { nodes: { id: string; department: { id: string } }[] } }>(
        '{ matters(first: 100, filter: { kind: PROMISED }) { nodes { id department { id } } } }',
        { token: admin },
      ),
    ).matters.nodes;
    const [firstMatter] = matters;
    const otherMatter = matters.find(
      (matter) => matter.department.id !== firstMatter?.department.id,
    );
    if (!firstMatter || !otherMatter) throw new Error('the catalog has matters of two departments');
    const departments: string[] = [];
    for (const matter of [firstMatter, firstMatter, otherMatter]) {
      dataOf(
        await graph.query(
          'mutation ($input: RegisterCaseInput!) { registerCase(input: $input) { id } }',
          { variables: { input: { matterId: matter.id, applicant: APPLICANT } }, token: clerk },
        ),
      );
      departments.push(matter.department.id);
    }
    const [first, , other] = departments as [string, string, string];
    const countFor = async (token: string) =>
      dataOf(
        await graph.query<{ cases: { totalCount: number } }>(OPEN_CASES, {
          variables: { first: 1 },
          token,
        }),
      ).cases.totalCount;
    const expected = (departmentId: string) =>
      departments.filter((id) => id === departmentId).length;

    const [ofFirst, ofOther] = await Promise.all([
      graph.tokenFor('DEPARTMENT_STAFF', { departmentId: first }).then(countFor),
      graph.tokenFor('DEPARTMENT_STAFF', { departmentId: other }).then(countFor),
    ]);
    expect(ofFirst).toBe(expected(first));
    expect(ofOther).toBe(expected(other));
  });

  it('never shares a mutation, and a caller reads its own write at once', async () => {
    const before = dataOf(await graph.query<Visitors>(VISITORS, { token: clerk }));
    const takeTicket = 'mutation { takeTicket { number } }';
    const tickets = await Promise.all([
      graph.query<{ takeTicket: { number: string } }>(takeTicket, { token: clerk }),
      graph.query<{ takeTicket: { number: string } }>(takeTicket, { token: clerk }),
    ]);
    expect(new Set(tickets.map((ticket) => dataOf(ticket).takeTicket.number)).size).toBe(2);
    const after = dataOf(await graph.query<Visitors>(VISITORS, { token: clerk }));
    expect(after.hallToday.visitorsToday).toBe(before.hallToday.visitorsToday + 2);
  });

  it('drops what it kept on a mutation sent over WebSocket', async () => {
    const before = dataOf(await graph.query<Visitors>(VISITORS, { token: clerk }));
    const socket = liveClient(graph.gatewayUrl, clerk);
    try {
      const taken = await new Promise<unknown>((resolve, reject) => {
        let result: unknown;
        socket.subscribe(
          { query: 'mutation { takeTicket { number } }' },
          {
            next: (value) => {
              result = value;
            },
            error: reject,
            complete: () => resolve(result),
          },
        );
      });
      expect(taken).toMatchObject({ data: { takeTicket: { number: expect.any(String) } } });
    } finally {
      await socket.dispose();
    }
    const after = dataOf(await graph.query<Visitors>(VISITORS, { token: clerk }));
    expect(after.hallToday.visitorsToday).toBe(before.hallToday.visitorsToday + 1);
  });

  it('reads again once the hall clock moved', async () => {
    const today = dataOf(await graph.query<Visitors>(VISITORS, { token: clerk }));
    const now = graph.clock.now();
    graph.clock.set(new Date(now.getTime() + 24 * 3600_000));
    try {
      const tomorrow = dataOf(await graph.query<Visitors>(VISITORS, { token: clerk }));
      expect(tomorrow.hallToday.hallDate).not.toBe(today.hallToday.hallDate);
    } finally {
      graph.clock.set(now);
    }
  });

  it('does not keep an answer with errors', async () => {
    const missing = (id: string) =>
      graph.query(`{ case(id: "00000000-0000-4000-8000-00000000000${id}") { id } }`, {
        token: admin,
      });
    const one = await statementsOf('cases', async () => {
      expect(errorCodes(await missing('1'))).toEqual(['NOT_FOUND']);
    });
    const twice = await statementsOf('cases', async () => {
      for (let attempt = 0; attempt < 2; attempt++) {
        expect(errorCodes(await missing('2'))).toEqual(['NOT_FOUND']);
      }
    });
    expect(one).toBeGreaterThan(0);
    expect(twice).toBe(2 * one);
  });

  it('drops what it kept when another gateway writes, as the event reaches its log tail', async () => {
    // Kept for a minute: only the cases log telling of the new ticket can make it read again.
    const patient = await graph.startGateway(undefined, { sharedAnswersMaxAgeMs: 60_000 });
    const writer = await graph.startGateway();
    const read = async (url: string) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${clerk}` },
        body: JSON.stringify({ query: VISITORS }),
      });
      return dataOf((await response.json()) as { data?: Visitors }).hallToday.visitorsToday;
    };
    const before = await read(patient.url);
    const response = await fetch(writer.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${clerk}` },
      body: JSON.stringify({ query: 'mutation { takeTicket { number } }' }),
    });
    expect(response.status).toBe(200);
    const deadline = Date.now() + 20_000;
    let seen = before;
    while (seen === before && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      seen = await read(patient.url);
    }
    expect(seen).toBe(before + 1);
  });
});
