import type { SubgraphName } from '@hall/schema';
import { dataOf, startTestGraph, type GraphQLResponse } from '@hall/test';
import { CASE_LIST_SIZED, DASHBOARD_SIZED, LOBBY_SIZED, YEAR } from '../operations';
import { sleep } from '../stats';

export interface SqlCountRow {
  operation: string;
  /** The list size of each measurement, small then large. */
  sizes: [string, string];
  /** Statements per subgraph at each size. */
  counts: Record<SubgraphName, [number, number]>;
}

const SUBGRAPHS: SubgraphName[] = ['catalog', 'cases', 'supervision', 'evaluation'];

/**
 * Statements of the subgraphs' background consumers (reading a peer's event log, moving their
 * cursor, in their own transactions), which run whenever they are woken and are not the
 * query's: a read-only operation sends none of these itself.
 */
const BACKGROUND =
  /^\s*(begin|commit|rollback|savepoint|release)\b|event_cursor|event_log|pg_notify|^\s*listen\b/i;

/**
 * Part 3: statements each subgraph sends for one operation, at two list sizes, on the
 * in-process test graph seeded with the history. Each operation runs once first, so caches
 * that live longer than a request (the cases subgraph's copy of the calendar) are warm, as
 * they are in a running hall.
 */
export async function measureSqlCounts(serverUrl: string): Promise<SqlCountRow[]> {
  process.env.DATABASE_URL = serverUrl;
  const graph = await startTestGraph({ history: true });
  try {
    // The seeded history's open cases reach supervision and evaluation as events: wait until
    // their consumers have taken them in and every subgraph has been quiet for a second.
    const quietBy = Date.now() + 120_000;
    for (;;) {
      for (const name of SUBGRAPHS) graph.subgraphs[name].sql.reset();
      await sleep(1000);
      const busy = SUBGRAPHS.some((name) => graph.subgraphs[name].sql.count > 0);
      if (!busy || Date.now() > quietBy) break;
    }
    const token = await graph.tokenFor('SERVICE_BUREAU_ADMIN');
    // The gateway hands identical queries one shared read; what is counted here is what one
    // read costs, so these go through an instance that reads every time.
    const reading = await graph.startGateway(undefined, { sharedAnswersMaxAgeMs: 0 });
    const query = async (document: string, variables: Record<string, unknown>) => {
      const response = await fetch(reading.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: document, variables }),
      });
      return (await response.json()) as GraphQLResponse<Record<string, unknown>>;
    };
    // The least of three runs per subgraph, after one unmeasured run: a timer of the light
    // watch may still add a statement to one of them.
    const count = async (document: string, variables: Record<string, unknown>) => {
      let data = dataOf(await query(document, variables));
      const counts = Object.fromEntries(SUBGRAPHS.map((name) => [name, Infinity])) as Record<
        SubgraphName,
        number
      >;
      for (let run = 0; run < 3; run++) {
        for (const name of SUBGRAPHS) graph.subgraphs[name].sql.reset();
        data = dataOf(await query(document, variables));
        for (const name of SUBGRAPHS) {
          const own = graph.subgraphs[name].sql.recorded.filter((sql) => !BACKGROUND.test(sql));
          counts[name] = Math.min(counts[name], own.length);
        }
      }
      return { data, counts };
    };
    const departmentsOf = (data: Record<string, unknown>) =>
      (data as { departments: { nodes: unknown[] } }).departments.nodes.length;
    const casesOf = (data: Record<string, unknown>) =>
      (data as { cases: { nodes: unknown[] } }).cases.nodes.length;
    const rows: SqlCountRow[] = [];
    const measure = async (
      operation: string,
      query: string,
      sizes: [number, number],
      extra: Record<string, unknown>,
      lengthOf: (data: Record<string, unknown>) => number,
      unit: string,
    ) => {
      const small = await count(query, { first: sizes[0], ...extra });
      const large = await count(query, { first: sizes[1], ...extra });
      rows.push({
        operation,
        sizes: [`${lengthOf(small.data)} ${unit}`, `${lengthOf(large.data)} ${unit}`],
        counts: Object.fromEntries(
          SUBGRAPHS.map((name) => [name, [small.counts[name], large.counts[name]]]),
        ) as SqlCountRow['counts'],
      });
    };
    await measure(
      'dashboard: hall today, lights, year figures and monthly trend, departments with case figures, lights, satisfaction, complaints',
      DASHBOARD_SIZED,
      [3, 100],
      YEAR,
      departmentsOf,
      'departments',
    );
    await measure(
      'lobby board: hall today, departments with lights, tickets called and serving',
      LOBBY_SIZED,
      [3, 100],
      {},
      departmentsOf,
      'departments',
    );
    await measure(
      'case list with clock, applicant, matter, department, light and rating',
      CASE_LIST_SIZED,
      [2, 50],
      {},
      casesOf,
      'cases',
    );
    return rows;
  } finally {
    await graph.close();
  }
}
