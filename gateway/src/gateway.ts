import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import {
  callerHeaders,
  createLogger,
  keepConnectionsAlive,
  listen,
  type Caller,
  type Logger,
} from '@hall/kit';
import express from 'express';
import { GraphQLError } from 'graphql';
import { callerFromAuthorization } from './auth/tokens';

export interface GatewayContext {
  caller: Caller;
}

export interface GatewayOptions {
  /** The composed supergraph (schema/supergraph.graphql). */
  supergraphSdl: string;
  /**
   * Where each subgraph answers now, by name; overrides the URLs baked into the supergraph,
   * so one composed file serves every deployment.
   */
  subgraphUrls?: Record<string, string>;
  port?: number;
  host?: string;
  /** HS256 secret of client tokens. */
  tokenSecret: string;
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
  /** Finishes requests in flight, then stops. */
  close(): Promise<void>;
}

type Fetcher = NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher'];
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
 * Node's own fetch keeps connections to each subgraph alive and reuses them, where the
 * gateway's default fetcher would add an HTTP cache the subgraphs' POSTs never use.
 */
const keepAliveFetch = fetch as unknown as Fetcher;

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
  const subgraphUrls = new Map<string, string>();

  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const target = options.subgraphUrls?.[name] ?? url;
      if (!target) throw new Error(`no URL for subgraph ${name}`);
      subgraphUrls.set(name, target);
      return new HallDataSource({
        url: target,
        fetcher: keepAliveFetch,
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
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();

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
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        caller: await callerFromAuthorization(req.header('authorization'), options.tokenSecret),
      }),
    }),
  );

  if (options.webClientDir) serveWebClient(app, options.webClientDir);

  const host = options.host ?? '127.0.0.1';
  const port = await listen(httpServer, options.port ?? 0, host);
  const url = `http://${host}:${port}/graphql`;
  log.info({ url }, 'gateway listening');
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    close() {
      closing ??= apollo.stop();
      return closing;
    },
  };
}
