import { createLogger } from '@hall/kit';
import { startEmbeddedDatabase } from './embedded-database';

/**
 * `node platform/dist/embedded-cli.js <dataDir> <port>`: runs an embedded PostgreSQL until
 * SIGTERM or SIGINT and prints `ready <url>` once it accepts connections. The test suite
 * uses it when no DATABASE_URL is given, so `npm test` needs no database on the machine.
 */
async function main(): Promise<void> {
  const [dataDir, port] = process.argv.slice(2);
  if (!dataDir || !port) throw new Error('usage: embedded-cli <dataDir> <port>');
  const database = await startEmbeddedDatabase({
    dataDir,
    port: Number(port),
    log: createLogger('embedded-postgres', 'warn'),
  });
  console.log(`ready ${database.url}`);
  const stop = () => {
    database.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
