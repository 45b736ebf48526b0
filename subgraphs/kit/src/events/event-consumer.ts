import type { EntityManager } from '@mikro-orm/postgresql';
import type { HallOrm } from '../data/orm';
import { createLogger, type Logger } from '../logger';
import { advanceEventCursor, lockEventCursor } from './event-cursor';
import {
  eventChannel,
  hasPendingEvents,
  nextTransactionId,
  readEvents,
  type RecordedEvent,
} from './event-log';
import { quotedEventSchema } from './event-schema';
import { backoff, NotificationListener, Sleeper } from './notification-listener';

export interface EventConsumerOptions {
  /**
   * The consumer's own ORM (its own schema). Each batch's effects and the cursor move commit in
   * one transaction through it, which is what makes applying an event happen exactly once.
   */
  orm: HallOrm;
  /** For the dedicated connection that LISTENs on `eventChannel(source)`. */
  databaseUrl: string;
  /** The producer's schema, e.g. `cases`. */
  source: string;
  /** The consumer's schema, which holds `event_cursor`. */
  cursorSchema: string;
  /** The cursor's key, e.g. `supervision.lights`; instances sharing it share the work. */
  name: string;
  /** Events per transaction; default 200. */
  batchSize?: number;
  /**
   * How long an idle consumer waits before looking again when no NOTIFY arrives; default
   * 1000. NOTIFY is only a hint (it is lost while the listening connection is down), so the
   * poll bounds how late an event can be handled.
   */
  pollIntervalMs?: number;
  /**
   * Applies a batch, in log order, inside the transaction that also advances the cursor past
   * it. Throwing rolls both back: the batch is offered again later, so effects written through
   * `tx` happen exactly once, while effects outside the database may repeat.
   */
  handle(events: readonly RecordedEvent[], tx: EntityManager): Promise<void>;
  logger?: Logger;
}

export interface EventConsumer {
  /** Listens for NOTIFY and processes in the background until `stop`. */
  start(): Promise<void>;
  /**
   * Processes batches until every event committed before the call has been handled, and
   * returns how many it handled. Waits for events that are committed but held back by an
   * older transaction still running. Rejects with the handler's error when a batch fails (that
   * batch rolled back), so a caller at start-up or in a test sees the failure.
   */
  catchUp(): Promise<number>;
  /** Stops after the batch in flight and closes the listening connection. */
  stop(): Promise<void>;
}

const DEFAULT_BATCH_SIZE = 200;
const DEFAULT_POLL_INTERVAL_MS = 1000;
/** Events held back by a running transaction usually become readable within milliseconds. */
const HORIZON_RETRY_MS = 25;
const FAILURE_BACKOFF_MS = { first: 100, max: 30_000 };

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface BatchOutcome {
  handled: number;
  /** The batch was full: more may be readable at once. */
  full: boolean;
  /**
   * Committed events remain after the cursor: held back by an older running transaction, or
   * committed since the read. Either way, reading again shortly will get them.
   */
  pending: boolean;
}

class CursorEventConsumer implements EventConsumer {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly log: Logger;
  private sleeper = new Sleeper();
  /** Serialises this instance's batches (background loop and `catchUp`). */
  private inFlight: Promise<unknown> = Promise.resolve();
  private listener: NotificationListener | undefined;
  private loop: Promise<void> | undefined;
  private stopping = false;
  /** A NOTIFY arrived since the loop last read the log. */
  private notified = false;
  /** Logged once per wait so a long-running transaction does not flood the log. */
  private waitingLogged = false;

  constructor(private readonly options: EventConsumerOptions) {
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    if (!Number.isSafeInteger(this.batchSize) || this.batchSize < 1) {
      throw new RangeError(`batchSize must be a positive integer, got ${this.batchSize}`);
    }
    if (!(this.pollIntervalMs > 0)) {
      throw new RangeError(`pollIntervalMs must be positive, got ${this.pollIntervalMs}`);
    }
    // Bad names fail here rather than in the first batch.
    eventChannel(options.source);
    quotedEventSchema(options.cursorSchema);
    this.log = (options.logger ?? createLogger('event-consumer')).child({
      consumer: options.name,
      source: options.source,
    });
  }

  async start(): Promise<void> {
    if (this.loop || this.listener) {
      throw new Error(`consumer ${this.options.name} already started`);
    }
    this.stopping = false;
    this.sleeper = new Sleeper();
    const listener = new NotificationListener(
      this.options.databaseUrl,
      eventChannel(this.options.source),
      `hall-events ${this.options.name}`.slice(0, 63),
      () => this.onNotification(),
      this.log,
    );
    // Listening before the first batch means no commit can fall between reading and waiting.
    await listener.open();
    this.listener = listener;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.sleeper.close();
    await this.loop;
    this.loop = undefined;
    await this.inFlight.catch(() => undefined);
    await this.listener?.close();
    this.listener = undefined;
  }

  async catchUp(): Promise<number> {
    // Events of later transactions are not waited for, so a busy producer cannot keep
    // catchUp from returning.
    const until = await nextTransactionId(this.options.orm.em.fork());
    let handled = 0;
    for (;;) {
      const outcome = await this.batch(until);
      handled += outcome.handled;
      if (outcome.full) continue;
      if (!outcome.pending) return handled;
      await pause(HORIZON_RETRY_MS);
    }
  }

  private onNotification(): void {
    this.notified = true;
    this.sleeper.wake();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      this.notified = false;
      let outcome: BatchOutcome;
      try {
        outcome = await this.batch();
        failures = 0;
      } catch (error) {
        failures += 1;
        const retryInMs = backoff(failures, FAILURE_BACKOFF_MS);
        this.log.error({ err: error, failures, retryInMs }, 'event batch failed; rolled back');
        await this.sleeper.sleep(retryInMs, false);
        continue;
      }
      if (this.stopping) break;
      if (outcome.full || this.notified) continue;
      if (outcome.pending) {
        await this.sleeper.sleep(HORIZON_RETRY_MS, false);
        continue;
      }
      await this.sleeper.sleep(this.pollIntervalMs, true);
    }
  }

  /**
   * Runs one batch after any batch of this instance still in flight. `until` limits which
   * pending events count (see {@link hasPendingEvents}).
   */
  private batch(until?: string): Promise<BatchOutcome> {
    const next = this.inFlight.catch(() => undefined).then(() => this.processBatch(until));
    this.inFlight = next;
    return next;
  }

  /**
   * One transaction: lock the cursor row, read after it, apply, move the cursor past the
   * batch. Effects and cursor commit or roll back together.
   */
  private async processBatch(until: string | undefined): Promise<BatchOutcome> {
    const { orm, source, cursorSchema, name, handle } = this.options;
    const outcome = await orm.em.fork().transactional(async (tx) => {
      const cursor = await lockEventCursor(tx, cursorSchema, name);
      const events = await readEvents(tx, source, cursor, this.batchSize);
      const last = events.at(-1);
      if (last) {
        await handle(events, tx);
        await advanceEventCursor(tx, cursorSchema, name, last);
      }
      const full = events.length === this.batchSize;
      const pending = full ? false : await hasPendingEvents(tx, source, last ?? cursor, until);
      return { handled: events.length, full, pending };
    });
    if (outcome.pending && !this.waitingLogged) {
      this.log.debug('committed events not readable yet (held back by an older transaction)');
    }
    this.waitingLogged = outcome.pending;
    if (outcome.handled > 0) this.log.debug({ handled: outcome.handled }, 'events handled');
    return outcome;
  }
}

/**
 * A consumer that applies a producer's events exactly once into the consumer's own schema,
 * in log order, resuming from its cursor after a restart or a failed batch.
 */
export function createEventConsumer(options: EventConsumerOptions): EventConsumer {
  return new CursorEventConsumer(options);
}
