import { ROLES, type Caller, type Role } from '@hall/kit';
import { GraphQLError } from 'graphql';
import { jwtVerify, SignJWT } from 'jose';

export const TOKEN_ISSUER = 'service-center-graph';

export interface TokenClaims {
  subject: string;
  role: Role;
  departmentId?: string;
  organizationId?: string;
}

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** Issues an HS256 token for `claims`, valid for `ttlSeconds`. */
export async function issueToken(
  claims: TokenClaims,
  secret: string,
  ttlSeconds = 12 * 60 * 60,
): Promise<string> {
  return new SignJWT({
    role: claims.role,
    ...(claims.departmentId && { dept: claims.departmentId }),
    ...(claims.organizationId && { org: claims.organizationId }),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(TOKEN_ISSUER)
    .setSubject(claims.subject)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key(secret));
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

/**
 * The caller behind an `Authorization` header, and when its token expires: anonymous without
 * a header; a GraphQL error (UNAUTHENTICATED, HTTP 401) for a malformed, forged or expired
 * token.
 */
export async function verifyAuthorization(
  header: string | undefined,
  secret: string,
): Promise<{ caller: Caller; expiresAt?: Date }> {
  if (!header) return { caller: { kind: 'anonymous' } };
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw unauthenticated('Authorization must be "Bearer <token>"');
  try {
    const { payload } = await jwtVerify(match[1], key(secret), {
      issuer: TOKEN_ISSUER,
      algorithms: ['HS256'],
    });
    const role = payload.role as Role;
    if (!payload.sub || !ROLES.includes(role)) throw new Error('token without subject or role');
    return {
      caller: {
        kind: 'user',
        subject: payload.sub,
        role,
        ...(typeof payload.dept === 'string' && { departmentId: payload.dept }),
        ...(typeof payload.org === 'string' && { organizationId: payload.org }),
      },
      ...(payload.exp !== undefined && { expiresAt: new Date(payload.exp * 1000) }),
    };
  } catch {
    throw unauthenticated('The token is invalid or has expired');
  }
}

/** The caller behind an `Authorization` header (see {@link verifyAuthorization}). */
export async function callerFromAuthorization(
  header: string | undefined,
  secret: string,
): Promise<Caller> {
  return (await verifyAuthorization(header, secret)).caller;
}
