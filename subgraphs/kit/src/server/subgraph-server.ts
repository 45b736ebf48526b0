import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { signedCaller, type Caller } from '../auth/caller';
import { openDatabase, type HallOrm, type SqlStatementCounter } from '../data/orm';
import { buildFederatedSchema } from '../graphql/federation';
import { createLogger, type Logger } from '../logger';
import type { HallContext, Stoppable, SubgraphDefinition } from '../subgraph-definition';
import { SystemClock, type Clock } from '../time/clock';
import { formatHallError } from './errors';
import { keepConnectionsAlive, listen } from './http';

export interface SubgraphOptions {
  databaseUrl: string;
  /** 0 (the default) binds a free port; read the bound one from the handle. */
  port?: number;
  host?: string;
  clock?: Clock;
  /** The secret the gateway signs forwarded identities with. */
  callerSecret: string;
  logger?: Logger;
  poolSize?: number;
  /** Where the other subgraphs answer, by name; for subgraphs that call a peer. */
  peerUrls?: Readonly<Record<string, string>>;
}

export interface SubgraphHandle {
  name: string;
  url: string;
  port: number;
  schema: GraphQLSchema;
  orm: HallOrm;
  /** SQL statements this subgraph has sent, for tests that bound a query's cost. */
  sql: SqlStatementCounter;
  /** Stops accepting requests, lets running ones finish, then closes the database pool. */
  close(): Promise<void>;
}

/**
 * Starts a subgraph: its federated schema on `/graphql`, liveness on `/health`, readiness
 * (database reachable) on `/ready`. Migrations and seeds are not run here: the platform runs
 * them once before any instance starts, so several instances can start at once.
 */
export async function createSubgraph<Loaders, Services>(
  definition: SubgraphDefinition<Loaders, Services>,
  options: SubgraphOptions,
): Promise<SubgraphHandle> {
  const log = options.logger ?? createLogger(definition.name);
  const clock = options.clock ?? new SystemClock();
  const { schema } = await buildFederatedSchema(definition);
  const { orm, counter } = await openDatabase(definition, {
    databaseUrl: options.databaseUrl,
    logger: log,
    poolSize: options.poolSize,
  });
  const services = definition.createServices
    ? await definition.createServices({
        databaseUrl: options.databaseUrl,
        orm,
        clock,
        log,
        callerSecret: options.callerSecret,
        peerUrls: options.peerUrls ?? {},
      })
    : (undefined as Services);

  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  keepConnectionsAlive(httpServer);

  const apollo = new ApolloServer<HallContext<Loaders>>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: formatHallError(log),
    // No usage reporting reads inline traces here; building them would cost every request.
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(),
    ],
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: definition.name });
  });
  app.get('/ready', async (_req, res) => {
    try {
      await orm.em.getConnection().execute('select 1');
      res.json({ status: 'ready', service: definition.name });
    } catch (error) {
      log.warn({ err: error }, 'database not reachable');
      res.status(503).json({ status: 'unavailable', service: definition.name });
    }
  });
  // Only the gateway (and services holding the shared secret) may call a subgraph: a request
  // without a valid, fresh signature gets nothing, whatever it asks.
  const callers = new WeakMap<express.Request, Caller>();
  app.use(
    '/graphql',
    (req, res, next) => {
      const caller = signedCaller(req.headers, options.callerSecret);
      if (!caller) {
        res.status(401).json({
          errors: [
            {
              message: `The ${definition.name} subgraph answers the gateway only: call the gateway`,
              extensions: { code: 'UNAUTHENTICATED' },
            },
          ],
        });
        return;
      }
      callers.set(req, caller);
      next();
    },
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const em = orm.em.fork();
        return {
          em,
          loaders: definition.createLoaders(em, services),
          caller: callers.get(req) ?? { kind: 'anonymous' },
          clock,
          log: log.child({ requestId: req.header('x-request-id') ?? randomUUID() }),
        };
      },
    }),
  );

  const host = options.host ?? '127.0.0.1';
  const port = await listen(httpServer, options.port ?? 0, host);
  const url = `http://${host}:${port}/graphql`;
  log.info({ url }, 'subgraph listening');

  let closing: Promise<void> | undefined;
  return {
    name: definition.name,
    url,
    port,
    schema,
    orm,
    sql: counter,
    close() {
      closing ??= (async () => {
        await apollo.stop();
        await (services as Partial<Stoppable> | undefined)?.stop?.();
        await orm.close();
      })();
      return closing;
    },
  };
}
