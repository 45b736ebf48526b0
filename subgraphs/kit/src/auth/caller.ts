import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AuthChecker } from 'type-graphql';
import { forbidden, unauthenticated } from '../graphql/errors';

/** The roles of the hall. Department staff are scoped to their own department. */
export const ROLES = [
  'SERVICE_BUREAU_ADMIN',
  'CITY_LEADER',
  'SUPERVISION_STAFF',
  'DEPARTMENT_STAFF',
  'ACCEPTANCE_CLERK',
  'LOBBY_DISPLAY',
  'PARTNER',
] as const;
export type Role = (typeof ROLES)[number];

export type Caller =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      /** Who: a staff number, a display id or a partner client id. */
      subject: string;
      role: Role;
      /** Set for department staff: the only department they may act for. */
      departmentId?: string;
      /** Set for partners: the organisation (bank) they read for. */
      organizationId?: string;
    };

export const ANONYMOUS: Caller = { kind: 'anonymous' };

/** Headers the gateway sets on every subgraph request. */
export const CALLER_HEADER = 'x-hall-caller';
export const CALLER_SIGNATURE_HEADER = 'x-hall-caller-signature';

function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

/**
 * How long a signed identity is accepted after it was signed. Each request is signed anew, so
 * this only has to cover the clock difference between hosts; it bounds how long a captured
 * header could be replayed.
 */
export const SIGNATURE_LIFETIME_MS = 5 * 60_000;

/**
 * The headers that carry `caller` from the gateway to a subgraph: the identity and the time
 * it was signed, as base64url JSON, and their HMAC-SHA256 under the secret the gateway and the
 * subgraphs share. Sign per request: a subgraph refuses a signature older than
 * {@link SIGNATURE_LIFETIME_MS}.
 */
export function callerHeaders(
  caller: Caller,
  secret: string,
  signedAt = Date.now(),
): Record<string, string> {
  const payload = Buffer.from(JSON.stringify({ caller, signedAt })).toString('base64url');
  return { [CALLER_HEADER]: payload, [CALLER_SIGNATURE_HEADER]: sign(payload, secret) };
}

function isCaller(value: unknown): value is Caller {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  if (candidate.kind === 'anonymous') return true;
  return (
    candidate.kind === 'user' &&
    typeof candidate.subject === 'string' &&
    ROLES.includes(candidate.role as Role)
  );
}

/**
 * The caller a request carries when the gateway (or a service holding the shared secret)
 * signed it within {@link SIGNATURE_LIFETIME_MS}; `undefined` for a request without a
 * signature, with a forged one, one signed with another secret, or a stale one. Never throws.
 */
export function signedCaller(
  headers: Record<string, string | string[] | undefined>,
  secret: string,
  now = Date.now(),
): Caller | undefined {
  const payload = headers[CALLER_HEADER];
  const signature = headers[CALLER_SIGNATURE_HEADER];
  if (typeof payload !== 'string' || typeof signature !== 'string') return undefined;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      caller?: unknown;
      signedAt?: unknown;
    };
    if (typeof decoded.signedAt !== 'number') return undefined;
    if (Math.abs(now - decoded.signedAt) > SIGNATURE_LIFETIME_MS) return undefined;
    return isCaller(decoded.caller) ? decoded.caller : undefined;
  } catch {
    return undefined;
  }
}

/**
 * type-graphql's check behind `@Authorized(...roles)`: no roles means any signed-in caller.
 * It throws rather than returning false so that the error carries the graph's stable codes.
 */
export const hallAuthChecker: AuthChecker<{ caller: Caller }, Role> = ({ context }, roles) => {
  const { caller } = context;
  if (caller.kind !== 'user') throw unauthenticated();
  if (roles.length > 0 && !roles.includes(caller.role)) {
    throw forbidden(`This needs one of the roles ${roles.join(', ')}`, { requiredRoles: roles });
  }
  return true;
};
