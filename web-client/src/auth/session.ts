/** The roles of the hall, as the gateway's tokens name them. */
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

/** A signed-in caller, as read from the claims of the token the gateway issued. */
export interface Session {
  token: string;
  role: Role;
  subject: string;
  departmentId?: string;
  organizationId?: string;
  /** Milliseconds since the epoch; the gateway refuses the token after it. */
  expiresAt?: number;
}

const TOKEN_KEY = 'hall.token';
const TOKENS_KEY = 'hall.tokens';
const JWT = /[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g;

function decodeSegment(segment: string): unknown {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const bytes = Uint8Array.from(atob(padded), (char) => char.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * The session a token stands for, or null when it is not a token of the gateway. The client
 * only reads the claims to choose its pages; the gateway checks the signature on every call.
 */
export function decodeToken(token: string): Session | null {
  const payload = token.trim().split('.')[1];
  if (!payload) return null;
  try {
    const claims = decodeSegment(payload) as Record<string, unknown>;
    if (!isRole(claims.role) || typeof claims.sub !== 'string') return null;
    return {
      token: token.trim(),
      role: claims.role,
      subject: claims.sub,
      ...(typeof claims.dept === 'string' && { departmentId: claims.dept }),
      ...(typeof claims.org === 'string' && { organizationId: claims.org }),
      ...(typeof claims.exp === 'number' && { expiresAt: claims.exp * 1000 }),
    };
  } catch {
    return null;
  }
}

/** Expired by the browser's own clock, which is the one the gateway checks tokens against. */
export function isExpired(session: Session, now = Date.now()): boolean {
  return session.expiresAt !== undefined && session.expiresAt <= now;
}

/**
 * Every token in a pasted text: one token, or the whole block `npm start` prints, so that a
 * person can paste it once and then switch between the roles.
 */
export function tokensIn(text: string): Session[] {
  const seen = new Set<string>();
  const sessions: Session[] = [];
  for (const match of text.match(JWT) ?? []) {
    const session = decodeToken(match);
    if (session && !seen.has(session.token)) {
      seen.add(session.token);
      sessions.push(session);
    }
  }
  return sessions;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function loadSession(): Session | null {
  const token = storage()?.getItem(TOKEN_KEY);
  const session = token ? decodeToken(token) : null;
  return session && !isExpired(session) ? session : null;
}

export function storeSession(session: Session | null): void {
  if (session) storage()?.setItem(TOKEN_KEY, session.token);
  else storage()?.removeItem(TOKEN_KEY);
}

/** The tokens pasted earlier that are still valid, one per role at most. */
export function loadKnownTokens(): Session[] {
  return tokensIn(storage()?.getItem(TOKENS_KEY) ?? '').filter((session) => !isExpired(session));
}

export function storeKnownTokens(sessions: Session[]): void {
  const byRole = new Map<Role, Session>();
  for (const session of sessions) byRole.set(session.role, session);
  storage()?.setItem(TOKENS_KEY, [...byRole.values()].map((session) => session.token).join('\n'));
}
