import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** What a light change message carries beside its payload. */
export interface LiveExtensions {
  cursor?: string;
  change?: { type: string; at: string; level: string; status: string; escalated: boolean };
}

export interface LiveMessage<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
  extensions?: LiveExtensions;
}

/** The gateway's WebSocket address for its HTTP one (the same path). */
export function liveUrl(gatewayUrl: string): string {
  return gatewayUrl.replace(/^http/, 'ws');
}

/** A graphql-ws client of the gateway, signed in with `token`, that does not retry. */
export function liveClient(gatewayUrl: string, token: string): Client {
  return createClient({
    url: liveUrl(gatewayUrl),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: true,
  });
}

/**
 * One subscription's messages as they arrive, over a real WebSocket. `next` waits for the
 * next message that satisfies a condition, skipping those that do not.
 */
export class LiveReader<T> {
  readonly messages: LiveMessage<T>[] = [];
  completed = false;
  failure: unknown;
  private read = 0;
  private wake: (() => void) | undefined;
  private readonly unsubscribe: () => void;

  constructor(client: Client, query: string, variables: Record<string, unknown> = {}) {
    this.unsubscribe = client.subscribe<T, LiveExtensions>(
      { query, variables },
      {
        next: (message) => {
          this.messages.push(message as LiveMessage<T>);
          this.notify();
        },
        error: (error) => {
          this.failure = error;
          this.notify();
        },
        complete: () => {
          this.completed = true;
          this.notify();
        },
      },
    );
  }

  /** The next unread message satisfying `wanted`; rejects when the subscription ends first. */
  async next(
    wanted: (message: LiveMessage<T>) => boolean = () => true,
    timeoutMs = 30_000,
  ): Promise<LiveMessage<T>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.read < this.messages.length) {
        const message = this.messages[this.read]!;
        this.read += 1;
        if (wanted(message)) return message;
      }
      if (this.failure !== undefined) {
        throw new Error(`subscription failed: ${JSON.stringify(this.failure)}`);
      }
      if (this.completed) throw new Error('subscription completed');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('no such message in time');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** Resolves once the server completed the subscription or it failed. */
  async ended(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.completed && this.failure === undefined) {
      if (Date.now() > deadline) throw new Error('subscription did not end in time');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  stop(): void {
    this.unsubscribe();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

/**
 * Opens a raw graphql-transport-ws connection, sends `connection_init` with `payload`, and
 * resolves with how the server answered: acknowledged, or closed with a code.
 */
export function connectRaw(
  gatewayUrl: string,
  payload: Record<string, unknown> | undefined,
): Promise<{ acknowledged: true; socket: WebSocket } | { closedWith: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(liveUrl(gatewayUrl), 'graphql-transport-ws');
    socket.once('error', reject);
    socket.once('open', () => {
      socket.send(JSON.stringify({ type: 'connection_init', ...(payload && { payload }) }));
    });
    socket.on('message', (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data)) as { type: string };
      if (message.type === 'connection_ack') resolve({ acknowledged: true, socket });
    });
    socket.once('close', (code, reason) => resolve({ closedWith: code, reason: String(reason) }));
  });
}
