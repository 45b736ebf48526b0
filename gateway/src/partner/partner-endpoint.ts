import type { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import type {
  GatewayExecutor,
  GatewayGraphQLRequestContext,
  GatewayInterface,
} from '@apollo/server-gateway-interface';
import { expressMiddleware } from '@as-integrations/express5';
import type { Caller } from '@hall/kit';
import { partnerContract } from '@hall/schema';
import express from 'express';
import {
  execute,
  getOperationAST,
  GraphQLError,
  Kind,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { callerFromAuthorization } from '../auth/tokens';
import type { GatewayContext } from '../gateway';

/** Where partner banks query: the only endpoint that accepts their tokens. */
export const PARTNER_PATH = '/partner/graphql';

export interface PartnerEndpointOptions {
  /** The gateway whose planner and subgraph calls answer partner operations too. */
  gateway: ApolloGateway;
  /** The supergraph, for its `@tag(name: "partner")` applications. */
  supergraphSdl: string;
  /** The main endpoint's API schema, the contract is cut from. */
  apiSchema: GraphQLSchema;
  /** HS256 secret of client tokens, used when `authenticate` is not given. */
  tokenSecret: string;
  /** The request's caller, as the main endpoint verifies it (e.g. against an IdP's JWKS). */
  authenticate?: (req: express.Request) => Promise<Caller>;
  /** Plugins the main endpoint also runs, such as its depth and cost limits. */
  plugins?: ApolloServerPlugin<GatewayContext>[];
}

export interface PartnerEndpoint {
  /** The contract partners see (and introspect). */
  schema: GraphQLSchema;
  /** Mount at {@link PARTNER_PATH}. */
  handlers: express.RequestHandler[];
  /** Stops taking partner operations; the main endpoint's shutdown drains HTTP. */
  stop(): Promise<void>;
}

function refusal(message: string, code: 'UNAUTHENTICATED' | 'FORBIDDEN'): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, http: { status: code === 'UNAUTHENTICATED' ? 401 : 403 } },
  });
}

/**
 * The main endpoint's refusal of partner tokens: partners query the contract only, so that
 * every one of their reads is validated against it and logged.
 */
export function refusePartnerCaller(caller: Caller): Caller {
  if (caller.kind === 'user' && caller.role === 'PARTNER') {
    throw refusal(
      `Partner tokens are served at ${PARTNER_PATH} only: use ${PARTNER_PATH}`,
      'FORBIDDEN',
    );
  }
  return caller;
}

/** Only a partner bank's token, naming its bank, is accepted at the partner endpoint. */
function partnerCaller(caller: Caller): Caller {
  if (caller.kind !== 'user') {
    throw refusal(
      `${PARTNER_PATH} needs a partner bank’s token (Authorization: Bearer …)`,
      'UNAUTHENTICATED',
    );
  }
  if (caller.role !== 'PARTNER') {
    throw refusal(
      `${PARTNER_PATH} is for partner banks only; the hall’s staff use /graphql`,
      'FORBIDDEN',
    );
  }
  if (!caller.organizationId) {
    throw refusal('This partner token names no bank', 'FORBIDDEN');
  }
  return caller;
}

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

function asksIntrospection(operation: OperationDefinitionNode): 'none' | 'only' | 'mixed' {
  let introspection = 0;
  let other = 0;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) {
      other += 1; // fragments at the root: planned by the gateway
      continue;
    }
    if (INTROSPECTION_FIELDS.has(selection.name.value)) introspection += 1;
    else if (selection.name.value !== '__typename') other += 1;
  }
  if (introspection === 0) return 'none';
  return other === 0 ? 'only' : 'mixed';
}

/**
 * The gateway's executor behind the contract. The gateway answers introspection from the
 * whole API schema, so introspection is answered here, from the contract, instead; every
 * other operation (already validated against the contract by Apollo Server) goes through the
 * same query planner, plan cache and subgraph calls as `/graphql`.
 */
function contractExecutor(
  schema: GraphQLSchema,
  gatewayExecutor: GatewayExecutor,
): GatewayExecutor {
  return async (requestContext: GatewayGraphQLRequestContext) => {
    const operation = getOperationAST(requestContext.document, requestContext.operationName);
    const introspection = operation ? asksIntrospection(operation) : 'none';
    if (introspection === 'none') return gatewayExecutor(requestContext);
    if (introspection === 'mixed') {
      return {
        errors: [
          new GraphQLError('Ask for __schema or __type in an operation of their own', {
            extensions: { code: 'BAD_REQUEST' },
          }),
        ],
      };
    }
    return execute({
      schema,
      document: requestContext.document,
      operationName: requestContext.operationName,
      variableValues: requestContext.request.variables,
    }) as ReturnType<GatewayExecutor>;
  };
}

/**
 * `/partner/graphql`: an Apollo Server over the partner contract (`schema/partner.graphql`,
 * cut from the same supergraph), executing through `gateway`. An operation asking for
 * anything outside the contract fails validation (GRAPHQL_VALIDATION_FAILED) before any
 * subgraph is called. Only PARTNER tokens are accepted (UNAUTHENTICATED without a token,
 * FORBIDDEN for any other role). Call after the main server started (the gateway is loaded).
 */
export async function createPartnerEndpoint(
  options: PartnerEndpointOptions,
): Promise<PartnerEndpoint> {
  const schema = partnerContract(options.apiSchema, options.supergraphSdl);
  const executor = contractExecutor(schema, options.gateway.executor);
  const contract: GatewayInterface = {
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: options.supergraphSdl });
      return () => undefined;
    },
    // The main endpoint owns the gateway and stops it.
    async stop() {},
  };
  const apollo = new ApolloServer<GatewayContext>({
    gateway: contract,
    includeStacktraceInErrorResponses: false,
    plugins: options.plugins ?? [],
  });
  await apollo.start();
  const authenticate =
    options.authenticate ??
    ((req: express.Request) =>
      callerFromAuthorization(req.header('authorization'), options.tokenSecret));
  return {
    schema,
    handlers: [
      express.json({ limit: '256kb' }),
      expressMiddleware(apollo, {
        context: async ({ req }) => ({
          caller: partnerCaller(await authenticate(req)),
        }),
      }),
    ],
    stop: () => apollo.stop(),
  };
}
