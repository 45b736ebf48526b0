import { execFile } from 'node:child_process';
import {
  createHmac,
  createSign,
  generateKeyPairSync,
  randomUUID,
  type KeyObject,
} from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  createTokenVerifier,
  readTrustedDocuments,
  sha256,
  type GatewayHandle,
} from '@hall/gateway';
import { listen } from '@hall/kit';
import {
  dataOf,
  errorCodes,
  liveClient,
  reachableTempDir,
  startTestGraph,
  type GraphQLResponse,
  type TestGraph,
} from '@hall/test';
import type { Client } from 'graphql-ws';

/** The secret startTestGraph's gateway verifies HS256 tokens with. */
const TEST_TOKEN_SECRET = 'test-token-secret';

let graph: TestGraph;
let admin: string;
const clients: Client[] = [];
const servers: Server[] = [];

beforeAll(async () => {
  graph = await startTestGraph();
  admin = await graph.tokenFor('SERVICE_BUREAU_ADMIN');
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});
afterAll(async () => {
  await graph.close();
  await Promise.all(
    servers.map((server) => new Promise((resolve) => server.close(() => resolve(undefined)))),
  );
});

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

/**
 * A JWT made by hand with node:crypto rather than with jose, so these tests do not trust the
 * library the gateway verifies with to also make the tokens.
 */
function jwt(
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  key: { secret: string } | { privateKey: KeyObject },
): string {
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const signature =
    'secret' in key
      ? createHmac('sha256', key.secret).update(input).digest()
      : createSign('RSA-SHA256').update(input).sign(key.privateKey);
  return `${input}.${base64url(signature)}`;
}

const now = () => Math.floor(Date.now() / 1000);
const HALL_ISSUER = 'service-center-graph';

interface HttpAnswer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: GraphQLResponse<T>;
}

async function post<T = Record<string, unknown>>(
  url: string,
  body: unknown,
  authorization?: string,
): Promise<HttpAnswer<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(authorization && { authorization }),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as GraphQLResponse<T>,
  };
}

const HALL_TODAY = '{ hallToday { visitorsToday } }';

/** The first answer of an operation over the WebSocket, or the codes it was refused with. */
function overSocket(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data?: unknown; codes?: (string | undefined)[] }> {
  return new Promise((resolve) => {
    const stop = client.subscribe(
      { query, variables },
      {
        next: (result) => {
          stop();
          resolve({
            data: result.data,
            codes: result.errors?.map((e) => e.extensions?.code as string),
          });
        },
        error: (error) => {
          const errors = Array.isArray(error)
            ? (error as { extensions?: { code?: string } }[])
            : [];
          resolve({ codes: errors.map((e) => e.extensions?.code) });
        },
        complete: () => undefined,
      },
    );
  });
}

/** Subgraph URLs behind a proxy that counts the requests each subgraph gets. */
async function countingSubgraphs(): Promise<{ urls: Record<string, string>; count(): number }> {
  let requests = 0;
  const urls: Record<string, string> = {};
  for (const [name, handle] of Object.entries(graph.subgraphs)) {
    const server = createServer((req, res) => {
      requests += 1;
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const headers = Object.fromEntries(
          Object.entries(req.headers).filter(
            (entry): entry is [string, string] =>
              typeof entry[1] === 'string' &&
              !['host', 'content-length', 'connection'].includes(entry[0]),
          ),
        );
        void fetch(handle.url, { method: req.method, headers, body: Buffer.concat(chunks) })
          .then(async (response) => {
            res.writeHead(response.status, { 'content-type': 'application/json' });
            res.end(Buffer.from(await response.arrayBuffer()));
          })
          .catch(() => {
            res.writeHead(502);
            res.end();
          });
      });
    });
    servers.push(server);
    const port = await listen(server, 0, '127.0.0.1');
    urls[name] = `http://127.0.0.1:${port}/graphql`;
  }
  return { urls, count: () => requests };
}

describe('tokens', () => {
  const refusals: [string, () => string][] = [
    [
      'a token signed with another secret',
      () =>
        `Bearer ${jwt({ alg: 'HS256', typ: 'JWT' }, { sub: 'x', role: 'CITY_LEADER', iss: HALL_ISSUER, exp: now() + 600 }, { secret: 'not-the-gateway-secret' })}`,
    ],
    [
      'an expired token',
      () =>
        `Bearer ${jwt({ alg: 'HS256', typ: 'JWT' }, { sub: 'x', role: 'CITY_LEADER', iss: HALL_ISSUER, iat: now() - 7200, exp: now() - 3600 }, { secret: TEST_TOKEN_SECRET })}`,
    ],
    [
      'a token of a role the graph does not know',
      () =>
        `Bearer ${jwt({ alg: 'HS256', typ: 'JWT' }, { sub: 'x', role: 'MAYOR', iss: HALL_ISSUER, exp: now() + 600 }, { secret: TEST_TOKEN_SECRET })}`,
    ],
    [
      'an unsigned token (alg none)',
      () =>
        `Bearer ${base64url(JSON.stringify({ alg: 'none' }))}.${base64url(JSON.stringify({ sub: 'x', role: 'SERVICE_BUREAU_ADMIN', iss: HALL_ISSUER }))}.`,
    ],
    ['a header that is not "Bearer <token>"', () => 'Token abc'],
    ['a bearer that is not a JWT', () => 'Bearer not-a-jwt'],
  ];

  test.each(refusals)('%s is refused with 401 UNAUTHENTICATED', async (_what, authorization) => {
    const answer = await post(graph.gatewayUrl, { query: HALL_TODAY }, authorization());
    expect(answer.status).toBe(401);
    expect(errorCodes(answer.body)).toEqual(['UNAUTHENTICATED']);
  });

  test('a hand-made token signed with the secret is accepted', async () => {
    const token = jwt(
      { alg: 'HS256', typ: 'JWT' },
      { sub: 'x', role: 'CITY_LEADER', iss: HALL_ISSUER, exp: now() + 600 },
      { secret: TEST_TOKEN_SECRET },
    );
    const answer = await post(graph.gatewayUrl, { query: HALL_TODAY }, `Bearer ${token}`);
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
  });
});

describe('a JSON Web Key Set', () => {
  const issuer = 'https://id.haiyang.example';
  const audience = 'service-center-graph';
  const kid = 'hall-2026';
  const signing = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let gateway: GatewayHandle;
  let keySetRequests = 0;
  let jwksUrl: string;

  const rs256 = (claims: Record<string, unknown>, privateKey = signing.privateKey) =>
    `Bearer ${jwt({ alg: 'RS256', typ: 'JWT', kid }, { iss: issuer, aud: audience, ...claims }, { privateKey })}`;

  beforeAll(async () => {
    const server = createServer((_req, res) => {
      keySetRequests += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          keys: [{ ...signing.publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }],
        }),
      );
    });
    servers.push(server);
    const port = await listen(server, 0, '127.0.0.1');
    jwksUrl = `http://127.0.0.1:${port}/.well-known/jwks.json`;
    gateway = await graph.startGateway(undefined, { jwks: { url: jwksUrl, issuer, audience } });
  });

  test('an RS256 token signed by a key of the set is accepted, over HTTP and WebSocket', async () => {
    const authorization = rs256({ sub: 'leader-1', role: 'CITY_LEADER', exp: now() + 600 });
    const answer = await post<{ hallToday: { visitorsToday: number } }>(
      gateway.url,
      { query: HALL_TODAY },
      authorization,
    );
    expect(answer.status).toBe(200);
    expect(dataOf(answer.body).hallToday.visitorsToday).toEqual(expect.any(Number));
    const client = liveClient(gateway.url, authorization.slice('Bearer '.length));
    clients.push(client);
    const live = await overSocket(client, HALL_TODAY);
    expect(live.codes).toBeUndefined();
    expect(live.data).toEqual({ hallToday: { visitorsToday: expect.any(Number) } });
    // The set is fetched once and cached, not per request.
    expect(keySetRequests).toBe(1);
  });

  test.each([
    [
      'signed by a key outside the set',
      () => rs256({ sub: 'x', role: 'CITY_LEADER', exp: now() + 600 }, stranger.privateKey),
    ],
    [
      'expired',
      () => rs256({ sub: 'x', role: 'CITY_LEADER', iat: now() - 7200, exp: now() - 3600 }),
    ],
    [
      'for another audience',
      () =>
        `Bearer ${jwt({ alg: 'RS256', kid }, { iss: issuer, aud: 'elsewhere', sub: 'x', role: 'CITY_LEADER', exp: now() + 600 }, { privateKey: signing.privateKey })}`,
    ],
    [
      'an HS256 token of the shared secret, once a key set is configured',
      () =>
        `Bearer ${jwt({ alg: 'HS256' }, { sub: 'x', role: 'CITY_LEADER', iss: issuer, aud: audience, exp: now() + 600 }, { secret: TEST_TOKEN_SECRET })}`,
    ],
  ])('a token %s is refused with 401 UNAUTHENTICATED', async (_what, authorization) => {
    const answer = await post(gateway.url, { query: HALL_TODAY }, authorization());
    expect(answer.status).toBe(401);
    expect(errorCodes(answer.body)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('depth and cost', () => {
  let gateway: GatewayHandle;
  let subgraphs: Awaited<ReturnType<typeof countingSubgraphs>>;
  beforeAll(async () => {
    subgraphs = await countingSubgraphs();
    gateway = await graph.startGateway(undefined, { subgraphUrls: subgraphs.urls });
  });

  // department → matters → department → ... : 13 fields deep.
  const DEEP = `query Deep($id: ID!) { department(id: $id) { ${'matters { department { '.repeat(5)}matters { id } ${'} } '.repeat(5)} } }`;
  // 100 cases, each with ten timeline entries and ten lights of ten history entries: ~56 000.
  const COSTLY = `{ cases(first: 100) { nodes { id timeline { id action at actor reason }
    alertLights { id history { id action at actor note } } } } }`;

  test('an operation nested deeper than 12 is refused before any subgraph is called', async () => {
    const before = subgraphs.count();
    const answer = await post(
      gateway.url,
      { query: DEEP, variables: { id: randomUUID() } },
      `Bearer ${admin}`,
    );
    expect(answer.status).toBe(400);
    expect(errorCodes(answer.body)).toEqual(['DEPTH_LIMIT_EXCEEDED']);
    expect(subgraphs.count()).toBe(before);
  });

  test('an operation costing over 25 000 is refused before any subgraph is called', async () => {
    const before = subgraphs.count();
    const answer = await post(gateway.url, { query: COSTLY }, `Bearer ${admin}`);
    expect(answer.status).toBe(400);
    expect(errorCodes(answer.body)).toEqual(['COST_LIMIT_EXCEEDED']);
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ maxCost: 25_000 });
    expect(subgraphs.count()).toBe(before);
    // A smaller page of the same is served, and does reach the subgraphs.
    const smaller = await post(
      gateway.url,
      { query: COSTLY.replace('first: 100', 'first: 5') },
      `Bearer ${admin}`,
    );
    expect(smaller.status).toBe(200);
    expect(smaller.body.errors).toBeUndefined();
    expect(subgraphs.count()).toBeGreaterThan(before);
  });

  test('a page size in a variable counts with its value', async () => {
    const query = COSTLY.replace(
      '{ cases(first: 100)',
      'query Page($first: Int!) { cases(first: $first)',
    );
    const big = await post(gateway.url, { query, variables: { first: 100 } }, `Bearer ${admin}`);
    expect(errorCodes(big.body)).toEqual(['COST_LIMIT_EXCEEDED']);
    const small = await post(gateway.url, { query, variables: { first: 3 } }, `Bearer ${admin}`);
    expect(small.body.errors).toBeUndefined();
  });

  test('introspection is not held to the depth limit', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const answer = await post<{ __schema: { types: unknown[] } }>(gateway.url, {
      query: getIntrospectionQuery(),
    });
    expect(answer.status).toBe(200);
    expect(dataOf(answer.body).__schema.types.length).toBeGreaterThan(50);
  });

  test('over the WebSocket the same limits refuse with the same codes', async () => {
    const client = liveClient(gateway.url, admin);
    clients.push(client);
    const before = subgraphs.count();
    expect((await overSocket(client, DEEP, { id: randomUUID() })).codes).toEqual([
      'DEPTH_LIMIT_EXCEEDED',
      'COST_LIMIT_EXCEEDED',
    ]);
    expect((await overSocket(client, COSTLY)).codes).toEqual(['COST_LIMIT_EXCEEDED']);
    expect(subgraphs.count()).toBe(before);
  });
});

test('a body over 100 KiB is refused with 413 PAYLOAD_TOO_LARGE', async () => {
  const padding = ' '.repeat(101 * 1024);
  const answer = await post(
    graph.gatewayUrl,
    { query: `{ hallToday { visitorsToday } ${padding}}` },
    `Bearer ${admin}`,
  );
  expect(answer.status).toBe(413);
  expect(errorCodes(answer.body)).toEqual(['PAYLOAD_TOO_LARGE']);
  // Just under the limit is read.
  const fits = await post(
    graph.gatewayUrl,
    { query: `{ hallToday { visitorsToday } ${' '.repeat(90 * 1024)}}` },
    `Bearer ${admin}`,
  );
  expect(fits.status).toBe(200);
});

describe('rate limits', () => {
  let gateway: GatewayHandle;
  beforeAll(async () => {
    gateway = await graph.startGateway(undefined, {
      rateLimits: { staffPerMinute: 12, partnerPerMinute: 4, anonymousPerMinute: 6 },
    });
  });

  /** The statuses of `count` requests sent one after the other as `authorization`. */
  async function statuses(url: string, count: number, authorization?: string) {
    const answers: HttpAnswer[] = [];
    for (let i = 0; i < count; i += 1) {
      answers.push(await post(url, { query: HALL_TODAY }, authorization));
    }
    return answers;
  }

  test('a partner is refused with 429 RATE_LIMITED well before staff', async () => {
    const partner = await graph.tokenFor('PARTNER', { organizationId: randomUUID() });
    const partnerUrl = gateway.url.replace('/graphql', '/partner/graphql');
    const partnerAnswers = await statuses(partnerUrl, 5, `Bearer ${partner}`);
    expect(partnerAnswers.slice(0, 4).map((answer) => answer.status)).not.toContain(429);
    const refused = partnerAnswers[4]!;
    expect(refused.status).toBe(429);
    expect(errorCodes(refused.body)).toEqual(['RATE_LIMITED']);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    const staff = await graph.tokenFor('CITY_LEADER');
    const staffAnswers = await statuses(gateway.url, 13, `Bearer ${staff}`);
    expect(staffAnswers.slice(0, 12).map((answer) => answer.status)).toEqual(Array(12).fill(200));
    expect(staffAnswers[12]!.status).toBe(429);
    expect(errorCodes(staffAnswers[12]!.body)).toEqual(['RATE_LIMITED']);

    // Each caller has its own budget: another leader is served.
    const otherLeader = jwt(
      { alg: 'HS256' },
      { sub: 'leader-2', role: 'CITY_LEADER', iss: HALL_ISSUER, exp: now() + 600 },
      { secret: TEST_TOKEN_SECRET },
    );
    expect((await post(gateway.url, { query: HALL_TODAY }, `Bearer ${otherLeader}`)).status).toBe(
      200,
    );
  });

  test('anonymous callers share a budget per address', async () => {
    const answers = await statuses(gateway.url, 7);
    expect(answers.slice(0, 6).map((answer) => answer.status)).not.toContain(429);
    expect(answers[6]!.status).toBe(429);
  });

  test('the subscriptions’ own queries are not limited', async () => {
    const lobby = await graph.tokenFor('LOBBY_DISPLAY');
    // The lobby spends its whole budget over HTTP ...
    await statuses(gateway.url, 12, `Bearer ${lobby}`);
    expect((await post(gateway.url, { query: HALL_TODAY }, `Bearer ${lobby}`)).status).toBe(429);
    // ... and its live figures, which the gateway reads as the lobby, still arrive.
    const client = liveClient(gateway.url, lobby);
    clients.push(client);
    const live = await overSocket(client, 'subscription { hallStats { visitorsToday } }');
    expect(live.codes).toBeUndefined();
    expect(live.data).toEqual({ hallStats: { visitorsToday: expect.any(Number) } });
  });
});

describe('trusted documents', () => {
  const manifest = readTrustedDocuments();
  const hallToday = manifest.operations.find((operation) => operation.name === 'HallToday')!;

  test('the manifest names each document by the sha256 of its text', () => {
    for (const operation of manifest.operations) expect(operation.id).toBe(sha256(operation.body));
  });

  test('a document is served by its id, or by Apollo’s persisted query hash', async () => {
    const byId = await post(
      graph.gatewayUrl,
      { documentId: `sha256:${hallToday.id}` },
      `Bearer ${admin}`,
    );
    expect(byId.status).toBe(200);
    expect(dataOf(byId.body)).toMatchObject({ hallToday: { hallDate: expect.any(String) } });
    const byHash = await post(
      graph.gatewayUrl,
      { extensions: { persistedQuery: { version: 1, sha256Hash: hallToday.id } } },
      `Bearer ${admin}`,
    );
    expect(byHash.status).toBe(200);
    expect(dataOf(byHash.body)).toMatchObject({ hallToday: { hallDate: expect.any(String) } });
  });

  test('an id the manifest does not hold is refused with PERSISTED_QUERY_NOT_FOUND', async () => {
    const unknown = sha256('{ hallToday { visitorsToday } }');
    for (const body of [
      { documentId: `sha256:${unknown}` },
      { extensions: { persistedQuery: { version: 1, sha256Hash: unknown } } },
      // Apollo's automatic registration (hash plus text) registers nothing here.
      { query: HALL_TODAY, extensions: { persistedQuery: { version: 1, sha256Hash: unknown } } },
    ]) {
      const answer = await post(graph.gatewayUrl, body, `Bearer ${admin}`);
      expect(answer.status).toBe(400);
      expect(errorCodes(answer.body)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    }
  });

  describe('in production mode (trusted documents only)', () => {
    let gateway: GatewayHandle;
    beforeAll(async () => {
      gateway = await graph.startGateway(undefined, { trustedDocuments: { only: true } });
    });

    test('ad-hoc text is refused with OPERATION_NOT_TRUSTED', async () => {
      const answer = await post(gateway.url, { query: HALL_TODAY }, `Bearer ${admin}`);
      expect(answer.status).toBe(400);
      expect(errorCodes(answer.body)).toEqual(['OPERATION_NOT_TRUSTED']);
    });

    test('manifest documents are served by id, and as text however a client formats it', async () => {
      const byId = await post(
        gateway.url,
        { documentId: `sha256:${hallToday.id}` },
        `Bearer ${admin}`,
      );
      expect(byId.status).toBe(200);
      // As urql sends it: reprinted, with __typename added to every selection.
      const asUrqlSends = `query HallToday {
  hallToday { __typename ${hallToday.body.match(/hallToday \{ ([^}]*) \}/)![1]} }
  lightCounts { __typename yellow red escalated }
}`;
      const asText = await post(gateway.url, { query: asUrqlSends }, `Bearer ${admin}`);
      expect(asText.body.errors).toBeUndefined();
      expect(asText.status).toBe(200);
    });

    test('over the WebSocket, the web client’s subscriptions are served and others refused', async () => {
      const lobby = await graph.tokenFor('LOBBY_DISPLAY');
      const client = liveClient(gateway.url, lobby);
      clients.push(client);
      const trusted = manifest.operations.find((operation) => operation.name === 'LightCounts')!;
      expect((await overSocket(client, trusted.body)).codes).toBeUndefined();
      expect((await overSocket(client, 'subscription { lightCounts { red } }')).codes).toEqual([
        'OPERATION_NOT_TRUSTED',
      ]);
    });
  });
});

describe('npm run token', () => {
  const cli = join(__dirname, '..', '..', 'platform', 'dist', 'token-cli.js');
  const run = (args: string[], env: Record<string, string>) =>
    promisify(execFile)(process.execPath, [cli, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
    }).then(
      ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  test('prints a token the gateway verifies, with the claims asked for', async () => {
    const department = randomUUID();
    const answer = await run(
      [
        '--role',
        'DEPARTMENT_STAFF',
        '--department',
        department,
        '--subject',
        'clerk-7',
        '--ttl',
        '600',
      ],
      { HALL_TOKEN_SECRET: TEST_TOKEN_SECRET },
    );
    expect(answer.code).toBe(0);
    const verified = await createTokenVerifier({ secret: TEST_TOKEN_SECRET }).verify(
      `Bearer ${answer.stdout.trim()}`,
    );
    expect(verified.caller).toEqual({
      kind: 'user',
      subject: 'clerk-7',
      role: 'DEPARTMENT_STAFF',
      departmentId: department,
    });
    expect(verified.expiresAt!.getTime() - Date.now()).toBeLessThanOrEqual(600_000);
    // And the running gateway takes it.
    const served = await post(
      graph.gatewayUrl,
      { query: HALL_TODAY },
      `Bearer ${answer.stdout.trim()}`,
    );
    expect(served.status).toBe(200);
  });

  test('signs with the secret the platform keeps in its data folder', async () => {
    const dataDir = reachableTempDir('hall-token-');
    const { platformSecrets } = await import('@hall/platform');
    const saved = { ...process.env };
    delete process.env.HALL_TOKEN_SECRET;
    delete process.env.HALL_INTERNAL_SECRET;
    const secrets = platformSecrets(dataDir);
    // A second start reuses them.
    expect(platformSecrets(dataDir)).toEqual(secrets);
    process.env = saved;
    const answer = await run(['--role', 'CITY_LEADER'], { HALL_DATA_DIR: dataDir });
    expect(answer.code).toBe(0);
    const verified = await createTokenVerifier({ secret: secrets.tokenSecret }).verify(
      `Bearer ${answer.stdout.trim()}`,
    );
    expect(verified.caller).toMatchObject({ role: 'CITY_LEADER', subject: 'cli-city-leader' });
  });

  test.each([
    [['--role', 'MAYOR'], /Unknown role "MAYOR"/],
    [['--department', 'x'], /--role is required/],
    [['--role', 'DEPARTMENT_STAFF'], /needs --department/],
    [['--role', 'CITY_LEADER', '--ttl', 'soon'], /--ttl/],
    [['--role', 'CITY_LEADER', '--colour', 'red'], /colour/],
  ])('refuses %j with exit code 2 and says why', async (args, message) => {
    const answer = await run(args, { HALL_TOKEN_SECRET: TEST_TOKEN_SECRET });
    expect(answer.code).toBe(2);
    expect(answer.stderr).toMatch(message);
  });
});
