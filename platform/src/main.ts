import { join } from 'node:path';
import { createLogger } from '@hall/kit';
import { startPlatform } from './launcher';

const REPOSITORY_ROOT = join(__dirname, '..', '..');

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} is not a port: ${raw}`);
  return value;
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
  const platform = await startPlatform({
    databaseUrl: process.env.DATABASE_URL,
    basePort: intFromEnv('HALL_PORT', 4000),
    host: process.env.HOST ?? '127.0.0.1',
    dataDir: process.env.HALL_DATA_DIR ?? join(REPOSITORY_ROOT, '.data'),
    embeddedPort: intFromEnv('HALL_EMBEDDED_PG_PORT', 54329),
    seed: process.env.HALL_SEED !== 'false',
    serviceLogLevel: process.env.LOG_LEVEL ?? 'warn',
    log,
  });
  const lines = [
    '',
    `The service center graph is up (${((Date.now() - started) / 1000).toFixed(1)} s).`,
    '',
    `  Gateway (queries, mutations):  ${platform.gatewayUrl}`,
    `  Gateway health / readiness:    ${platform.gatewayUrl.replace('/graphql', '/health')}  ${platform.gatewayUrl.replace('/graphql', '/ready')}`,
    ...Object.entries(platform.subgraphUrls).map(
      ([name, url]) => `  Subgraph ${name.padEnd(12)}         ${url}`,
    ),
    '',
    '  Tokens (send as "Authorization: Bearer <token>"):',
    ...Object.entries(platform.tokens).map(([role, token]) => `    ${role}: ${token}`),
    '',
    '  Try: curl -s ' +
      platform.gatewayUrl +
      ' -H \'content-type: application/json\' -d \'{"query":"{ hall { name figures { departments activeMatters windows staff } } }"}\'',
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
