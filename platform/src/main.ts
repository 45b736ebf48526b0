import { join } from 'node:path';
import { buildCatalogSeed } from '@hall/catalog';
import { createLogger, hallDateOf, startOfHallDate, WorkingCalendar } from '@hall/kit';
import { startPlatform } from './launcher';

const REPOSITORY_ROOT = join(__dirname, '..', '..');

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} is not a port: ${raw}`);
  return value;
}

/** Minutes after midnight the simulated day starts at when the hall is closed now. */
const SIMULATION_STARTS_AT = 8 * 60 + 55;
const HALL_CLOSES_AT = 17 * 60;

/**
 * Where the simulated hall's clock starts: now, when the hall is open; otherwise just before
 * the next opening, so that whoever starts the platform at night still sees a working day.
 */
function simulationOrigin(now: Date): Date {
  const calendar = new WorkingCalendar(buildCatalogSeed().calendar);
  const today = hallDateOf(now);
  const minute = Math.floor((now.getTime() - startOfHallDate(today).getTime()) / 60_000);
  if (calendar.isWorkingDay(today) && minute >= SIMULATION_STARTS_AT && minute < HALL_CLOSES_AT) {
    return now;
  }
  const day =
    calendar.isWorkingDay(today) && minute < SIMULATION_STARTS_AT
      ? today
      : calendar.addWorkingDays(today, 1);
  return new Date(startOfHallDate(day).getTime() + SIMULATION_STARTS_AT * 60_000);
}

function speedFromEnv(): number {
  const raw = process.env.HALL_SIMULATOR_SPEED ?? '60';
  const speed = Number(raw);
  if (!Number.isFinite(speed) || speed < 0) {
    throw new Error(`HALL_SIMULATOR_SPEED is not a speed (0 turns the simulator off): ${raw}`);
  }
  return speed;
}

async function main(): Promise<void> {
  const log = createLogger('platform', process.env.HALL_PLATFORM_LOG_LEVEL ?? 'warn');
  const started = Date.now();
  const usingEmbedded = !process.env.DATABASE_URL;
  console.log(
    usingEmbedded
      ? 'Starting the service center graph with an embedded PostgreSQL (set DATABASE_URL to use your own)...'
      : 'Starting the service center graph on DATABASE_URL...',
  );
  const speed = speedFromEnv();
  const platform = await startPlatform({
    databaseUrl: process.env.DATABASE_URL,
    basePort: intFromEnv('HALL_PORT', 4000),
    host: process.env.HOST ?? '127.0.0.1',
    dataDir: process.env.HALL_DATA_DIR ?? join(REPOSITORY_ROOT, '.data'),
    embeddedPort: intFromEnv('HALL_EMBEDDED_PG_PORT', 54329),
    seed: process.env.HALL_SEED !== 'false',
    serviceLogLevel: process.env.LOG_LEVEL ?? 'warn',
    clock: speed > 0 ? { origin: simulationOrigin(new Date()), speed } : undefined,
    simulate: speed > 0,
    log,
  });
  const hallNow = platform.clock.now();
  const lines = [
    '',
    `The service center graph is up (${((Date.now() - started) / 1000).toFixed(1)} s).`,
    '',
    ...(platform.webClientUrl
      ? [
          `  Dashboard:                     ${platform.webClientUrl}`,
          `  Lobby screen:                  ${platform.webClientUrl}lobby`,
        ]
      : []),
    `  Gateway (GraphQL over HTTP and WebSocket): ${platform.gatewayUrl}`,
    `  Gateway health / readiness:    ${platform.gatewayUrl.replace('/graphql', '/health')}  ${platform.gatewayUrl.replace('/graphql', '/ready')}`,
    speed > 0
      ? `  Hall time:                     ${hallDateOf(hallNow)} ${new Date(hallNow.getTime() + 8 * 3_600_000).toISOString().slice(11, 16)}, simulated at ${speed}x (HALL_SIMULATOR_SPEED=0 turns it off)`
      : '  Hall time:                     wall-clock time, no simulator',
    ...Object.entries(platform.subgraphUrls).map(
      ([name, url]) => `  Subgraph ${name.padEnd(12)}         ${url}`,
    ),
    '',
    '  Tokens (send as "Authorization: Bearer <token>"):',
    ...Object.entries(platform.tokens).map(([role, token]) => `    ${role}: ${token}`),
    '',
    '  Try: curl -s ' +
      platform.gatewayUrl +
      ' -H \'content-type: application/json\' -d \'{"query":"{ hall { name figures { departments activeMatters windows staff } } hallToday { visitorsToday waiting beingServed windowsOpen casesRegistered } }"}\'',
    '',
    'Press Ctrl-C to stop.',
  ];
  console.log(lines.join('\n'));

  let stopping = false;
  const shutdown = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nStopping (${reason})...`);
    await platform.stop();
    console.log('Stopped.');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown('interrupted', 0));
  process.on('SIGTERM', () => void shutdown('terminated', 0));
  void platform.failed.then((reason) => shutdown(reason, 1));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
