import type { Server } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { type Caller, type Logger } from '@hall/kit';
import {
  getOperationAST,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { liveOperation } from './live-operation';
import type { LiveSubscriptions } from './live-subscriptions';
import type { LiveSink } from './live-tick-feed';

export interface Verified {
  caller: Caller;
  /** When the token stops being valid; the connection closes then. */
  expiresAt?: Date;
}

export interface LiveSocketOptions {
  httpServer: Server;
  path: string;
  schema: GraphQLSchema;
  subscriptions: LiveSubscriptions;
  /** Verifies an `Authorization` value; throws for a malformed, forged or expired token. */
  verify(authorization: string | undefined): Promise<Verified>;
  /**
   * The gateway's limits (depth, cost, trusted documents) on a valid operation: its refusals
   * are sent as the protocol's `error` message and nothing runs.
   */
  admit?(
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Readonly<Record<string, unknown>>,
  ): readonly GraphQLError[];
  /** Runs a query or mutation sent over the socket, as the HTTP endpoint would. */
  execute(
    query: string,
    variables: Record<string, unknown>,
    caller: Caller,
  ): Promise<ExecutionResult>;
  /** Milliseconds between pings; a connection that misses the next pong is dropped. */
  keepAliveMs: number;
  log: Logger;
}

export interface LiveSocket {
  /** Open WebSocket connections. */
  readonly connections: number;
  /**
   * Stops taking connections, completes every open subscription (subscribers get
   * `complete`), then closes the connections with 1001 so clients move to another instance.
   */
  close(): Promise<void>;
}

/** Slow readers are cut off past this much unsent data on their socket. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
/** 1013 Try Again Later: the client reconnects and resumes from its cursor. */
const TRY_AGAIN_LATER = 1013;

interface Connection {
  caller: Caller;
  expiry?: NodeJS.Timeout;
}

interface LiveContext {
  caller: Caller;
  query: string;
  /** The subscription's results, opened once it was accepted. */
  stream?: AsyncIterableIterator<ExecutionResult>;
}

/**
 * The `next` messages of subscription `id` on `socket`, written from a payload serialised
 * once for every subscriber alike. Sends as graphql-ws would: nothing on a socket that is
 * no longer open, and a reader past {@link MAX_BUFFERED_BYTES} is cut off (`cutOff`) rather
 * than sent more.
 */
function nextMessages(socket: WebSocket, id: string, cutOff: () => void): LiveSink {
  const head = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
  return {
    send(payload, sent) {
      if (socket.readyState !== socket.OPEN) return sent();
      if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
        cutOff();
        return sent();
      }
      socket.send(`${head}${payload}}`, sent);
    },
  };
}

function authorizationOf(
  connectionParams: Readonly<Record<string, unknown>> | undefined,
  request: IncomingMessage,
): string | undefined {
  const fromParams = connectionParams?.authorization ?? connectionParams?.Authorization;
  if (typeof fromParams === 'string') return fromParams;
  if (typeof connectionParams?.token === 'string') return `Bearer ${connectionParams.token}`;
  return request.headers.authorization;
}

/**
 * GraphQL over WebSocket (the graphql-transport-ws protocol of graphql-ws) on the gateway's
 * own `/graphql`. Connecting needs a valid token (else 4401); partner tokens are refused
 * (4403): partners read through their own contract only.
 */
export function serveLiveSocket(options: LiveSocketOptions): LiveSocket {
  const { subscriptions, log } = options;
  const server = new WebSocketServer({ server: options.httpServer, path: options.path });
  const connections = new Map<WebSocket, Connection>();
  const subjectOf = (socket: WebSocket) => {
    const caller = connections.get(socket)?.caller;
    return caller?.kind === 'user' ? caller.subject : 'anonymous';
  };
  // A reader whose socket cannot take what is sent is cut off before it costs memory; it
  // reconnects and resumes from its cursor.
  const cutOff = (socket: WebSocket) => {
    log.warn({ subject: subjectOf(socket) }, 'live reader stuck; disconnected');
    socket.close(TRY_AGAIN_LATER, 'Too far behind: reconnect and resume');
  };
  /** Subscriptions whose `complete` has not been sent yet, by socket and operation id. */
  const streaming = new Map<WebSocket, Set<string>>();
  let closing = false;

  const disposable = useServer<Record<string, unknown>>(
    {
      schema: options.schema,
      connectionInitWaitTimeout: 10_000,
      onConnect: async (ctx) => {
        const socket = ctx.extra.socket;
        if (closing) {
          socket.close(1001, 'Going away');
          return false;
        }
        let verified: Verified;
        try {
          verified = await options.verify(authorizationOf(ctx.connectionParams, ctx.extra.request));
        } catch {
          socket.close(CloseCode.Unauthorized, 'Unauthorized: the token is invalid or has expired');
          return false;
        }
        const { caller } = verified;
        if (caller.kind !== 'user') {
          socket.close(CloseCode.Unauthorized, 'Unauthorized: send a token to subscribe');
          return false;
        }
        if (caller.role === 'PARTNER') return false;
        const connection: Connection = { caller };
        if (verified.expiresAt) {
          const left = verified.expiresAt.getTime() - Date.now();
          connection.expiry = setTimeout(
            () => socket.close(CloseCode.Unauthorized, 'Unauthorized: the token has expired'),
            // Node's timers cannot wait longer than about 24.8 days.
            Math.min(Math.max(left, 0), 2 ** 31 - 1),
          );
        }
        connections.set(socket, connection);
        socket.once('close', () => {
          clearTimeout(connection.expiry);
          connections.delete(socket);
        });
        return true;
      },
      onSubscribe: (ctx, id, payload) => {
        const connection = connections.get(ctx.extra.socket);
        if (!connection) return [new GraphQLError('Not connected')];
        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [
            new GraphQLError(error instanceof Error ? error.message : 'Syntax error', {
              extensions: { code: 'GRAPHQL_PARSE_FAILED' },
            }),
          ];
        }
        const errors = validate(options.schema, document);
        if (errors.length > 0) {
          return errors.map(
            (error) =>
              new GraphQLError(error.message, {
                nodes: error.nodes,
                extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
              }),
          );
        }
        const variableValues = payload.variables ?? {};
        const refusals = options.admit?.(
          options.schema,
          document,
          payload.operationName,
          variableValues,
        );
        if (refusals?.length) return [...refusals];
        const contextValue: LiveContext = {
          caller: connection.caller,
          query: payload.query,
        };
        if (getOperationAST(document, payload.operationName)?.operation === 'subscription') {
          // Refusals (wrong role, bad cursor) go out as the protocol's `error` message, so
          // the stream is opened here rather than in `subscribe`.
          const operation = liveOperation(
            options.schema,
            document,
            payload.operationName,
            variableValues,
          );
          if (operation instanceof GraphQLError) return [operation];
          const socket = ctx.extra.socket;
          const stream = subscriptions.subscribe(
            operation,
            connection.caller,
            nextMessages(socket, id, () => cutOff(socket)),
          );
          if (stream instanceof GraphQLError) return [stream];
          contextValue.stream = stream;
        }
        return {
          schema: options.schema,
          document,
          operationName: payload.operationName,
          variableValues,
          contextValue,
        };
      },
      subscribe: (args: ExecutionArgs) => {
        const { stream } = args.contextValue as LiveContext;
        return stream ?? { errors: [new GraphQLError('No subscription was opened')] };
      },
      execute: (args: ExecutionArgs) => {
        const context = args.contextValue as LiveContext;
        return options.execute(
          context.query,
          (args.variableValues ?? {}) as Record<string, unknown>,
          context.caller,
        );
      },
      onOperation: (ctx, id, _payload, _args, result) => {
        if (!(Symbol.asyncIterator in Object(result))) return;
        const ids = streaming.get(ctx.extra.socket) ?? new Set<string>();
        ids.add(id);
        streaming.set(ctx.extra.socket, ids);
      },
      onComplete: (ctx, id) => {
        const ids = streaming.get(ctx.extra.socket);
        ids?.delete(id);
        if (ids?.size === 0) streaming.delete(ctx.extra.socket);
      },
      onNext: (ctx) => {
        if (ctx.extra.socket.bufferedAmount > MAX_BUFFERED_BYTES) cutOff(ctx.extra.socket);
      },
    },
    server,
    options.keepAliveMs,
  );

  return {
    get connections() {
      return connections.size;
    },
    async close() {
      closing = true;
      subscriptions.completeAll();
      // graphql-ws sends each `complete` as its stream ends. Once the last is handed to its
      // socket, the close frames that follow go out after them.
      const deadline = Date.now() + 5000;
      while (streaming.size > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await new Promise((resolve) => setImmediate(resolve));
      await disposable.dispose();
      for (const connection of connections.values()) clearTimeout(connection.expiry);
    },
  };
}
