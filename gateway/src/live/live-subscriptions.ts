import { readScope, type Caller, type EventCursor, type Logger } from '@hall/kit';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { isAfter, type LightChange, type LiveHall, type Unsubscribe } from './live-hall';
import type { LiveOperation } from './live-operation';
import { TickFeed, TickSubscriber, type LiveSink } from './live-tick-feed';

/** Runs an answering query through the gateway's own pipeline, as `caller`. */
export type AnswerQuery = (
  query: string,
  variables: Record<string, unknown>,
  caller: Caller,
) => Promise<ExecutionResult>;

export interface LiveSubscriptionsOptions {
  hall: LiveHall;
  answer: AnswerQuery;
  /**
   * Light changes a subscriber may have waiting in memory; one that falls further behind
   * reads on from the log instead. Default 1000.
   */
  maxPendingLights?: number;
  log: Logger;
}

/** Who reads lights: as the supervision subgraph's light queries allow. */
const LIGHT_READERS: readonly string[] = [
  'SERVICE_BUREAU_ADMIN',
  'CITY_LEADER',
  'SUPERVISION_STAFF',
  'DEPARTMENT_STAFF',
];

const CURSOR_PATTERN = /^(\d{1,20})\.(\d{1,20})$/;

export function encodeLightCursor(cursor: EventCursor): string {
  return Buffer.from(`${cursor.transactionId}.${cursor.position}`).toString('base64url');
}

function decodeLightCursor(value: string): EventCursor | undefined {
  const match = CURSOR_PATTERN.exec(Buffer.from(value, 'base64url').toString('utf8'));
  return match ? { transactionId: match[1]!, position: match[2]! } : undefined;
}

function refusal(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/**
 * Reads shared by every subscriber that would send the same query as the same kind of caller
 * for the same event: ten thousand lobby screens cost one read per tick. Subgraphs answer a
 * read by the caller's role and scope, never by who exactly asks, which is what makes the
 * sharing safe.
 */
class SharedReads {
  private readonly entries = new Map<string, Promise<ExecutionResult>>();

  constructor(private readonly keepMs: number) {}

  read(key: string, run: () => Promise<ExecutionResult>): Promise<ExecutionResult> {
    const known = this.entries.get(key);
    if (known) return known;
    const started = run();
    this.entries.set(key, started);
    setTimeout(() => this.entries.delete(key), this.keepMs).unref();
    return started;
  }
}

/** An open subscription, as far as ending it goes. */
interface OpenSubscription {
  end(): void;
}

/**
 * One subscription's stream of results. It computes a result only when graphql-ws asks for
 * the next one, which happens once the previous one reached the socket, so a slow reader
 * holds back only itself; what it has not read yet waits in its own bounded state.
 */
abstract class LiveStream implements AsyncIterableIterator<ExecutionResult> {
  private ended = false;
  private signalled = false;
  private wake: (() => void) | undefined;
  private readonly unsubscribe: Unsubscribe[] = [];

  constructor(private readonly streams: Set<OpenSubscription>) {
    streams.add(this);
  }

  /** The next result if one is due now; `undefined` to wait for {@link signal}. */
  protected abstract pull(): Promise<ExecutionResult | undefined>;

  protected listen(unsubscribe: Unsubscribe): void {
    this.unsubscribe.push(unsubscribe);
  }

  protected signal(): void {
    this.signalled = true;
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  async next(): Promise<IteratorResult<ExecutionResult, undefined>> {
    for (;;) {
      if (this.ended) return { done: true, value: undefined };
      this.signalled = false;
      const result = await this.pull();
      if (this.ended) return { done: true, value: undefined };
      if (result) return { done: false, value: result };
      if (!this.signalled) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
      }
    }
  }

  async return(): Promise<IteratorResult<ExecutionResult, undefined>> {
    this.end();
    return { done: true, value: undefined };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** Ends the stream: a waiting `next` finishes, and graphql-ws sends `complete`. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    for (const unsubscribe of this.unsubscribe.splice(0)) unsubscribe();
    this.streams.delete(this);
    this.signal();
  }
}

const REPLAY_PAGE = 200;

/**
 * Every light change that matches, in log order, each exactly once: from `after` when the
 * subscriber resumes, else from the moment it subscribed. Changes arriving live wait in a
 * bounded buffer; a reader that lets it fill up has the buffer dropped and reads on from the
 * log instead, page by page as it reads, so it costs bounded memory and still loses nothing.
 */
class LightStream extends LiveStream {
  /** Where reading back from the log goes on; `null` while following live. */
  private readFrom: EventCursor | null;
  private readonly readBack: LightChange[] = [];
  private readonly arrived: LightChange[] = [];
  /** The last change delivered (or the subscription's starting point). */
  private delivered: EventCursor | null;
  /** The last change delivered or waiting in `readBack`. */
  private queued: EventCursor | null;

  constructor(
    streams: Set<OpenSubscription>,
    private readonly hall: LiveHall,
    private readonly matches: (change: LightChange) => boolean,
    private readonly read: (change: LightChange) => Promise<ExecutionResult>,
    maxPending: number,
    fellBehind: () => void,
    after: EventCursor | null,
  ) {
    super(streams);
    this.readFrom = after;
    this.delivered = after ?? hall.lightsHead;
    this.queued = this.delivered;
    this.listen(
      hall.onLightChange((change) => {
        if (!this.matches(change)) return;
        if (this.arrived.length >= maxPending) {
          // Everything dropped here is in the log after `queued`.
          this.arrived.length = 0;
          if (!this.readFrom) {
            this.readFrom = this.queued;
            fellBehind();
          }
        }
        this.arrived.push(change);
        this.signal();
      }),
    );
  }

  protected async pull(): Promise<ExecutionResult | undefined> {
    while (this.readFrom && this.readBack.length === 0) {
      const page = await this.hall.lightChangesAfter(this.readFrom, REPLAY_PAGE);
      for (const change of page.changes) {
        if (this.matches(change) && isAfter(change.cursor, this.queued)) {
          this.readBack.push(change);
          this.queued = change.cursor;
        }
      }
      // At the end of the log, what comes next is in `arrived` (it was listening throughout).
      this.readFrom = page.next;
    }
    let change = this.readBack.shift();
    while (!change && this.arrived.length > 0) {
      const candidate = this.arrived.shift()!;
      // A change read back from the log may also have arrived live: deliver it once.
      if (isAfter(candidate.cursor, this.delivered)) change = candidate;
    }
    if (!change) return undefined;
    this.delivered = change.cursor;
    if (isAfter(change.cursor, this.queued)) this.queued = change.cursor;
    return this.read(change);
  }
}

/**
 * The gateway's subscriptions: checks who may subscribe to what, then streams results whose
 * payloads the gateway's own query planning answers, shared between subscribers alike.
 */
export class LiveSubscriptions {
  private readonly streams = new Set<OpenSubscription>();
  private readonly shared = new SharedReads(30_000);
  /** Snapshot feeds by what their subscribers share: field, caller scope, variables, query. */
  private readonly feeds = new Map<string, TickFeed>();
  private readonly maxPendingLights: number;
  private fellBehind = 0;

  constructor(private readonly options: LiveSubscriptionsOptions) {
    this.maxPendingLights = options.maxPendingLights ?? 1000;
  }

  /** Open subscriptions on this instance. */
  get size(): number {
    return this.streams.size;
  }

  /** How often a light subscriber fell so far behind that it read on from the log. */
  get readersFallenBehind(): number {
    return this.fellBehind;
  }

  /**
   * A stream for `operation` as `caller`, or the refusal. Snapshot subscriptions (hall
   * figures, light counts) push their results to `sink` and yield nothing themselves; light
   * changes are yielded by the stream.
   */
  subscribe(
    operation: LiveOperation,
    caller: Caller,
    sink: LiveSink,
  ): AsyncIterableIterator<ExecutionResult> | GraphQLError {
    if (caller.kind !== 'user') {
      return refusal('Sign in to subscribe', 'UNAUTHENTICATED');
    }
    if (caller.role === 'PARTNER') {
      return refusal('Partners have no subscriptions', 'FORBIDDEN');
    }
    const { hall } = this.options;
    const sharedKey = `${readScope(caller)}|${JSON.stringify(operation.variables)}|${operation.query}`;
    const answer = (eventKey: string, variables: Record<string, unknown>) =>
      this.shared.read(`${eventKey}|${sharedKey}`, () =>
        this.answer(operation.query, variables, caller),
      );
    if (operation.field !== 'alertLights') {
      const { field } = operation;
      const feedKey = `${field}|${sharedKey}`;
      let feed = this.feeds.get(feedKey);
      if (!feed) {
        const created: TickFeed = new TickFeed(
          field === 'hallStats' ? hall.hallTicks : hall.lightTicks,
          () => {
            // A feed emptied while a subscriber that took it from here had not started yet
            // serves that subscriber on its own; a newer feed of the key stays.
            if (this.feeds.get(feedKey) === created) this.feeds.delete(feedKey);
          },
        );
        this.feeds.set(feedKey, created);
        feed = created;
      }
      return new TickSubscriber(
        feed,
        (tick) => answer(`${field}:${tick}`, operation.variables),
        sink,
        this.streams,
      );
    }

    if (!LIGHT_READERS.includes(caller.role)) {
      return refusal('Your role does not see alert lights; subscribe to lightCounts', 'FORBIDDEN');
    }
    const asked = operation.args.departmentId as string | undefined;
    const own = caller.role === 'DEPARTMENT_STAFF' ? (caller.departmentId ?? '') : undefined;
    if (own !== undefined && asked !== undefined && asked !== own) {
      return refusal('Department staff see the lights of their own department only', 'FORBIDDEN');
    }
    const departmentId = own ?? asked;
    const levels = operation.args.levels as readonly string[] | undefined;
    let after: EventCursor | null = null;
    if (typeof operation.args.after === 'string') {
      const decoded = decodeLightCursor(operation.args.after);
      if (!decoded)
        return refusal('after is not a cursor this subscription gave', 'BAD_USER_INPUT');
      after = decoded;
    }
    return new LightStream(
      this.streams,
      hall,
      (change) =>
        (departmentId === undefined || change.departmentId === departmentId) &&
        (!levels || levels.includes(change.level)),
      async (change) => {
        const cursor = encodeLightCursor(change.cursor);
        const result = await answer(`light:${cursor}`, {
          ...operation.variables,
          [operation.lightIdVariable]: change.lightId,
        });
        return {
          ...result,
          extensions: {
            cursor,
            change: {
              type: change.type,
              at: change.at.toISOString(),
              level: change.level,
              status: change.status,
              escalated: change.escalated,
            },
          },
        };
      },
      this.maxPendingLights,
      () => {
        this.fellBehind += 1;
      },
      after,
    );
  }

  /** Ends every open subscription; each subscriber is sent `complete`. */
  completeAll(): void {
    for (const stream of [...this.streams]) stream.end();
  }

  private async answer(
    query: string,
    variables: Record<string, unknown>,
    caller: Caller,
  ): Promise<ExecutionResult> {
    try {
      return await this.options.answer(query, variables, caller);
    } catch (error) {
      this.options.log.error({ err: error }, 'a live update could not be read');
      return { errors: [refusal('The graph could not read this update', 'INTERNAL_SERVER_ERROR')] };
    }
  }
}
