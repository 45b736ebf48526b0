import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import {
  callerHeaders,
  createLogger,
  keepConnectionsAlive,
  listen,
  SystemClock,
  type Caller,
  type Clock,
  type Logger,
} from '@hall/kit';
import express from 'express';
import { GraphQLError, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { createTokenVerifier, type TokenVerifierOptions } from './auth/tokens';
import { createGatewayLimits, type GatewayLimitOptions } from './limits/gateway-limits';
import { LiveHall } from './live/live-hall';
import { withSubscriptions } from './live/live-schema';
import { serveLiveSocket } from './live/live-socket';
import { LiveSubscriptions } from './live/live-subscriptions';
import { SharedAnswers } from './shared-answers';
import { createSubgraphFetcher } from './subgraph-fetch';
import {
  createPartnerEndpoint,
  PARTNER_PATH,
  refusePartnerCaller,
} from './partner/partner-endpoint';

export interface GatewayContext {
  caller: Caller;
  /** Set on operations the gateway runs itself; the limits checked them already. */
  internal?: boolean;
}

export interface GatewayOptions extends GatewayLimitOptions {
  /** The composed supergraph (schema/supergraph.graphql). */
  supergraphSdl: string;
  /**
   * Where each subgraph answers now, by name; overrides the URLs baked into the supergraph,
   * so one composed file serves every deployment.
   */
  subgraphUrls?: Record<string, string>;
  port?: number;
  host?: string;
  /**
   * The platform's database, whose subgraph event logs the gateway follows (read only) to
   * push subscriptions.
   */
  databaseUrl: string;
  /** Tuning of the live subscriptions; the defaults suit a hall. */
  live?: {
    /** The least time between two hall-figure updates; default 1000. */
    tickIntervalMs?: number;
    /** Milliseconds between WebSocket pings; default 12 000. */
    keepAliveMs?: number;
    /** Light changes a subscriber may have waiting before it reads on from the log; default 1000. */
    maxPendingLights?: number;
  };
  /**
   * Identical queries from callers of the same role and scope share one read while nothing
   * has changed, for at most this many milliseconds (see SharedAnswers); default 1000, 0 off.
   */
  sharedAnswersMaxAgeMs?: number;
  /** The hall's clock, which the subgraphs share; default wall-clock time. */
  clock?: Clock;
  /** HS256 secret of client tokens. */
  tokenSecret: string;
  /** An identity provider's key set to verify client tokens with instead of `tokenSecret`. */
  jwks?: TokenVerifierOptions['jwks'];
  /** Secret the gateway signs forwarded identities with; the subgraphs share it. */
  callerSecret: string;
  logger?: Logger;
  /**
   * The built web client (web-client/dist): served at `/`, with every other GET that is not
   * an endpoint answered by its index.html, so the client's own routes (`/lobby`) load.
   */
  webClientDir?: string;
}

export interface GatewayHandle {
  url: string;
  port: number;
  /** Open WebSocket connections and subscriptions, for health and tests. */
  live(): { connections: number; subscriptions: number; readersFallenBehind: number };
  /**
   * Completes open subscriptions and closes their connections, finishes requests in flight,
   * then stops.
   */
  close(): Promise<void>;
}

type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

/**
 * A subgraph request that forwards the caller's identity, signed, and passes a subgraph's
 * refusal on to the client as the subgraph worded it. A subgraph answers 400 when an argument
 * value fails its scalar (an impossible date, say), which only the subgraph can know; the
 * client sees that as BAD_USER_INPUT, never as an internal error carrying the subgraph's URL.
 */
class HallDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    try {
      const body = (await response.json()) as { errors?: { message?: string }[] };
      const message = body.errors?.[0]?.message;
      if (response.status === 400 && message) {
        return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
      }
    } catch {
      // Not a GraphQL answer: fall through to a plain internal error.
    }
    return new GraphQLError('A part of the graph failed to answer', {
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  }
}

/**
 * The gateway as Apollo Server sees it, serving the supergraph's API schema plus the
 * subscriptions, which the gateway answers itself over WebSocket.
 */
function servingSubscriptions(
  gateway: ApolloGateway,
  onSchema: (schema: GraphQLSchema) => void,
): GatewayInterface {
  return {
    load: (options) => gateway.load(options),
    stop: () => gateway.stop(),
    onSchemaLoadOrUpdate: (callback) =>
      gateway.onSchemaLoadOrUpdate((loaded) => {
        const apiSchema = withSubscriptions(loaded.apiSchema);
        onSchema(apiSchema);
        callback({ ...loaded, apiSchema });
      }),
  };
}

const SUBSCRIPTIONS_OVER_HTTP = new GraphQLError(
  'Subscriptions are served over WebSocket (graphql-ws) at this same URL',
  { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
);

function serveWebClient(app: express.Express, directory: string): void {
  const root = resolve(directory);
  app.use(express.static(root, { index: 'index.html', maxAge: '1h' }));
  app.get(/^\/(?!graphql|partner|health|ready).*/, (_req, res) => {
    // index.html is never cached: it names the hashed bundles of the current build.
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(join(root, 'index.html'));
  });
}

/**
 * The one endpoint of the graph: `/graphql` plans every operation across the subgraphs of
 * the static supergraph; `/health` is liveness, `/ready` asks every subgraph for readiness.
 */
export async function createGateway(options: GatewayOptions): Promise<GatewayHandle> {
  const log = options.logger ?? createLogger('gateway');
  const verifier = createTokenVerifier({ secret: options.tokenSecret, jwks: options.jwks });
  const limits = createGatewayLimits(options, verifier);
  const subgraphUrls = new Map<string, string>();
  const subgraphFetcher = createSubgraphFetcher();
  const sharedAnswers = new SharedAnswers({
    maxAgeMs: options.sharedAnswersMaxAgeMs ?? 1000,
    clock: options.clock ?? new SystemClock(),
  });

  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const target = options.subgraphUrls?.[name] ?? url;
      if (!target) throw new Error(`no URL for subgraph ${name}`);
      subgraphUrls.set(name, target);
      return new HallDataSource({
        url: target,
        fetcher: subgraphFetcher.fetch,
        willSendRequest({ request, context }) {
          const caller: Caller = context.caller ?? { kind: 'anonymous' };
          for (const [header, value] of Object.entries(
            callerHeaders(caller, options.callerSecret),
          )) {
            request.http?.headers.set(header, value);
          }
        },
      });
    },
  });

  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  keepConnectionsAlive(httpServer);
  let apiSchema: GraphQLSchema | undefined;
  const apollo = new ApolloServer<GatewayContext>({
    gateway: servingSubscriptions(gateway, (schema) => {
      apiSchema = schema;
    }),
    includeStacktraceInErrorResponses: false,
    // Documents come by id from the trusted manifest only; clients cannot register any.
    persistedQueries: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      limits.plugin<GatewayContext>(),
      sharedAnswers.plugin<GatewayContext>(),
      {
        async requestDidStart() {
          return {
            async didResolveOperation({ operation }) {
              if (operation?.operation === 'subscription') throw SUBSCRIPTIONS_OVER_HTTP;
            },
          };
        },
      },
    ],
  });
  await apollo.start();
  if (!apiSchema) throw new Error('the gateway started without a schema');
  const partner = await createPartnerEndpoint({
    gateway,
    supergraphSdl: options.supergraphSdl,
    apiSchema,
    tokenSecret: options.tokenSecret,
    authenticate: async (req) => (await limits.verified(req)).caller,
    plugins: [limits.plugin<GatewayContext>()],
  });

  /** A query through the whole pipeline (planning, subgraph calls), as `caller`. */
  const execute = async (
    query: string,
    variables: Record<string, unknown>,
    caller: Caller,
  ): Promise<ExecutionResult> => {
    const response = await apollo.executeOperation(
      { query, variables },
      { contextValue: { caller, internal: true } },
    );
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not served');
    const { data, errors, extensions } = response.body.singleResult;
    return {
      data,
      extensions,
      // graphql-ws serialises GraphQLErrors; these arrive already formatted.
      errors: errors?.map(
        (error) =>
          new GraphQLError(error.message, {
            path: error.path,
            extensions: error.extensions,
          }),
      ),
    };
  };
  const hall = new LiveHall({
    databaseUrl: options.databaseUrl,
    tickIntervalMs: options.live?.tickIntervalMs,
    log: log.child({ component: 'live' }),
  });
  hall.onChange(() => sharedAnswers.invalidate());
  await hall.start();
  const subscriptions = new LiveSubscriptions({
    hall,
    answer: execute,
    maxPendingLights: options.live?.maxPendingLights,
    log: log.child({ component: 'live' }),
  });
  const liveSocket = serveLiveSocket({
    httpServer,
    path: '/graphql',
    schema: apiSchema,
    subscriptions,
    verify: (authorization) => verifier.verify(authorization),
    admit: limits.socketErrors,
    execute,
    keepAliveMs: options.live?.keepAliveMs ?? 12_000,
    log: log.child({ component: 'live' }),
  });

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  app.get('/ready', async (_req, res) => {
    const checks = await Promise.all(
      [...subgraphUrls].map(async ([name, url]) => {
        try {
          const response = await fetch(url.replace(/\/graphql$/, '/ready'));
          return [name, response.ok ? 'ready' : 'unavailable'] as const;
        } catch {
          return [name, 'unreachable'] as const;
        }
      }),
    );
    const ready = checks.every(([, state]) => state === 'ready');
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'unavailable',
      subgraphs: Object.fromEntries(checks),
    });
  });
  app.use(
    '/graphql',
    limits.rateLimit,
    ...limits.body,
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        caller: refusePartnerCaller((await limits.verified(req)).caller),
      }),
    }),
  );
  app.use(PARTNER_PATH, limits.rateLimit);
  app.use(PARTNER_PATH, ...partner.handlers);

  if (options.webClientDir) serveWebClient(app, options.webClientDir);

  const host = options.host ?? '127.0.0.1';
  const port = await listen(httpServer, options.port ?? 0, host);
  const url = `http://${host}:${port}/graphql`;
  log.info({ url }, 'gateway listening');
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    live: () => ({
      connections: liveSocket.connections,
      subscriptions: subscriptions.size,
      readersFallenBehind: subscriptions.readersFallenBehind,
    }),
    close() {
      closing ??= (async () => {
        await liveSocket.close();
        await partner.stop();
        await apollo.stop();
        await hall.stop();
        subgraphFetcher.close();
      })();
      return closing;
    },
  };
}
