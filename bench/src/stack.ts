import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueToken } from '@hall/gateway';
import {
  callerHeaders,
  createLogger,
  ensureDatabase,
  ManualClock,
  ROLES,
  type Caller,
  type Role,
} from '@hall/kit';
import { GATEWAY_ENTRY_POINT, stopChild, SUBGRAPH_RUNTIMES, waitUntilReady } from '@hall/platform';
import type { SubgraphName } from '@hall/schema';
import pg from 'pg';

/** The hall's time in every bench run: a Tuesday morning, the hall open, running in real time. */
export const HALL_ORIGIN = '2026-11-24T09:00:00+08:00';
const CALLER_SECRET = 'bench-internal-secret';
const TOKEN_SECRET = 'bench-token-secret';

/** The caller the bench's direct subgraph calls and the peer gateways forward. */
export const BENCH_CALLER: Caller = {
  kind: 'user',
  subject: 'bench',
  role: 'SERVICE_BUREAU_ADMIN',
};

/** The subject of the bench's token for `role`. */
const benchSubject = (role: Role) => `bench-${role.toLowerCase()}`;

/** A database `name` on the server of `serverUrl`. */
export function databaseUrlOf(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops `name` (if it exists) and creates it empty. */
export async function recreateDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: databaseUrlOf(serverUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
  const url = databaseUrlOf(serverUrl, name);
  await ensureDatabase(url);
  return url;
}

/** Migrates and seeds the four subgraphs' schemas, as `npm start` does before it spawns them. */
export async function prepareHall(databaseUrl: string, history: boolean): Promise<void> {
  const logger = createLogger('bench', 'warn');
  const clock = new ManualClock(HALL_ORIGIN);
  for (const runtime of SUBGRAPH_RUNTIMES) {
    await runtime.prepare({ databaseUrl, seed: true, history, clock, logger });
  }
}

/** A service the bench spawned: its process, for RSS and profiles. */
export interface Service {
  name: string;
  url: string;
  child: ChildProcess;
  /** Where its stdout and stderr go. */
  logFile: string;
  stop(): Promise<void>;
}

/** Resident set size of a process, in MiB, from /proc (Linux); NaN elsewhere. */
export function rssMiB(pid: number | undefined, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  if (pid === undefined) return Number.NaN;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

export interface Hall {
  databaseUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  gateway: Service;
  callerSecret: string;
  /** Starts a node process with the environment of the hall's services. */
  spawnService(
    name: string,
    entryPoint: string,
    port: number,
    readyPath: string,
    options?: { env?: Record<string, string>; nodeArgs?: string[] },
  ): Promise<Service>;
  /** Stops the gateway and starts a fresh one on the same port (a clean heap). */
  restartGateway(nodeArgs?: string[]): Promise<void>;
  tokenFor(role: Role): Promise<string>;
  /** Headers of a call straight to a subgraph, signed now for the bench caller. */
  signedHeaders(): Record<string, string>;
  stop(): Promise<void>;
}

/**
 * The hall as `npm start` runs it: the four subgraphs and the gateway, each its own node
 * process, on `basePort` and the next four, over `databaseUrl` (already prepared). The
 * hall's clock starts at {@link HALL_ORIGIN} when the services start and runs in real time.
 */
export async function startHall(
  databaseUrl: string,
  basePort: number,
  gatewayNodeArgs: string[] = [],
): Promise<Hall> {
  const children: Service[] = [];
  const subgraphUrls = Object.fromEntries(
    SUBGRAPH_RUNTIMES.map((runtime, index) => [
      runtime.name,
      `http://127.0.0.1:${basePort + 1 + index}/graphql`,
    ]),
  ) as Record<SubgraphName, string>;
  const baseEnv: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    HOST: '127.0.0.1',
    HALL_INTERNAL_SECRET: CALLER_SECRET,
    HALL_TOKEN_SECRET: TOKEN_SECRET,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    HALL_CLOCK_ORIGIN: new Date(HALL_ORIGIN).toISOString(),
    HALL_CLOCK_SPEED: '1',
    HALL_CLOCK_STARTED_AT: String(Date.now()),
    // The bench's callers load the gateway far past a person's rate on purpose: they are
    // exempt from the per-caller rate limit; every other limit stays as deployed.
    HALL_RATE_LIMIT_EXEMPT_SUBJECTS: ROLES.map(benchSubject).join(','),
    HALL_SUBGRAPH_URLS: Object.entries(subgraphUrls)
      .map(([name, url]) => `${name}=${url}`)
      .join(','),
  };
  const spawnService: Hall['spawnService'] = async (name, entryPoint, port, readyPath, options) => {
    const logFile = join(tmpdir(), `hall-bench-${name}-${port}.log`);
    const fd = openSync(logFile, 'w');
    const child = spawn(process.execPath, [...(options?.nodeArgs ?? []), entryPoint], {
      env: { ...process.env, ...baseEnv, ...options?.env, PORT: String(port) },
      stdio: ['ignore', fd, fd],
    });
    closeSync(fd);
    const service: Service = {
      name,
      url: `http://127.0.0.1:${port}/graphql`,
      child,
      logFile,
      stop: () => stopChild(child),
    };
    children.push(service);
    // Should the bench die without stopping the hall, its services die with it.
    const kill = () => child.kill('SIGKILL');
    process.once('exit', kill);
    child.once('exit', () => process.removeListener('exit', kill));
    try {
      const url = `http://127.0.0.1:${port}${readyPath}`;
      // A peer gateway has no readiness path: it is ready once it answers a query.
      await waitUntilReady(
        url,
        child,
        readyPath.endsWith('/graphql')
          ? () =>
              fetch(url, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: '{"query":"{ __typename }"}',
              })
          : undefined,
      );
    } catch (error) {
      throw new Error(`${name} did not start (see ${logFile}): ${String(error)}`);
    }
    return service;
  };
  const stopAll = () => Promise.all([...children].reverse().map((service) => service.stop()));
  try {
    await Promise.all(
      SUBGRAPH_RUNTIMES.map((runtime, index) =>
        spawnService(runtime.name, runtime.entryPoint, basePort + 1 + index, '/ready'),
      ),
    );
    const startGateway = (nodeArgs: string[]) =>
      spawnService('gateway', GATEWAY_ENTRY_POINT, basePort, '/ready', { nodeArgs });
    let gateway = await startGateway(gatewayNodeArgs);
    return {
      databaseUrl,
      subgraphUrls,
      get gateway() {
        return gateway;
      },
      callerSecret: CALLER_SECRET,
      spawnService,
      async restartGateway(nodeArgs = gatewayNodeArgs) {
        await gateway.stop();
        children.splice(children.indexOf(gateway), 1);
        gateway = await startGateway(nodeArgs);
      },
      tokenFor: (role) => issueToken({ subject: benchSubject(role), role }, TOKEN_SECRET),
      signedHeaders: () => callerHeaders(BENCH_CALLER, CALLER_SECRET),
      stop: async () => {
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** One GraphQL request over HTTP; throws on errors, so a bench never measures failures. */
export async function graphql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!response.ok || body.errors?.length || !body.data) {
    throw new Error(`${url} answered ${response.status}: ${JSON.stringify(body).slice(0, 500)}`);
  }
  return body.data;
}
