import type { TokenVerifierOptions } from '../auth/tokens';
import type { GatewayLimitOptions } from './gateway-limits';

function numberFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} is not a positive number: ${raw}`);
  return value;
}

/**
 * The limits a deployment sets in the environment (gateway/README.md, "Limits"); anything
 * unset keeps its default.
 */
export function limitOptionsFromEnv(): GatewayLimitOptions {
  const staffPerMinute = numberFromEnv('HALL_RATE_LIMIT_STAFF');
  const partnerPerMinute = numberFromEnv('HALL_RATE_LIMIT_PARTNER');
  const anonymousPerMinute = numberFromEnv('HALL_RATE_LIMIT_ANONYMOUS');
  const exemptSubjects = process.env.HALL_RATE_LIMIT_EXEMPT_SUBJECTS?.split(',')
    .map((subject) => subject.trim())
    .filter(Boolean);
  const maxDepth = numberFromEnv('HALL_MAX_QUERY_DEPTH');
  const maxCost = numberFromEnv('HALL_MAX_QUERY_COST');
  const maxRequestBytes = numberFromEnv('HALL_MAX_REQUEST_BYTES');
  return {
    rateLimits: {
      ...(staffPerMinute && { staffPerMinute }),
      ...(partnerPerMinute && { partnerPerMinute }),
      ...(anonymousPerMinute && { anonymousPerMinute }),
      ...(exemptSubjects && { exemptSubjects }),
    },
    operationLimits: { ...(maxDepth && { maxDepth }), ...(maxCost && { maxCost }) },
    ...(maxRequestBytes && { maxRequestBytes }),
    trustedDocuments: { only: process.env.HALL_TRUSTED_DOCUMENTS_ONLY === 'true' },
  };
}

/**
 * HALL_SHARED_ANSWERS_MAX_AGE_MS: how long identical queries may share one read (default
 * 1000); 0 turns sharing off.
 */
export function sharedAnswersMaxAgeFromEnv(): number | undefined {
  const raw = process.env.HALL_SHARED_ANSWERS_MAX_AGE_MS;
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`HALL_SHARED_ANSWERS_MAX_AGE_MS is not a whole number of ms: ${raw}`);
  }
  return value;
}

/** HALL_JWKS_URL (with HALL_JWT_ISSUER, HALL_JWT_AUDIENCE), when the deployment sets it. */
export function jwksFromEnv(): TokenVerifierOptions['jwks'] {
  const url = process.env.HALL_JWKS_URL;
  if (!url) return undefined;
  return {
    url,
    ...(process.env.HALL_JWT_ISSUER && { issuer: process.env.HALL_JWT_ISSUER }),
    ...(process.env.HALL_JWT_AUDIENCE && { audience: process.env.HALL_JWT_AUDIENCE }),
  };
}
