import { cacheExchange, Client, fetchExchange, mapExchange } from '@urql/core';
import { isUnauthenticated } from './errors';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';

/** The gateway's endpoint: the page is served by the gateway itself, so it is relative. */
export const GRAPHQL_PATH = '/graphql';

/** ws(s)://<the page's host>/graphql: the gateway serves subscriptions on the same path. */
export function graphqlWsUrl(location: Pick<Location, 'protocol' | 'host'> = window.location) {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${GRAPHQL_PATH}`;
}

/** Close codes of the gateway's WebSocket: 4401 no valid token, 4403 a partner token. */
export const WS_UNAUTHORIZED = 4401;
export const WS_FORBIDDEN = 4403;

export type LiveState = 'connecting' | 'connected' | 'reconnecting' | 'refused';

export interface HallClients {
  /** Queries and mutations over HTTP. */
  http: Client;
  /** Subscriptions over graphql-ws; connects when the first subscription starts. */
  ws: WsClient;
  /** The WebSocket's state, for the lobby's and the boards' connection lamp. */
  liveState(): LiveState;
  onLiveState(listener: () => void): () => void;
  dispose(): void;
}

function isCloseEvent(value: unknown): value is { code: number } {
  return typeof value === 'object' && value !== null && 'code' in value;
}

/**
 * The two clients of one signed-in session. The token goes as `Authorization: Bearer` over
 * HTTP and as the `authorization` connection parameter over the WebSocket.
 *
 * The WebSocket never gives up (a lobby screen must heal after a gateway restart or a
 * network cut without anyone touching it): it retries forever with a backoff capped at
 * about ten seconds, and pings every ten seconds so a silently dropped connection is noticed.
 * Only a refused token (4401, 4403) stops it, since retrying cannot fix that.
 */
export function createHallClients(
  token: string,
  language: () => string,
  onUnauthenticated: () => void,
): HallClients {
  let state: LiveState = 'connecting';
  const listeners = new Set<() => void>();
  const setState = (next: LiveState) => {
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener();
  };

  const http = new Client({
    url: GRAPHQL_PATH,
    exchanges: [
      cacheExchange,
      // A token the gateway no longer accepts (expired, or from another run of npm start)
      // sends the person back to sign in instead of leaving every panel in error.
      mapExchange({
        onError(error) {
          if (isUnauthenticated(error)) onUnauthenticated();
        },
      }),
      fetchExchange,
    ],
    requestPolicy: 'cache-and-network',
    // The gateway's CSRF guard refuses simple GETs; POST with a JSON body always passes.
    preferGetMethod: false,
    fetchOptions: () => ({
      headers: { authorization: `Bearer ${token}`, 'accept-language': language() },
    }),
  });

  const ws = createWsClient({
    url: graphqlWsUrl(),
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: Infinity,
    keepAlive: 10_000,
    retryWait: async (retries) => {
      const delay = Math.min(1000 * 2 ** retries, 10_000) + Math.random() * 1000;
      await new Promise((resolve) => setTimeout(resolve, delay));
    },
    shouldRetry: (event) =>
      !isCloseEvent(event) || (event.code !== WS_UNAUTHORIZED && event.code !== WS_FORBIDDEN),
    on: {
      connecting: (isRetry) => setState(isRetry ? 'reconnecting' : 'connecting'),
      connected: () => setState('connected'),
      closed: (event) => {
        if (
          isCloseEvent(event) &&
          (event.code === WS_UNAUTHORIZED || event.code === WS_FORBIDDEN)
        ) {
          setState('refused');
          if (event.code === WS_UNAUTHORIZED) onUnauthenticated();
        } else if (state === 'connected') {
          setState('reconnecting');
        }
      },
    },
  });

  return {
    http,
    ws,
    liveState: () => state,
    onLiveState(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      listeners.clear();
      void ws.dispose();
    },
  };
}
