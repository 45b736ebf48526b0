import pg from 'pg';
import { createLogger, type Logger } from '../logger';
import type { SubgraphDefinition } from '../subgraph-definition';
import { SystemClock, type Clock } from '../time/clock';
import { migrate, openDatabase } from './orm';

/**
 * Creates the database named in `databaseUrl` when the server has no such database yet.
 * Connects to the server's `postgres` database to do so.
 */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!name) throw new Error(`DATABASE_URL names no database: ${databaseUrl}`);
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`create database "${name.replaceAll('"', '""')}"`);
    }
  } catch (error) {
    // Two processes may race to create it; the loser finds it there.
    if ((error as { code?: string }).code !== '42P04') throw error;
  } finally {
    await client.end();
  }
}

/**
 * Drops the database `databaseUrl` names, closing its open connections; a no-op when it is
 * gone already. For throw-away databases (tests), never for the hall's own.
 */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name.replaceAll('"', '""')}" with (force)`);
  } finally {
    await client.end();
  }
}

export interface PrepareOptions {
  databaseUrl: string;
  /** Fill an empty schema with the default hall (the platform's zero-setup run does). */
  seed: boolean;
  /** With the seed, the years of history as well (the default). */
  history?: boolean;
  clock?: Clock;
  logger?: Logger;
}

export interface PrepareReport {
  subgraph: string;
  migrationsApplied: string[];
  seeded: boolean;
}

/**
 * Migrates the subgraph's schema to the committed migrations and, when asked and the schema
 * is still empty, seeds it in one transaction (a failed seed leaves nothing behind and is
 * tried again on the next start).
 */
export async function prepareSubgraphDatabase<Loaders, Services>(
  definition: SubgraphDefinition<Loaders, Services>,
  options: PrepareOptions,
): Promise<PrepareReport> {
  const log = options.logger ?? createLogger(definition.name);
  const clock = options.clock ?? new SystemClock();
  const { orm } = await openDatabase(definition, {
    databaseUrl: options.databaseUrl,
    logger: log,
    poolSize: 2,
  });
  try {
    const migrationsApplied = await migrate(orm);
    let seeded = false;
    if (options.seed && definition.seed) {
      const seed = definition.seed;
      const em = orm.em.fork();
      const alreadySeeded = definition.isSeeded ? await definition.isSeeded(em) : false;
      if (!alreadySeeded) {
        await em.transactional((tx) => seed(tx, { clock, log, history: options.history ?? true }));
        seeded = true;
      }
    }
    log.info({ migrationsApplied, seeded }, 'database prepared');
    return { subgraph: definition.name, migrationsApplied, seeded };
  } finally {
    await orm.close();
  }
}
