import pg from 'pg';
import type { GraphQLResponse } from './graph';

/** The data of a response that must have succeeded; its errors, if any, fail the test. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || !response.data) {
    throw new Error(`unexpected errors: ${JSON.stringify(response.errors)}`);
  }
  return response.data;
}

/** Runs one SQL query against a test database, for assertions on what was (not) written. */
export async function sqlRows<T extends object>(
  databaseUrl: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}
