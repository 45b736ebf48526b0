import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalogSeed } from '@hall/catalog';
import { issueToken, type TokenClaims } from '@hall/gateway';
import {
  AcceleratedClock,
  createLogger,
  ManualClock,
  ensureDatabase,
  SystemClock,
  type Clock,
  type Logger,
  type Role,
} from '@hall/kit';
import { stopChild, waitUntilReady } from './child-services';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded-database';
import { platformSecrets } from './secrets';
import { SIMULATOR_SUBJECT, startHallSimulator, type HallSimulator } from './simulator';
import { GATEWAY_ENTRY_POINT, SUBGRAPH_RUNTIMES, WEB_CLIENT_DIR } from './subgraphs';

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
  /** A token for each role, to paste into the web client or a GraphQL client. */
  tokens: Record<Role, string>;
  /** Where the web client answers, when it was built. */
  webClientUrl?: string;
  /** Resolves when a service died on its own (the platform then stops). */
  failed: Promise<string>;
  stop(): Promise<void>;
}

/**
 * One token per role, valid for the usual twelve hours. Department staff act for the
 * department with the most matters and the partner reads for the first bank stationed in
 * the hall, so each token shows its role's reach on the seeded data.
 */
async function roleTokens(secret: string): Promise<Record<Role, string>> {
  const plan = buildCatalogSeed();
  const matterCounts = new Map<string, number>();
  for (const matter of plan.matters) {
    matterCounts.set(matter.departmentId, (matterCounts.get(matter.departmentId) ?? 0) + 1);
  }
  const [busiest] = [...matterCounts].sort((a, b) => b[1] - a[1])[0] ?? [];
  const bank = plan.organizations.find((organization) => organization.kind === 'BANK');
  const claims: Record<Role, Omit<TokenClaims, 'role'>> = {
    SERVICE_BUREAU_ADMIN: { subject: 'admin' },
    CITY_LEADER: { subject: 'leader' },
    SUPERVISION_STAFF: { subject: 'supervisor' },
    DEPARTMENT_STAFF: { subject: 'department-staff', departmentId: busiest },
    ACCEPTANCE_CLERK: { subject: 'acceptance-desk' },
    LOBBY_DISPLAY: { subject: 'lobby-display' },
    PARTNER: { subject: 'partner-bank', organizationId: bank?.id },
  };
  const entries = await Promise.all(
    Object.entries(claims).map(
      async ([role, claim]) =>
        [role, await issueToken({ ...claim, role: role as Role }, secret)] as const,
    ),
  );
  return Object.fromEntries(entries) as Record<Role, string>;
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
    // Every service is told to stop at once, the simulator with them: on SIGINT or SIGTERM
    // the embedded PostgreSQL's own exit hook stops the database and exits this process
    // without waiting for this, and a service not yet told would outlive it.
    await Promise.all([simulator?.stop(), ...children.map(stopChild)]);
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
    const { internalSecret, tokenSecret } = platformSecrets(options.dataDir);
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
    const webClientBuilt = existsSync(join(WEB_CLIENT_DIR, 'index.html'));
    const gateway = launch('gateway', GATEWAY_ENTRY_POINT, options.basePort, {
      ...urlsEnv,
      ...(webClientBuilt && { HALL_WEB_CLIENT_DIR: WEB_CLIENT_DIR }),
      // The simulator plays a whole hall, dozens of windows, at 60x: no caller's rate.
      ...(options.simulate && { HALL_RATE_LIMIT_EXEMPT_SUBJECTS: SIMULATOR_SUBJECT }),
    });
    await waitUntilReady(`http://${options.host}:${options.basePort}/ready`, gateway);

    const tokens = await roleTokens(tokenSecret);
    const gatewayUrl = `http://${options.host}:${options.basePort}/graphql`;
    if (options.simulate) {
      simulator = startHallSimulator({
        gatewayUrl,
        token: await issueToken(
          { subject: SIMULATOR_SUBJECT, role: 'SERVICE_BUREAU_ADMIN' },
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
      ...(webClientBuilt && { webClientUrl: `http://${options.host}:${options.basePort}/` }),
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
