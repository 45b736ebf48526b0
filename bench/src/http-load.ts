import autocannon from 'autocannon';
import { percentile } from './stats';

export interface LoadTarget {
  /** What the row is called in the tables. */
  label: string;
  url: string;
  body: string;
  /** Headers of each request; called before each run, so signatures are fresh. */
  headers: () => Record<string, string>;
}

export interface LoadFigures {
  label: string;
  connections: number;
  seconds: number;
  requests: number;
  /** Mean requests per second over the measured run. */
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Responses that were not 2xx, and socket errors or timeouts. */
  failures: number;
}

function run(
  target: LoadTarget,
  connections: number,
  seconds: number,
  latencies?: number[],
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...target.headers() },
        body: target.body,
        connections,
        duration: seconds,
        timeout: 10,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (latencies) {
      instance.on('response', (_client, _status, _bytes, responseTime) => {
        latencies.push(responseTime);
      });
    }
  });
}

/**
 * `connections` clients, each sending the next request as soon as the last is answered:
 * a warm-up of `warmupSeconds` (discarded), then the measured run. Latency percentiles are
 * computed from every response of the measured run (autocannon's own summary has no p95).
 */
export async function measureLoad(
  target: LoadTarget,
  connections: number,
  warmupSeconds: number,
  seconds: number,
): Promise<LoadFigures> {
  if (warmupSeconds > 0) await run(target, connections, warmupSeconds);
  const latencies: number[] = [];
  const result = await run(target, connections, seconds, latencies);
  return {
    label: target.label,
    connections,
    seconds,
    requests: result.requests.total,
    rps: result.requests.total / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    failures: result.non2xx + result.errors,
  };
}
