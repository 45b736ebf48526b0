import { createGateway, issueToken, type GatewayHandle, type GatewayOptions } from '@hall/gateway';
import { createLogger, ManualClock, type Clock, type Role, type SubgraphHandle } from '@hall/kit';
import { SUBGRAPH_RUNTIMES } from '@hall/platform';
import { readSupergraph, type SubgraphName } from '@hall/schema';
import { createTestDatabase, type TestDatabase } from './database';

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: {
    message: string;
    path?: (string | number)[];
    extensions?: { code?: string } & Record<string, unknown>;
  }[];
}

export interface TestGraph {
  gatewayUrl: string;
  gateway: GatewayHandle;
  /**
   * Another gateway instance over the same subgraphs and database, as a second process of a
   * deployment would be; closed with the graph unless closed before.
   */
  startGateway(
    live?: GatewayOptions['live'],
    /** Options of this instance only: its limits, a JWKS, ... */
    overrides?: Partial<GatewayOptions>,
  ): Promise<GatewayHandle>;
  /**
   * Stops the gateway and starts it again on the same port, as a redeploy would: its
   * WebSocket clients are disconnected and must reconnect by themselves.
   */
  restartGateway(): Promise<void>;
  database: TestDatabase;
  subgraphs: Record<SubgraphName, SubgraphHandle>;
  clock: ManualClock;
  /** A token for `role`, signed as the gateway expects. */
  tokenFor(
    role: Role,
    claims?: { departmentId?: string; organizationId?: string },
    ttlSeconds?: number,
  ): Promise<string>;
  /** Sends one operation to the gateway over HTTP. */
  query<T = Record<string, unknown>>(
    document: string,
    options?: { variables?: Record<string, unknown>; token?: string },
  ): Promise<GraphQLResponse<T>>;
  /**
   * Stops a subgraph and starts it again on the same port (the gateway keeps its URL), as a
   * process restart would: what it keeps in memory is gone, what it wrote is not.
   */
  restart(name: SubgraphName): Promise<void>;
  close(): Promise<void>;
}

const TOKEN_SECRET = 'test-token-secret';
/**
 * Rate limits no test reaches: tests send many requests as one caller at once. The rate-limit
 * test starts its own gateway with the real numbers or smaller ones.
 */
const UNREACHED_RATE_LIMITS = {
  staffPerMinute: 1_000_000,
  partnerPerMinute: 1_000_000,
  anonymousPerMinute: 1_000_000,
};
/** The secret the test gateway signs forwarded identities with. */
export const TEST_CALLER_SECRET = 'test-caller-secret';

/**
 * The whole graph for one test file: a fresh database on the test server, migrated and
 * seeded with the default hall; the four subgraphs and the gateway on free ports in this
 * process, over real HTTP. Call `close` in `afterAll`.
 */
export async function startTestGraph(
  options: {
    clock?: Clock;
    seed?: boolean;
    /** Seed the years of case history too (slower); off unless a test reads history. */
    history?: boolean;
    /** The built web client for the gateway to serve (browser tests). */
    webClientDir?: string;
    /** Tuning of the gateway's subscriptions. */
    live?: GatewayOptions['live'];
  } = {},
): Promise<TestGraph> {
  const database = await createTestDatabase();
  const logger = createLogger('test', process.env.LOG_LEVEL ?? 'silent');
  const clock =
    options.clock instanceof ManualClock
      ? options.clock
      : new ManualClock('2026-11-24T09:00:00+08:00');
  for (const runtime of SUBGRAPH_RUNTIMES) {
    await runtime.prepare({
      databaseUrl: database.url,
      seed: options.seed ?? true,
      history: options.history ?? false,
      clock,
      logger,
    });
  }
  const startOptions = {
    databaseUrl: database.url,
    clock,
    callerSecret: TEST_CALLER_SECRET,
    logger,
    poolSize: 4,
  };
  // The catalog first: the cases subgraph reads the calendar and matters from it.
  const [catalogRuntime, ...peers] = SUBGRAPH_RUNTIMES;
  const catalog = await catalogRuntime!.start(startOptions);
  const handles = [
    catalog,
    ...(await Promise.all(
      peers.map((runtime) =>
        runtime.start({ ...startOptions, peerUrls: { catalog: catalog.url } }),
      ),
    )),
  ];
  const subgraphs = Object.fromEntries(
    SUBGRAPH_RUNTIMES.map((runtime, index) => [runtime.name, handles[index]!]),
  ) as Record<SubgraphName, SubgraphHandle>;
  const gatewayOptions: GatewayOptions = {
    supergraphSdl: readSupergraph(),
    subgraphUrls: Object.fromEntries(handles.map((handle) => [handle.name, handle.url])),
    databaseUrl: database.url,
    tokenSecret: TOKEN_SECRET,
    callerSecret: TEST_CALLER_SECRET,
    logger,
    rateLimits: UNREACHED_RATE_LIMITS,
    clock,
  };
  const extraGateways: GatewayHandle[] = [];
  const mainGatewayOptions: GatewayOptions = {
    ...gatewayOptions,
    ...(options.live && { live: options.live }),
    ...(options.webClientDir && { webClientDir: options.webClientDir }),
  };
  let gateway: GatewayHandle;
  try {
    gateway = await createGateway(mainGatewayOptions);
  } catch (error) {
    await Promise.all(handles.map((handle) => handle.close()));
    await database.drop();
    throw error;
  }

  const restart = async (name: SubgraphName) => {
    const runtime = SUBGRAPH_RUNTIMES.find((candidate) => candidate.name === name)!;
    const old = subgraphs[name];
    await old.close();
    subgraphs[name] = await runtime.start({
      ...startOptions,
      port: old.port,
      ...(name !== 'catalog' && { peerUrls: { catalog: subgraphs.catalog.url } }),
    });
  };

  return {
    gatewayUrl: gateway.url,
    get gateway() {
      return gateway;
    },
    async restartGateway() {
      const port = gateway.port;
      await gateway.close();
      gateway = await createGateway({ ...mainGatewayOptions, port });
    },
    async startGateway(live, overrides) {
      const started = await createGateway({
        ...gatewayOptions,
        ...(live && { live }),
        ...overrides,
      });
      extraGateways.push(started);
      return started;
    },
    restart,
    database,
    subgraphs,
    clock,
    tokenFor: (role, claims = {}, ttlSeconds) =>
      issueToken(
        { subject: `test-${role.toLowerCase()}`, role, ...claims },
        TOKEN_SECRET,
        ttlSeconds,
      ),
    async query<T>(
      document: string,
      { variables, token }: { variables?: Record<string, unknown>; token?: string } = {},
    ) {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token && { authorization: `Bearer ${token}` }),
        },
        body: JSON.stringify({ query: document, variables }),
      });
      return (await response.json()) as GraphQLResponse<T>;
    },
    async close() {
      await Promise.all([gateway, ...extraGateways].map((instance) => instance.close()));
      await Promise.all(Object.values(subgraphs).map((handle) => handle.close()));
      await database.drop();
    },
  };
}

/** The `extensions.code` of each error, in order: what clients branch on. */
export function errorCodes(response: GraphQLResponse<unknown>): (string | undefined)[] {
  return (response.errors ?? []).map((error) => error.extensions?.code);
}
