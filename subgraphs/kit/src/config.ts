import { createLogger } from './logger';
import type { SubgraphOptions } from './server/subgraph-server';

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

export function subgraphConfigFromEnv(name: string, defaultPort: number): SubgraphOptions {
  return {
    databaseUrl: requiredEnv('DATABASE_URL'),
    port: portFromEnv(defaultPort),
    host: process.env.HOST ?? '127.0.0.1',
    callerSecret: internalSecretFromEnv(),
    logger: createLogger(name),
  };
}
