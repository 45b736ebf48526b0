import { randomBytes } from 'node:crypto';
import { ensureDatabase } from '@hall/kit';
import pg from 'pg';

/** The server tests run against: DATABASE_URL, set by CI or by the suite's global setup. */
export function testServerUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run the suite through `npm test`');
  return url;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A database of its own for one test file, on the test server; dropped by `drop`. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `hall_test_${randomBytes(6).toString('hex')}`;
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  await ensureDatabase(url.toString());
  return {
    url: url.toString(),
    async drop() {
      const admin = new URL(url);
      admin.pathname = '/postgres';
      const client = new pg.Client({ connectionString: admin.toString() });
      await client.connect();
      try {
        await client.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
