import {
  connectRaw,
  dataOf,
  errorCodes,
  liveClient,
  LiveReader,
  raiseLightOnCase,
  startTestGraph,
  type LiveMessage,
  type TestGraph,
} from '@hall/test';
import type { Client } from 'graphql-ws';

let graph: TestGraph;
let admin: string;
let clerk: string;
let lobby: string;
const clients: Client[] = [];

beforeAll(async () => {
  graph = await startTestGraph();
  admin = await graph.tokenFor('SERVICE_BUREAU_ADMIN');
  clerk = await graph.tokenFor('ACCEPTANCE_CLERK');
  lobby = await graph.tokenFor('LOBBY_DISPLAY');
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});
afterAll(() => graph.close());

function connect(token: string, gatewayUrl = graph.gatewayUrl): Client {
  const client = liveClient(gatewayUrl, token);
  clients.push(client);
  return client;
}

const APPLICANT = {
  kind: 'PERSON',
  name: '李建国',
  identityNumber: '370687198803152411',
  phone: '13805351234',
};

interface Matter {
  id: string;
  name: string;
  promisedLimitDays: number;
  department: { id: string; name: string };
}

let matters: Matter[] = [];
async function matterOf(index: number): Promise<Matter> {
  if (matters.length === 0) {
    matters = dataOf(
      await graph.query<{ matters: { nodes: Matter[] } }>(
        '{ matters(first: 100, filter: { kind: PROMISED }) { nodes { id name promisedLimitDays department { id name } } } }',
      ),
    ).matters.nodes.filter((matter) => matter.promisedLimitDays >= 5);
  }
  // Matters of different departments, so department filters have something to tell apart.
  const byDepartment = [
    ...new Map(matters.map((matter) => [matter.department.id, matter])).values(),
  ];
  return byDepartment[index % byDepartment.length]!;
}

async function registeredCase(matter: Matter): Promise<{ id: string; serialNo: string }> {
  return dataOf(
    await graph.query<{ registerCase: { id: string; serialNo: string } }>(
      'mutation ($input: RegisterCaseInput!) { registerCase(input: $input) { id serialNo } }',
      { variables: { input: { matterId: matter.id, applicant: APPLICANT } }, token: clerk },
    ),
  ).registerCase;
}

async function raiseLight(caseId: string, level: 'YELLOW' | 'RED' = 'YELLOW'): Promise<string> {
  return (await raiseLightOnCase(graph, { token: admin, caseId, level, reason: '催办' })).id;
}

interface LightPayload {
  alertLights: { id: string; level: string; subjectId: string };
}
const LIGHT_IDS =
  'subscription ($after: String) { alertLights(after: $after) { id level subjectId } }';

const about =
  (caseIds: readonly string[]) =>
  (message: LiveMessage<LightPayload>): boolean =>
    caseIds.includes(message.data?.alertLights.subjectId ?? '');

describe('hall figures, live', () => {
  it('reach the lobby screen at once and again when a visitor takes a ticket, with lights from supervision', async () => {
    const reader = new LiveReader<{
      hallStats: {
        visitorsToday: number;
        waiting: number;
        windowsOpen: number;
        lightsOn: { yellow: number; red: number };
      };
    }>(
      connect(lobby),
      'subscription { hallStats { visitorsToday waiting windowsOpen lightsOn { yellow red } } }',
    );
    const first = await reader.next();
    expect(first.errors).toBeUndefined();
    const before = first.data!.hallStats;
    expect(before.lightsOn).toEqual({ yellow: expect.any(Number), red: expect.any(Number) });

    const matter = await matterOf(0);
    dataOf(
      await graph.query(`mutation { takeTicket(matterId: "${matter.id}") { id } }`, {
        token: clerk,
      }),
    );
    const after = await reader.next(
      (message) => message.data?.hallStats.visitorsToday === before.visitorsToday + 1,
    );
    expect(after.data!.hallStats.waiting).toBe(before.waiting + 1);
  });

  it('fold a burst of changes into fewer updates that end at the latest figures', async () => {
    const reader = new LiveReader<{ hallStats: { visitorsToday: number } }>(
      connect(lobby),
      'subscription { hallStats { visitorsToday } }',
    );
    const start = (await reader.next()).data!.hallStats.visitorsToday;
    const matter = await matterOf(1);
    await Promise.all(
      Array.from({ length: 12 }, () =>
        graph.query(`mutation { takeTicket(matterId: "${matter.id}") { id } }`, { token: clerk }),
      ),
    );
    await reader.next((message) => message.data?.hallStats.visitorsToday === start + 12);
    // One message at subscription, then at most a few for twelve commits.
    expect(reader.messages.length).toBeLessThan(12);
  });

  it('reach subscribers alike with one payload, each under its own operation id', async () => {
    const query = 'subscription { hallStats { visitorsToday } }';
    const sockets = await Promise.all(
      ['a', 'b'].map(async (id) => {
        const connection = await connectRaw(graph.gatewayUrl, {
          authorization: `Bearer ${lobby}`,
        });
        if (!('socket' in connection)) throw new Error('refused');
        const frames: string[] = [];
        connection.socket.on('message', (data) => frames.push(String(data)));
        connection.socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query } }));
        return { id, socket: connection.socket, frames };
      }),
    );
    try {
      const nexts = (frames: string[]) =>
        frames
          .map((frame) => JSON.parse(frame) as { id?: string; type: string; payload?: unknown })
          .filter((message) => message.type === 'next');
      const deadline = Date.now() + 20_000;
      const until = async (done: () => boolean) => {
        while (!done()) {
          if (Date.now() > deadline) throw new Error('no update arrived');
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      };
      await until(() => sockets.every(({ frames }) => nexts(frames).length >= 1));
      const visitors = (payload: unknown) =>
        (payload as { data: { hallStats: { visitorsToday: number } } }).data.hallStats
          .visitorsToday;
      const start = visitors(nexts(sockets[0]!.frames)[0]!.payload);
      const matter = await matterOf(0);
      await graph.query(`mutation { takeTicket(matterId: "${matter.id}") { id } }`, {
        token: clerk,
      });
      // The raw text of the update showing the ticket, as each socket received it.
      const updateOf = (frames: string[]) =>
        frames.find((frame) => {
          const message = JSON.parse(frame) as { type: string; payload?: unknown };
          return message.type === 'next' && visitors(message.payload) === start + 1;
        });
      await until(() => sockets.every(({ frames }) => updateOf(frames) !== undefined));
      for (const { id, frames } of sockets) {
        for (const message of nexts(frames)) expect(message.id).toBe(id);
      }
      const [a, b] = sockets.map(({ frames }) => updateOf(frames)!);
      expect(a!.replace('"id":"a"', '"id":"b"')).toBe(b);
    } finally {
      for (const { socket } of sockets) socket.close();
    }
  });

  it('are refused over HTTP, where subscriptions are not served', async () => {
    const response = await graph.query('subscription { hallStats { visitorsToday } }', {
      token: lobby,
    });
    expect(errorCodes(response)).toEqual(['BAD_REQUEST']);
  });
});

describe('alert lights, live', () => {
  it('a light raised by moving the clock arrives with fields of every subgraph', async () => {
    graph.clock.set('2026-11-24T09:00:00+08:00');
    const matter = await matterOf(2);
    const subject = await registeredCase(matter);
    const accepted = dataOf(
      await graph.query<{ acceptCase: { clock: { dueOn: string } } }>(
        `mutation { acceptCase(id: "${subject.id}") { clock { dueOn } } }`,
        { token: clerk },
      ),
    ).acceptCase;
    dataOf(
      await graph.query(`mutation { startReview(id: "${subject.id}") { id } }`, { token: clerk }),
    );
    const reader = new LiveReader<{
      alertLights: {
        id: string;
        level: string;
        subjectId: string;
        case: {
          serialNo: string;
          matter: { name: string; department: { name: string } };
          rating: { level: string | null } | null;
        };
      };
    }>(
      connect(admin),
      `subscription {
        alertLights {
          id level subjectId
          case { serialNo matter { name department { name } } rating { level } }
        }
      }`,
    );
    // Subscribed before the clock moves: wait until the gateway holds the subscription.
    await waitFor(() => graph.gateway.live().subscriptions > 0);

    // The day the due date falls on: at most one working day left, so the light goes yellow.
    graph.clock.set(`${accepted.clock.dueOn}T09:00:00+08:00`);
    const message = await reader.next(
      (candidate) => candidate.data?.alertLights.subjectId === subject.id,
    );
    expect(message.errors).toBeUndefined();
    expect(message.data!.alertLights).toMatchObject({
      level: 'YELLOW',
      case: {
        serialNo: subject.serialNo,
        matter: { name: matter.name, department: { name: matter.department.name } },
        rating: null,
      },
    });
    expect(message.extensions).toMatchObject({
      cursor: expect.any(String),
      change: { type: 'LightRaised', level: 'YELLOW', status: 'ON' },
    });
    graph.clock.set('2026-11-24T09:00:00+08:00');
  });

  it('two gateway instances each deliver every light to their own subscribers', async () => {
    const second = await graph.startGateway();
    const onFirst = new LiveReader<LightPayload>(connect(admin), LIGHT_IDS);
    const onSecond = new LiveReader<LightPayload>(connect(admin, second.url), LIGHT_IDS);
    await waitFor(() => graph.gateway.live().subscriptions > 0 && second.live().subscriptions > 0);
    const subject = await registeredCase(await matterOf(3));
    const lightId = await raiseLight(subject.id);

    const [first, other] = await Promise.all([
      onFirst.next(about([subject.id])),
      onSecond.next(about([subject.id])),
    ]);
    expect(first.data!.alertLights.id).toBe(lightId);
    expect(other.data!.alertLights.id).toBe(lightId);
    expect(other.extensions!.cursor).toBe(first.extensions!.cursor);
    await second.close();
  });

  it('a subscriber resumes from its cursor across a gateway restart and misses nothing', async () => {
    const cases = await Promise.all(
      [0, 1, 2, 3].map(async (index) => registeredCase(await matterOf(index))),
    );
    const ids = cases.map((subject) => subject.id);
    const instance = await graph.startGateway();
    const reader = new LiveReader<LightPayload>(connect(admin, instance.url), LIGHT_IDS);
    await waitFor(() => instance.live().subscriptions > 0);
    await raiseLight(ids[0]!);
    const seen = await reader.next(about(ids));
    reader.stop();
    await instance.close();

    // Lights change while the subscriber has no gateway at all.
    await raiseLight(ids[1]!);
    await raiseLight(ids[2]!, 'RED');

    const restarted = await graph.startGateway();
    const resumed = new LiveReader<LightPayload>(connect(admin, restarted.url), LIGHT_IDS, {
      after: seen.extensions!.cursor,
    });
    const missed = [await resumed.next(about(ids)), await resumed.next(about(ids))];
    expect(missed.map((message) => message.data!.alertLights.subjectId)).toEqual([ids[1], ids[2]]);
    expect(missed[1]!.extensions!.change!.level).toBe('RED');

    // And then on live, once each.
    await raiseLight(ids[3]!);
    const live = await resumed.next(about(ids));
    expect(live.data!.alertLights.subjectId).toBe(ids[3]);
    const cursors = resumed.messages.map((message) => message.extensions!.cursor);
    expect(new Set(cursors).size).toBe(cursors.length);
  });

  it('keeps delivering across a restart of the subgraph that owns the lights', async () => {
    const reader = new LiveReader<LightPayload>(connect(admin), LIGHT_IDS);
    await waitFor(() => graph.gateway.live().subscriptions > 0);
    const subject = await registeredCase(await matterOf(2));
    await graph.restart('supervision');
    const lightId = await raiseLight(subject.id);
    const message = await reader.next(about([subject.id]));
    expect(message.data!.alertLights.id).toBe(lightId);
  });

  it('a reader behind on a burst reads on from the log, in order, once each, without holding others back', async () => {
    const instance = await graph.startGateway({ maxPendingLights: 1 });
    const reader = new LiveReader<LightPayload>(connect(admin, instance.url), LIGHT_IDS);
    // A reader that never reads what the gateway sends it.
    const stalled = await connectRaw(instance.url, { authorization: `Bearer ${admin}` });
    if (!('socket' in stalled)) throw new Error('the stalled reader was refused');
    stalled.socket.send(
      JSON.stringify({ id: '1', type: 'subscribe', payload: { query: LIGHT_IDS } }),
    );
    await waitFor(() => instance.live().subscriptions >= 2);
    stalled.socket.pause();

    const cases = await Promise.all(
      [0, 1, 2, 3, 4, 5].map(async (index) => registeredCase(await matterOf(index))),
    );
    const ids = cases.map((subject) => subject.id);
    // Wait until supervision knows every case, then raise all lights at once.
    await Promise.all(ids.map((id) => raiseLight(id, 'YELLOW')));
    await Promise.all(ids.map((id) => raiseLight(id, 'RED')));

    const received: string[] = [];
    while (received.length < 12) {
      const message = await reader.next(about(ids));
      received.push(`${message.data!.alertLights.subjectId}:${message.extensions!.change!.level}`);
    }
    expect(new Set(received).size).toBe(12);
    expect(instance.live().readersFallenBehind).toBeGreaterThan(0);
    stalled.socket.resume();
    stalled.socket.close();
    await instance.close();
  });

  it('shutting a gateway down completes its open subscriptions', async () => {
    const instance = await graph.startGateway();
    const reader = new LiveReader<LightPayload>(connect(admin, instance.url), LIGHT_IDS);
    await waitFor(() => instance.live().subscriptions > 0);
    await instance.close();
    await reader.ended();
    expect(reader.completed).toBe(true);
  });

  it('idle connections are pinged', async () => {
    const instance = await graph.startGateway({ keepAliveMs: 100 });
    const connection = await connectRaw(instance.url, { authorization: `Bearer ${admin}` });
    if (!('socket' in connection)) throw new Error('refused');
    let pings = 0;
    connection.socket.on('ping', () => {
      pings += 1;
    });
    await waitFor(() => pings >= 2);
    connection.socket.close();
    await instance.close();
  });
});

describe('who may subscribe', () => {
  it('closes a connection without a valid token with 4401 and a partner connection with 4403', async () => {
    const partner = await graph.tokenFor('PARTNER', { organizationId: 'bank' });
    const outcomes = await Promise.all([
      connectRaw(graph.gatewayUrl, undefined),
      connectRaw(graph.gatewayUrl, { authorization: 'Bearer not-a-token' }),
      connectRaw(graph.gatewayUrl, { authorization: `Bearer ${admin.slice(0, -2)}xx` }),
      connectRaw(graph.gatewayUrl, { authorization: `Bearer ${partner}` }),
    ]);
    expect(
      outcomes.map((outcome) => ('closedWith' in outcome ? outcome.closedWith : 'open')),
    ).toEqual([4401, 4401, 4401, 4403]);
  });

  it('closes a connection with 4401 when its token expires', async () => {
    const shortLived = await graph.tokenFor('LOBBY_DISPLAY', {}, 2);
    const connection = await connectRaw(graph.gatewayUrl, {
      authorization: `Bearer ${shortLived}`,
    });
    if (!('socket' in connection)) throw new Error('refused while the token was valid');
    const code = await new Promise<number>((resolve) => connection.socket.once('close', resolve));
    expect(code).toBe(4401);
  });

  it('lets the lobby screen read hall figures and light counts only', async () => {
    const client = connect(lobby);
    const counts = new LiveReader<{ lightCounts: { yellow: number } }>(
      client,
      'subscription { lightCounts { yellow red } }',
    );
    expect((await counts.next()).data!.lightCounts.yellow).toEqual(expect.any(Number));
    const lights = new LiveReader<LightPayload>(client, LIGHT_IDS);
    await expect(lights.next()).rejects.toThrow(/FORBIDDEN/);
  });

  it('gives department staff their own department’s lights and refuses another’s', async () => {
    const [own, other] = [await matterOf(4), await matterOf(5)];
    const staff = await graph.tokenFor('DEPARTMENT_STAFF', { departmentId: own.department.id });
    const client = connect(staff);
    const refused = new LiveReader<LightPayload>(
      client,
      'subscription ($d: ID) { alertLights(departmentId: $d) { id } }',
      { d: other.department.id },
    );
    await expect(refused.next()).rejects.toThrow(/FORBIDDEN/);

    const reader = new LiveReader<LightPayload>(client, LIGHT_IDS);
    await waitFor(() => graph.gateway.live().subscriptions > 0);
    const [ours, theirs] = [await registeredCase(own), await registeredCase(other)];
    await raiseLight(theirs.id);
    await raiseLight(ours.id);
    const message = await reader.next(about([ours.id, theirs.id]));
    expect(message.data!.alertLights.subjectId).toBe(ours.id);
    expect(reader.messages.some(about([theirs.id]))).toBe(false);
  });

  it('answers a cursor it never gave with BAD_USER_INPUT', async () => {
    const reader = new LiveReader<LightPayload>(connect(admin), LIGHT_IDS, { after: 'nonsense' });
    await expect(reader.next()).rejects.toThrow(/BAD_USER_INPUT/);
  });
});

/** Waits for state that real servers bring about soon, without fixing how soon. */
async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
