import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { issueToken } from '@hall/gateway';
import {
  AcceleratedClock,
  createLogger,
  ManualClock,
  ensureDatabase,
  SystemClock,
  type Clock,
  type Logger,
} from '@hall/kit';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded-database';
import { startHallSimulator, type HallSimulator } from './simulator';
import { GATEWAY_ENTRY_POINT, SUBGRAPH_RUNTIMES } from './subgraphs';

export interface PlatformOptions {
  /** A real server; when absent an embedded PostgreSQL is started. */
  databaseUrl?: string;
  /** The gateway's port; subgraphs take the next four. */
  basePort: number;
  host: string;
  /** Where the embedded PostgreSQL keeps its cluster. */
  dataDir: string;
  embeddedPort: number;
  /** Seed an empty database with the default hall. */
  seed: boolean;
  /** Level of the child services' logs. */
  serviceLogLevel: string;
  /**
   * The hall's time for this run, shared by every service: it starts at `origin` and runs
   * `speed` times faster than real time. Absent: wall-clock time.
   */
  clock?: { origin: Date; speed: number };
  /** Play the hall's day through the gateway (visitors, windows, cases). */
  simulate: boolean;
  log?: Logger;
}

export interface Platform {
  gatewayUrl: string;
  /** The hall's time in this run. */
  clock: Clock;
  subgraphUrls: Record<string, string>;
  /** Tokens for the roles a newcomer needs first. */
  tokens: Record<string, string>;
  /** Resolves when a service died on its own (the platform then stops). */
  failed: Promise<string>;
  stop(): Promise<void>;
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url} exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} was not ready within ${timeoutMs} ms`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts the whole platform: the database (embedded unless a URL is given), migrations and
 * the seed, the four subgraphs and the gateway, each as its own process.
 */
export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  const log = options.log ?? createLogger('platform');
  let embedded: EmbeddedDatabase | undefined;
  let simulator: HallSimulator | undefined;
  const children: ChildProcess[] = [];
  // The seed reads the day from the origin; the hall's clock starts running when the
  // services start, so a long first seed does not eat into the simulated day.
  const seedClock = new ManualClock(options.clock?.origin ?? new Date());
  let clock: Clock = new SystemClock();
  let clockEnv: Record<string, string> = {};
  const startClock = () => {
    if (!options.clock) return;
    const startedAt = Date.now();
    clock = new AcceleratedClock(options.clock.origin, options.clock.speed, startedAt);
    clockEnv = {
      HALL_CLOCK_ORIGIN: options.clock.origin.toISOString(),
      HALL_CLOCK_SPEED: String(options.clock.speed),
      HALL_CLOCK_STARTED_AT: String(startedAt),
    };
  };
  const stop = async () => {
    await simulator?.stop();
    await Promise.all([...children].reverse().map(stopChild));
    await embedded?.stop();
  };

  try {
    let databaseUrl = options.databaseUrl;
    if (!databaseUrl) {
      embedded = await startEmbeddedDatabase({
        dataDir: join(options.dataDir, 'postgres'),
        port: options.embeddedPort,
        log,
      });
      databaseUrl = embedded.url;
    }
    await ensureDatabase(databaseUrl);
    for (const subgraph of SUBGRAPH_RUNTIMES) {
      await subgraph.prepare({
        databaseUrl,
        seed: options.seed,
        clock: seedClock,
        logger: log.child({ subgraph: subgraph.name }),
      });
    }

    startClock();
    const internalSecret =
      process.env.HALL_INTERNAL_SECRET ?? randomBytes(32).toString('base64url');
    const tokenSecret = process.env.HALL_TOKEN_SECRET ?? randomBytes(32).toString('base64url');
    const baseEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HOST: options.host,
      HALL_INTERNAL_SECRET: internalSecret,
      HALL_TOKEN_SECRET: tokenSecret,
      LOG_LEVEL: options.serviceLogLevel,
      ...clockEnv,
    };
    let failedResolve: (reason: string) => void = () => undefined;
    const failed = new Promise<string>((resolve) => {
      failedResolve = resolve;
    });
    let stopping = false;
    const launch = (
      name: string,
      entryPoint: string,
      port: number,
      env: NodeJS.ProcessEnv = {},
    ) => {
      const child = spawn(process.execPath, [entryPoint], {
        env: { ...baseEnv, ...env, PORT: String(port) },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      child.once('exit', (code, signal) => {
        if (!stopping) failedResolve(`${name} stopped (code ${code}, signal ${signal})`);
      });
      children.push(child);
      return child;
    };

    const subgraphUrls: Record<string, string> = Object.fromEntries(
      SUBGRAPH_RUNTIMES.map((subgraph, index) => [
        subgraph.name,
        `http://${options.host}:${options.basePort + 1 + index}/graphql`,
      ]),
    );
    // Every service learns where the subgraphs answer: the gateway to plan, a subgraph to
    // read what it needs of a peer (the cases subgraph reads the catalog's calendar).
    const urlsEnv = {
      HALL_SUBGRAPH_URLS: Object.entries(subgraphUrls)
        .map(([name, url]) => `${name}=${url}`)
        .join(','),
    };
    await Promise.all(
      SUBGRAPH_RUNTIMES.map((subgraph, index) => {
        const port = options.basePort + 1 + index;
        const child = launch(subgraph.name, subgraph.entryPoint, port, urlsEnv);
        return waitUntilReady(`http://${options.host}:${port}/ready`, child);
      }),
    );
    const gateway = launch('gateway', GATEWAY_ENTRY_POINT, options.basePort, urlsEnv);
    await waitUntilReady(`http://${options.host}:${options.basePort}/ready`, gateway);

    const tokens = {
      SERVICE_BUREAU_ADMIN: await issueToken(
        { subject: 'admin', role: 'SERVICE_BUREAU_ADMIN' },
        tokenSecret,
      ),
      CITY_LEADER: await issueToken({ subject: 'leader', role: 'CITY_LEADER' }, tokenSecret),
      ACCEPTANCE_CLERK: await issueToken(
        { subject: 'acceptance-desk', role: 'ACCEPTANCE_CLERK' },
        tokenSecret,
      ),
    };
    const gatewayUrl = `http://${options.host}:${options.basePort}/graphql`;
    if (options.simulate) {
      simulator = startHallSimulator({
        gatewayUrl,
        token: await issueToken(
          { subject: 'hall-simulator', role: 'SERVICE_BUREAU_ADMIN' },
          tokenSecret,
        ),
        clock,
        log: log.child({ component: 'simulator' }),
      });
    }
    return {
      gatewayUrl,
      clock,
      subgraphUrls,
      tokens,
      failed,
      stop: async () => {
        stopping = true;
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
