import { createLogger } from './logger';
import type { SubgraphOptions } from './server/subgraph-server';
import { AcceleratedClock, SystemClock, type Clock } from './time/clock';

/**
 * The environment every service reads. The platform launcher sets all of them for its
 * children; a subgraph started by hand needs at least DATABASE_URL.
 */
export const ENVIRONMENT = {
  DATABASE_URL: 'PostgreSQL connection string of the hall database',
  HALL_INTERNAL_SECRET: 'secret the gateway signs forwarded caller identities with',
  HALL_TOKEN_SECRET: 'HS256 secret of client tokens (JWT) the gateway accepts',
  HOST: 'interface to bind (127.0.0.1)',
  PORT: 'port to listen on',
  LOG_LEVEL: 'pino level: fatal, error, warn, info, debug, trace, silent (info)',
  HALL_SUBGRAPH_URLS: 'where each subgraph answers: catalog=http://127.0.0.1:4001/graphql,...',
  HALL_CLOCK_ORIGIN: 'hall instant the clock starts at (ISO 8601); unset: wall-clock time',
  HALL_CLOCK_SPEED: 'how many times faster than real time the clock runs from its origin (1)',
  HALL_CLOCK_STARTED_AT: 'real instant (ms since epoch) the origin maps to, shared by all services',
} as const;

/** Development secrets, only ever used when none is configured and never in production. */
const DEVELOPMENT_SECRETS = {
  HALL_INTERNAL_SECRET: 'service-center-graph-internal-development-only',
  HALL_TOKEN_SECRET: 'service-center-graph-token-development-only',
} as const;

function secretFromEnv(name: keyof typeof DEVELOPMENT_SECRETS): string {
  const secret = process.env[name];
  if (secret) return secret;
  if (process.env.NODE_ENV === 'production') throw new Error(`${name} must be set in production`);
  return DEVELOPMENT_SECRETS[name];
}

export function internalSecretFromEnv(): string {
  return secretFromEnv('HALL_INTERNAL_SECRET');
}

export function tokenSecretFromEnv(): string {
  return secretFromEnv('HALL_TOKEN_SECRET');
}

export function requiredEnv(name: keyof typeof ENVIRONMENT): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: ${ENVIRONMENT[name]}`);
  return value;
}

export function portFromEnv(fallback: number): number {
  const raw = process.env.PORT;
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT is not a port: ${raw}`);
  return port;
}

/** `catalog=http://127.0.0.1:4001/graphql,cases=...`: where each subgraph answers. */
export function subgraphUrlsFromEnv(): Record<string, string> {
  const raw = process.env.HALL_SUBGRAPH_URLS ?? '';
  return Object.fromEntries(
    raw
      .split(',')
      .filter(Boolean)
      .map((pair) => {
        const [name, url] = pair.split('=');
        if (!name || !url) throw new Error(`HALL_SUBGRAPH_URLS: not name=url: ${pair}`);
        return [name.trim(), url.trim()];
      }),
  );
}

/**
 * The clock every service of one platform run shares: wall-clock time, or (for the hall
 * simulator) a clock that starts at HALL_CLOCK_ORIGIN at the real instant
 * HALL_CLOCK_STARTED_AT and runs HALL_CLOCK_SPEED times faster, so that all processes agree
 * on "now".
 */
export function clockFromEnv(): Clock {
  const origin = process.env.HALL_CLOCK_ORIGIN;
  if (!origin) return new SystemClock();
  const start = new Date(origin);
  if (Number.isNaN(start.getTime())) throw new Error(`HALL_CLOCK_ORIGIN is not a date: ${origin}`);
  const speed = Number(process.env.HALL_CLOCK_SPEED ?? '1');
  const startedAt = Number(process.env.HALL_CLOCK_STARTED_AT ?? Date.now());
  if (!Number.isFinite(startedAt)) throw new Error('HALL_CLOCK_STARTED_AT is not a number');
  return new AcceleratedClock(start, speed, startedAt);
}

export function subgraphConfigFromEnv(name: string, defaultPort: number): SubgraphOptions {
  return {
    clock: clockFromEnv(),
    peerUrls: subgraphUrlsFromEnv(),
    databaseUrl: requiredEnv('DATABASE_URL'),
    port: portFromEnv(defaultPort),
    host: process.env.HOST ?? '127.0.0.1',
    callerSecret: internalSecretFromEnv(),
    logger: createLogger(name),
  };
}
