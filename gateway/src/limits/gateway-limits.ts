import type { ApolloServerPlugin } from '@apollo/server';
import type { Caller } from '@hall/kit';
import express, { type ErrorRequestHandler, type Request, type RequestHandler } from 'express';
import type { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';
import type { TokenVerifier, VerifiedCaller } from '../auth/tokens';
import { DEFAULT_OPERATION_LIMITS, type OperationLimits } from './operation-limits';
import { CallerRateLimiter, DEFAULT_RATE_LIMITS, type RateLimits } from './rate-limits';
import {
  operationLimitsPlugin,
  rateLimitRequests,
  refuseLargeBodies,
  resolveTrustedDocuments,
  socketOperationErrors,
  type LimitedContext,
} from './request-limits';
import {
  readTrustedDocuments,
  TrustedDocuments,
  type TrustedDocumentManifest,
} from './trusted-documents';

/** The largest request body the gateway reads: 100 KiB, some 30 times its largest document. */
export const DEFAULT_MAX_REQUEST_BYTES = 100 * 1024;

/** The gateway's limits, each with its default; see gateway/README.md, "Limits". */
export interface GatewayLimitOptions {
  /** Depth and cost of one operation, over HTTP and WebSocket. */
  operationLimits?: Partial<OperationLimits>;
  /** Requests per minute per caller over HTTP (`/graphql` and the partner endpoint). */
  rateLimits?: Partial<RateLimits>;
  /** Largest request body in bytes; larger ones get 413 PAYLOAD_TOO_LARGE. */
  maxRequestBytes?: number;
  trustedDocuments?: {
    /** The manifest; default `gateway/trusted-documents.json`. */
    manifest?: TrustedDocumentManifest;
    /**
     * Production mode: refuse every operation that is not a trusted document
     * (OPERATION_NOT_TRUSTED), over HTTP and WebSocket. Off by default, so that curl and
     * GraphQL explorers work in development.
     */
    only?: boolean;
  };
}

/** The limits of one gateway instance, ready to mount. */
export interface GatewayLimits {
  operationLimits: OperationLimits;
  rateLimits: RateLimits;
  maxRequestBytes: number;
  trusted: TrustedDocuments;
  /** The request's verified caller, verified once however many steps ask. */
  verified(req: Request): Promise<VerifiedCaller>;
  /** 429 RATE_LIMITED before the body is read. */
  rateLimit: RequestHandler;
  /** Body parsing with the size limit, its 413, then document ids and trust. */
  body: (RequestHandler | ErrorRequestHandler)[];
  plugin<TContext extends LimitedContext>(): ApolloServerPlugin<TContext>;
  /** The refusals of an operation subscribed over the WebSocket. */
  socketErrors(
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Readonly<Record<string, unknown>>,
  ): readonly GraphQLError[];
}

export function createGatewayLimits(
  options: GatewayLimitOptions,
  verifier: TokenVerifier,
): GatewayLimits {
  const operationLimits = { ...DEFAULT_OPERATION_LIMITS, ...options.operationLimits };
  const rateLimits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  const maxRequestBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const trusted = new TrustedDocuments(
    options.trustedDocuments?.manifest ?? readTrustedDocuments(),
    options.trustedDocuments?.only ?? false,
  );
  const verifications = new WeakMap<Request, Promise<VerifiedCaller>>();
  const verified = (req: Request) => {
    let verification = verifications.get(req);
    if (!verification) {
      verification = verifier.verify(req.header('authorization'));
      // Awaited later, or only for its caller; a refusal is answered where it is awaited.
      verification.catch(() => undefined);
      verifications.set(req, verification);
    }
    return verification;
  };
  const callerOf = async (req: Request): Promise<Caller> => (await verified(req)).caller;
  return {
    operationLimits,
    rateLimits,
    maxRequestBytes,
    trusted,
    verified,
    rateLimit: rateLimitRequests(new CallerRateLimiter(rateLimits), callerOf),
    body: [
      express.json({ limit: maxRequestBytes }),
      refuseLargeBodies(maxRequestBytes),
      resolveTrustedDocuments(trusted),
    ],
    plugin: () => operationLimitsPlugin(operationLimits),
    socketErrors: (schema, document, operationName, variables) =>
      socketOperationErrors(schema, document, operationName, variables, operationLimits, trusted),
  };
}
