import { useContext, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { createContext } from 'react';
import type { HallClients, LiveState } from './client';

export const HallClientsContext = createContext<HallClients | null>(null);

export function useHallClients(): HallClients {
  const clients = useContext(HallClientsContext);
  if (!clients) throw new Error('useHallClients outside a signed-in session');
  return clients;
}

/** The state of the session's WebSocket, re-rendering when it changes. */
export function useLiveState(): LiveState {
  const clients = useHallClients();
  return useSyncExternalStore(clients.onLiveState, clients.liveState);
}

export interface LiveMessage<TData> {
  data: TData;
  extensions: Record<string, unknown> | undefined;
}

export interface LiveOptions {
  /** Start the subscription only when true (default true). */
  enabled?: boolean;
  /**
   * Resume from the last message's `extensions.cursor` after a reconnect: graphql-ws sends
   * the very payload object it was given again when it reconnects, so the latest cursor is
   * kept in that object's `after` variable and the feed goes on where it stopped.
   */
  resume?: boolean;
}

/**
 * A subscription over the session's WebSocket; `onMessage` runs for every message. Returns
 * the last error the gateway answered with (a refused field, a bad argument), or null.
 */
export function useLiveSubscription<TData>(
  query: string,
  variables: Record<string, unknown>,
  onMessage: (message: LiveMessage<TData>) => void,
  options: LiveOptions = {},
): string | null {
  const { ws } = useHallClients();
  const [error, setError] = useState<string | null>(null);
  const handler = useRef(onMessage);
  useEffect(() => {
    handler.current = onMessage;
  });
  const enabled = options.enabled ?? true;
  const resume = options.resume ?? false;
  const key = JSON.stringify(variables);

  useEffect(() => {
    if (!enabled) return undefined;
    const payload: { query: string; variables: Record<string, unknown> } = {
      query,
      variables: JSON.parse(key) as Record<string, unknown>,
    };
    setError(null);
    let stopped = false;
    let unsubscribe: () => void = () => undefined;
    let again: ReturnType<typeof setTimeout> | undefined;
    const start = () => {
      unsubscribe = ws.subscribe<TData, Record<string, unknown>>(payload, {
        next(result) {
          if (result.errors?.length) {
            setError(result.errors.map((e) => e.message).join('; '));
            return;
          }
          const cursor = result.extensions?.cursor;
          if (resume && typeof cursor === 'string') payload.variables.after = cursor;
          if (result.data) handler.current({ data: result.data, extensions: result.extensions });
        },
        error(reason) {
          if (Array.isArray(reason)) {
            setError(reason.map((e: { message?: string }) => e.message ?? '').join('; '));
          } else if (reason instanceof Error) {
            setError(reason.message);
          } else if (typeof reason === 'object' && reason !== null && 'code' in reason) {
            setError(`WebSocket closed (${String((reason as { code: unknown }).code)})`);
          } else {
            setError(String(reason));
          }
        },
        complete() {
          // A gateway shutting down completes its subscriptions before it goes: a live feed
          // is never meant to end, so subscribe again (on the next connection, resuming from
          // the last cursor where the feed has one).
          if (!stopped) again = setTimeout(start, 1000);
        },
      });
    };
    start();
    return () => {
      stopped = true;
      clearTimeout(again);
      unsubscribe();
    };
  }, [ws, query, key, enabled, resume]);

  return error;
}
