import { performance } from 'node:perf_hooks';
import { dataOf, liveClient, startTestGraph } from '@hall/test';
import { sleep, summarize, type Summary } from '../stats';

export interface AlertFigures {
  samples: number;
  /** From `clock.set` past the yellow threshold to the light's arrival at a subscriber, ms. */
  latency: Summary;
  lost: number;
}

const APPLICANT = {
  kind: 'PERSON',
  name: '李建国',
  identityNumber: '370687198803152411',
  phone: '13805351234',
};
const BASE = '2026-11-24T09:00:00+08:00';

/**
 * Part 5: the in-process graph on a ManualClock. Each sample registers, accepts and starts
 * reviewing a case at the same moment, waits until supervision has taken it in from the
 * cases log, then moves the clock to the first second of the working day before the case's
 * due date (its yellow threshold) and times the light's arrival over graphql-ws. The clock
 * then goes back for the next sample; lights already on stay on, so each move raises one.
 */
export async function measureAlertLatency(
  serverUrl: string,
  samples: number,
): Promise<AlertFigures> {
  process.env.DATABASE_URL = serverUrl;
  const graph = await startTestGraph();
  const client = liveClient(graph.gatewayUrl, await graph.tokenFor('SUPERVISION_STAFF'));
  try {
    const clerk = await graph.tokenFor('ACCEPTANCE_CLERK');
    const ask = async <T>(query: string, variables: Record<string, unknown> = {}) =>
      dataOf(await graph.query<T>(query, { variables, token: clerk }));
    const matter = (
      await ask<{ matters: { nodes: { id: string; promisedLimitDays: number }[] } }>(
        '{ matters(first: 100, filter: { kind: PROMISED }) { nodes { id promisedLimitDays } } }',
      )
    ).matters.nodes.find((candidate) => candidate.promisedLimitDays >= 5)!;

    const arrivals = new Map<string, number>();
    const waiting = new Map<string, () => void>();
    client.subscribe<{ alertLights: { subjectId: string; level: string } }>(
      { query: 'subscription { alertLights(levels: [YELLOW]) { id level subjectId } }' },
      {
        next: (message) => {
          const at = performance.now();
          const subject = message.data?.alertLights.subjectId;
          if (!subject || arrivals.has(subject)) return;
          arrivals.set(subject, at);
          waiting.get(subject)?.();
        },
        error: (error) => console.error('bench: alert subscription failed', error),
        complete: () => undefined,
      },
    );
    const deadline = Date.now() + 10_000;
    while (graph.gateway.live().subscriptions === 0 && Date.now() < deadline) await sleep(20);

    const latencies: number[] = [];
    let lost = 0;
    let yellowAt: string | undefined;
    for (let sample = 0; sample < samples; sample++) {
      graph.clock.set(BASE);
      const { registerCase } = await ask<{ registerCase: { id: string } }>(
        'mutation ($input: RegisterCaseInput!) { registerCase(input: $input) { id } }',
        { input: { matterId: matter.id, applicant: APPLICANT } },
      );
      const { acceptCase } = await ask<{ acceptCase: { clock: { dueOn: string } } }>(
        `mutation { acceptCase(id: "${registerCase.id}") { clock { dueOn } } }`,
      );
      await ask(`mutation { startReview(id: "${registerCase.id}") { id } }`);
      if (!yellowAt) {
        const { addWorkingDays } = await ask<{ addWorkingDays: string }>(
          `{ addWorkingDays(date: "${acceptCase.clock.dueOn}", days: -1) }`,
        );
        yellowAt = `${addWorkingDays}T00:00:01+08:00`;
      }
      // Supervision reads the case from the cases log within moments of the commit.
      await sleep(1000);
      const arrived = new Promise<void>((resolve) => waiting.set(registerCase.id, resolve));
      const started = performance.now();
      graph.clock.set(yellowAt);
      const inTime = await Promise.race([
        arrived.then(() => true),
        sleep(10_000).then(() => false),
      ]);
      if (inTime) latencies.push(arrivals.get(registerCase.id)! - started);
      else lost += 1;
      waiting.delete(registerCase.id);
    }
    return { samples: latencies.length, latency: summarize(latencies), lost };
  } finally {
    await client.dispose();
    await graph.close();
  }
}
