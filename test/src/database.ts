import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase } from '@hall/kit';

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
    drop: () => dropDatabase(url.toString()),
  };
}
