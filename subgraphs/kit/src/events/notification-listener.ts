import pg from 'pg';
import type { Logger } from '../logger';

const RECONNECT_BACKOFF_MS = { first: 100, max: 10_000 };

/** Doubling delays from `bounds.first`, capped at `bounds.max`. */
export function backoff(attempt: number, bounds: { first: number; max: number }): number {
  return Math.min(bounds.max, bounds.first * 2 ** Math.max(0, attempt - 1));
}

/**
 * A sleep that `wake` ends early. Only the idle wait is wakeable by NOTIFY; backoff after a
 * failure is not, so a stream of notifications cannot turn a failing handler into a spin.
 * Once closed, every sleep ends at once, so stopping never waits out a backoff.
 */
export class Sleeper {
  private timer: NodeJS.Timeout | undefined;
  private resolveSleep: (() => void) | undefined;
  private wakeable = false;
  private closed = false;

  sleep(ms: number, wakeable: boolean): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.wakeable = wakeable;
      this.resolveSleep = resolve;
      this.timer = setTimeout(() => this.end(), ms);
    });
  }

  /** Ends an idle wait; a backoff wait goes on. */
  wake(): void {
    if (this.wakeable) this.end();
  }

  close(): void {
    this.closed = true;
    this.end();
  }

  private end(): void {
    clearTimeout(this.timer);
    const resolve = this.resolveSleep;
    this.timer = undefined;
    this.resolveSleep = undefined;
    this.wakeable = false;
    resolve?.();
  }
}

/**
 * The dedicated connection that LISTENs for a producer's appends. It reconnects with backoff
 * when the connection drops and reports every (re)connection as a wake-up, since
 * notifications sent while it was down are lost.
 */
export class NotificationListener {
  private client: pg.Client | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private attempts = 0;
  private closed = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly channel: string,
    private readonly applicationName: string,
    private readonly onWake: () => void,
    private readonly log: Logger,
  ) {}

  /** The first connection; its failure is the caller's (a wrong URL should fail start-up). */
  async open(): Promise<void> {
    await this.connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      application_name: this.applicationName,
    });
    // Until LISTEN succeeded, failures reach the caller through the rejected promise instead.
    let live = false;
    const onDrop = (error?: Error) => {
      if (!live) return;
      live = false;
      if (this.client === client) this.client = undefined;
      client.end().catch(() => undefined);
      if (this.closed) return;
      this.log.warn({ err: error }, 'event listener connection dropped; reconnecting');
      this.scheduleReconnect();
    };
    // pg emits 'error' for a broken connection; without a listener it would crash the process.
    client.on('error', onDrop);
    client.on('end', () => onDrop());
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.onWake();
    });
    try {
      await client.connect();
      await client.query(`listen "${this.channel}"`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    live = true;
    this.client = client;
    this.attempts = 0;
    this.onWake();
  }

  private scheduleReconnect(): void {
    this.attempts += 1;
    const delay = backoff(this.attempts, RECONNECT_BACKOFF_MS);
    this.reconnectTimer = setTimeout(() => {
      if (this.closed) return;
      this.connect().catch((error: unknown) => {
        this.log.warn({ err: error, attempt: this.attempts }, 'event listener reconnect failed');
        if (!this.closed) this.scheduleReconnect();
      });
    }, delay);
  }
}
