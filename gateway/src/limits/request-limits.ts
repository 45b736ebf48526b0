import type { ApolloServerPlugin } from '@apollo/server';
import type { Caller } from '@hall/kit';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';
import { operationLimitErrors, type OperationLimits } from './operation-limits';
import type { CallerRateLimiter } from './rate-limits';
import { untrusted, type DocumentRequest, type TrustedDocuments } from './trusted-documents';

/** Answers a refusal made before Apollo Server sees the request, in GraphQL's shape. */
function refuse(
  res: Response,
  status: number,
  code: string,
  message: string,
  extensions: Record<string, unknown> = {},
): void {
  res.status(status).json({ errors: [{ message, extensions: { code, ...extensions } }] });
}

/**
 * Refuses a caller over its rate (429 RATE_LIMITED with Retry-After) before the body is even
 * read. `callerOf` gives the request's caller; an invalid token counts as anonymous here and
 * is refused with 401 further on.
 */
export function rateLimitRequests(
  limiter: CallerRateLimiter,
  callerOf: (req: Parameters<RequestHandler>[0]) => Promise<Caller>,
): RequestHandler {
  return async (req, res, next) => {
    let caller: Caller;
    try {
      caller = await callerOf(req);
    } catch {
      caller = { kind: 'anonymous' };
    }
    const decision = limiter.take(caller, req.socket.remoteAddress ?? 'unknown');
    if (decision.allowed) return next();
    res.setHeader('retry-after', String(decision.retryAfterSeconds));
    refuse(res, 429, 'RATE_LIMITED', 'Too many requests: try again later', {
      retryAfterSeconds: decision.retryAfterSeconds,
    });
  };
}

/** express.json's refusal of a body over its limit, as a GraphQL error: 413 PAYLOAD_TOO_LARGE. */
export function refuseLargeBodies(maxBytes: number): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (
      typeof error === 'object' &&
      error !== null &&
      (error as { type?: unknown }).type === 'entity.too.large'
    ) {
      refuse(res, 413, 'PAYLOAD_TOO_LARGE', `The request body is over ${maxBytes} bytes`, {
        maxBytes,
      });
      return;
    }
    next(error);
  };
}

/**
 * Swaps a document id for the trusted document's text and, in production mode, refuses
 * ad-hoc documents; see {@link TrustedDocuments.resolve}. POST bodies carry ids; a GET's
 * query text is checked in production mode like a POST's.
 */
export function resolveTrustedDocuments(trusted: TrustedDocuments): RequestHandler {
  return (req, res, next) => {
    const request: DocumentRequest | undefined =
      req.method === 'POST'
        ? (req.body as DocumentRequest | undefined)
        : req.method === 'GET'
          ? { query: (req.query as Record<string, unknown>).query }
          : undefined;
    if (!request || typeof request !== 'object' || Array.isArray(request)) return next();
    const refusal = trusted.resolve(request);
    if (!refusal) return next();
    refuse(res, 400, String(refusal.extensions.code), refusal.message);
  };
}

/** What the limits plugin reads of the request context. */
export interface LimitedContext {
  /**
   * Set on operations the gateway runs itself (the subscriptions' answering queries, and
   * operations sent over the WebSocket, which were checked when they were subscribed):
   * they are not checked again.
   */
  internal?: boolean;
}

/**
 * Refuses an operation over the depth or cost limit (DEPTH_LIMIT_EXCEEDED,
 * COST_LIMIT_EXCEEDED, HTTP 400) once it is parsed and validated, before it is planned, so
 * no subgraph is called.
 */
export function operationLimitsPlugin<TContext extends LimitedContext>(
  limits: OperationLimits,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operationName, request, schema }) {
          if (contextValue.internal) return;
          const errors = operationLimitErrors(
            schema,
            document,
            operationName,
            request.variables ?? {},
            limits,
          );
          if (errors.length > 0) throw errors[0];
        },
      };
    },
  };
}

/** The limits a WebSocket operation passes when it is subscribed (graphql-ws `onSubscribe`). */
export function socketOperationErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>>,
  limits: OperationLimits,
  trusted: TrustedDocuments,
): readonly GraphQLError[] {
  const errors = operationLimitErrors(schema, document, operationName, variables, limits);
  if (errors.length > 0) return errors;
  if (trusted.only && !trusted.trusts(document)) return [untrusted()];
  return [];
}
