import pg from 'pg';
import type { GraphQLResponse, TestGraph } from './graph';

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

/**
 * Raises a light on a case by hand, as `token`, once supervision knows the case. Supervision
 * learns of a case from the cases log a moment after it was registered and answers NOT_FOUND
 * until then; any other refusal fails at once. Returns the light with `selection`.
 */
export async function raiseLightOnCase<T = { id: string }>(
  graph: { query: TestGraph['query'] },
  options: { token: string; caseId: string; level: 'YELLOW' | 'RED'; reason: string },
  selection = 'id',
): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const response = await graph.query<{ raiseLight: T }>(
      `mutation ($caseId: ID!, $level: LightLevel!, $reason: String!) {
        raiseLight(caseId: $caseId, level: $level, reason: $reason) { ${selection} }
      }`,
      {
        token: options.token,
        variables: { caseId: options.caseId, level: options.level, reason: options.reason },
      },
    );
    const notKnownYet = response.errors?.[0]?.extensions?.code === 'NOT_FOUND';
    if (!notKnownYet || Date.now() > deadline) return dataOf(response).raiseLight;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
