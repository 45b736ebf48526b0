import pg from 'pg';
import { createLogger, type Logger } from '../logger';
import {
  eventChannel,
  hasPendingEvents,
  lastReadableEvent,
  readEvents,
  type EventCursor,
  type RecordedEvent,
} from './event-log';
import { backoff, NotificationListener, Sleeper } from './notification-listener';

export interface EventTailOptions {
  databaseUrl: string;
  /** The producer's schema, e.g. `supervision`. */
  source: string;
  /** Names the tail's connections in `pg_stat_activity`. */
  name: string;
  /**
   * Receives every event appended after `start`, in log order, a page at a time. It runs
   * before the next page is read, so it must only hand events on, never wait on a consumer.
   */
  onEvents(events: readonly RecordedEvent[]): void;
  /** Events per read; default 500. */
  pageSize?: number;
  /** How long the tail waits for a NOTIFY before it looks anyway; default 1000. */
  pollIntervalMs?: number;
  logger?: Logger;
}

/**
 * A reader that follows a producer's event log from the moment it starts, keeping its place in
 * memory only. Many can follow one log; none of them changes anything. It suits readers whose
 * own clients hold the cursor: the gateway follows the logs for its subscribers, and a
 * subscriber that resumes replays through {@link EventTail.read} from the cursor it kept.
 */
export interface EventTail {
  /** Places the tail at the end of the log and starts following it. */
  start(): Promise<void>;
  /** The last event handed to `onEvents` (or the end of the log at start). */
  readonly head: EventCursor | null;
  /** Up to `limit` events after `after`, in log order, as {@link readEvents} reads them. */
  read(after: EventCursor | null, limit: number): Promise<RecordedEvent[]>;
  stop(): Promise<void>;
}

const HORIZON_RETRY_MS = 25;
const FAILURE_BACKOFF_MS = { first: 100, max: 10_000 };

class LogTail implements EventTail {
  head: EventCursor | null = null;
  private readonly pool: pg.Pool;
  private readonly log: Logger;
  private readonly pageSize: number;
  private readonly pollIntervalMs: number;
  private readonly sleeper = new Sleeper();
  private listener: NotificationListener | undefined;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private notified = false;

  constructor(private readonly options: EventTailOptions) {
    eventChannel(options.source);
    this.pageSize = options.pageSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.log = (options.logger ?? createLogger('event-tail')).child({
      tail: options.name,
      source: options.source,
    });
    this.pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 3,
      application_name: `hall-tail ${options.name}`.slice(0, 63),
    });
    // An idle client's broken connection is replaced on the next query; it must not crash.
    this.pool.on('error', (error) => this.log.warn({ err: error }, 'event tail connection lost'));
  }

  async start(): Promise<void> {
    const listener = new NotificationListener(
      this.options.databaseUrl,
      eventChannel(this.options.source),
      `hall-tail ${this.options.name}`.slice(0, 63),
      () => {
        this.notified = true;
        this.sleeper.wake();
      },
      this.log,
    );
    // Listening before the end of the log is read, so no append falls between the two.
    await listener.open();
    this.listener = listener;
    this.head = await lastReadableEvent(this.pool, this.options.source);
    this.loop = this.run();
  }

  read(after: EventCursor | null, limit: number): Promise<RecordedEvent[]> {
    return readEvents(this.pool, this.options.source, after, limit);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.sleeper.close();
    await this.loop;
    await this.listener?.close();
    await this.pool.end();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      this.notified = false;
      let full = false;
      let pending = false;
      try {
        const events = await this.read(this.head, this.pageSize);
        const last = events.at(-1);
        if (last) {
          this.head = { transactionId: last.transactionId, position: last.position };
          this.options.onEvents(events);
        }
        full = events.length === this.pageSize;
        pending = !full && (await hasPendingEvents(this.pool, this.options.source, this.head));
        failures = 0;
      } catch (error) {
        failures += 1;
        const retryInMs = backoff(failures, FAILURE_BACKOFF_MS);
        this.log.error({ err: error, failures, retryInMs }, 'reading the event log failed');
        await this.sleeper.sleep(retryInMs, false);
        continue;
      }
      if (this.stopping) break;
      if (full || this.notified) continue;
      if (pending) await this.sleeper.sleep(HORIZON_RETRY_MS, false);
      else await this.sleeper.sleep(this.pollIntervalMs, true);
    }
  }
}

export function createEventTail(options: EventTailOptions): EventTail {
  return new LogTail(options);
}
