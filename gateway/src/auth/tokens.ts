import { ROLES, type Caller, type Role } from '@hall/kit';
import { GraphQLError } from 'graphql';
import {
  createRemoteJWKSet,
  jwtVerify,
  SignJWT,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';

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

/** A verified caller, and when its token stops being valid. */
export interface VerifiedCaller {
  caller: Caller;
  expiresAt?: Date;
}

/**
 * Where the gateway takes its signing keys from: an identity provider's key set (RS256 or
 * ES256 tokens) when `jwks` is given, else the shared HS256 secret.
 */
export interface TokenVerifierOptions {
  /** HS256 secret of the tokens `npm start` and `npm run token` issue. */
  secret: string;
  /**
   * An identity provider's JSON Web Key Set. When set, only tokens signed by one of its keys
   * are accepted and the HS256 secret is not used. Keys are fetched on first use, cached,
   * and fetched again when a token names a key id the cached set lacks (at most every 30 s).
   */
  jwks?: {
    url: string;
    /** The `iss` every token must carry; any issuer when absent. */
    issuer?: string;
    /** The `aud` every token must carry; not checked when absent. */
    audience?: string;
  };
}

/** Verifies `Authorization` headers; made once per gateway so a key set is fetched once. */
export interface TokenVerifier {
  /**
   * The caller behind an `Authorization` header: anonymous without a header; a GraphQL error
   * (UNAUTHENTICATED, HTTP 401) for a malformed, forged or expired token, or one whose role
   * the graph does not know.
   */
  verify(header: string | undefined): Promise<VerifiedCaller>;
}

function callerOf(payload: JWTPayload): VerifiedCaller {
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
}

/** Creates the verifier of client tokens (see {@link TokenVerifierOptions}). */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const jwks = options.jwks;
  const keySet: JWTVerifyGetKey | undefined = jwks && createRemoteJWKSet(new URL(jwks.url));
  const check = keySet
    ? (token: string) =>
        jwtVerify(token, keySet, {
          algorithms: ['RS256', 'ES256'],
          ...(jwks?.issuer && { issuer: jwks.issuer }),
          ...(jwks?.audience && { audience: jwks.audience }),
        })
    : (token: string) =>
        jwtVerify(token, key(options.secret), { issuer: TOKEN_ISSUER, algorithms: ['HS256'] });
  return {
    async verify(header) {
      if (!header) return { caller: { kind: 'anonymous' } };
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match?.[1]) throw unauthenticated('Authorization must be "Bearer <token>"');
      try {
        return callerOf((await check(match[1])).payload);
      } catch {
        // One answer for every failure: a caller learns nothing about why a token failed.
        throw unauthenticated('The token is invalid or has expired');
      }
    },
  };
}

/**
 * The caller behind an `Authorization` header, checked against the HS256 `secret` (see
 * {@link TokenVerifier.verify}).
 */
export async function verifyAuthorization(
  header: string | undefined,
  secret: string,
): Promise<VerifiedCaller> {
  return createTokenVerifier({ secret }).verify(header);
}

/** The caller behind an `Authorization` header (see {@link verifyAuthorization}). */
export async function callerFromAuthorization(
  header: string | undefined,
  secret: string,
): Promise<Caller> {
  return (await verifyAuthorization(header, secret)).caller;
}
