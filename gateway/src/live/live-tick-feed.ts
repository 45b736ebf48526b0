import type { ExecutionResult } from 'graphql';
import type { Ticker, Unsubscribe } from './live-hall';

/** What a feed needs of a ticker: the current tick, and each next one. */
export type TickSource = Pick<Ticker, 'tick' | 'listen'>;

/**
 * Where a pushed subscription's results go: its subscriber's socket, under its own
 * operation id.
 */
export interface LiveSink {
  /**
   * Hands one result to the socket. `payload` is the JSON of the protocol's `next` payload,
   * shared by every subscriber of the same feed and tick, so the sink adds only what is the
   * subscriber's own (its id). `sent` is called once, when the socket has taken the message
   * or will never take it (closed, cut off); until then nothing more is sent to this
   * subscriber.
   */
  send(payload: string, sent: (error?: Error) => void): void;
}

/**
 * The JSON a graphql-ws `next` message carries for `result`: the result as it is, with its
 * errors (serialised through `toJSON`) last, as graphql-ws itself writes it.
 */
function payloadJson(result: ExecutionResult): string {
  const { errors, ...rest } = result;
  return JSON.stringify(errors ? { ...rest, errors } : rest);
}

/**
 * Serialisations by result: every subscriber that shares a read shares its JSON too. Shared
 * reads are kept a while for late joiners, so the JSON lives exactly as long as its result.
 */
const payloads = new WeakMap<ExecutionResult, string>();

function payloadOf(result: ExecutionResult): string {
  let payload = payloads.get(result);
  if (payload === undefined) {
    payload = payloadJson(result);
    payloads.set(result, payload);
  }
  return payload;
}

/**
 * Deliveries made in one turn of the event loop before yielding to it, so pings, new
 * connections and HTTP requests are served during a large fan-out rather than after it.
 */
const DELIVERIES_PER_TURN = 500;

/**
 * The results of one snapshot subscription (hall figures, light counts) for everyone who
 * sent it alike (same query, variables and caller scope): read once per tick, serialised
 * once, and pushed to each subscriber's socket. A subscriber whose socket is still taking
 * the previous result gets only the latest one once it has, so a slow reader holds back
 * only itself and costs one waiting reference.
 */
export class TickFeed {
  private readonly members = new Set<TickSubscriber>();
  private unlisten: Unsubscribe | undefined;
  /** The newest tick read so far and its payload. */
  private latestTick = -1;
  private latestPayload = '';
  /** Bumped by each newer publication; a fan-out of an older one stops at its next turn. */
  private publication = 0;

  constructor(
    private readonly ticker: TickSource,
    private readonly closed: () => void,
  ) {}

  /** Adds a subscriber; it is sent the figures as they stand now, then one per tick. */
  join(member: TickSubscriber): void {
    this.members.add(member);
    if (!this.unlisten) this.unlisten = this.ticker.listen((tick) => this.refresh(tick));
    const tick = this.ticker.tick;
    void member.read(tick).then((result) => member.offer(tick, payloadOf(result)));
  }

  leave(member: TickSubscriber): void {
    if (!this.members.delete(member) || this.members.size > 0) return;
    this.unlisten?.();
    this.unlisten = undefined;
    this.closed();
  }

  private refresh(tick: number): void {
    // Read as one of the subscribers still there, as each of them would read the same.
    const reader = this.members.values().next();
    if (reader.done) return;
    void reader.value.read(tick).then((result) => this.publish(tick, payloadOf(result)));
  }

  /** Offers a tick's payload to every member, a batch per turn of the event loop. */
  private publish(tick: number, payload: string): void {
    // Reads of two ticks may finish out of order: the older one is already stale.
    if (tick <= this.latestTick) return;
    this.latestTick = tick;
    this.latestPayload = payload;
    const publication = ++this.publication;
    // A live iterator: members who leave meanwhile are skipped, who join are offered it too.
    const members = this.members.values();
    const deliverBatch = (): void => {
      if (publication !== this.publication) return;
      for (let delivered = 0; delivered < DELIVERIES_PER_TURN; delivered++) {
        const next = members.next();
        if (next.done) return;
        next.value.offer(this.latestTick, this.latestPayload);
      }
      setImmediate(deliverBatch);
    };
    deliverBatch();
  }
}

/**
 * One subscriber of a {@link TickFeed}, seen by graphql-ws as a stream that yields nothing
 * and ends when the subscription does (graphql-ws then sends `complete`); its results go to
 * the socket through its {@link LiveSink} instead, so a delivery costs no promise, iterator
 * step or serialisation of its own.
 */
export class TickSubscriber implements AsyncIterableIterator<ExecutionResult> {
  private started = false;
  private ended = false;
  private endStream: (() => void) | undefined;
  private readonly endedStream: Promise<IteratorResult<ExecutionResult, undefined>>;
  /** The tick last handed to the socket; older ones are never sent. */
  private sentTick = -1;
  private sending = false;
  /** The newest tick offered while the socket was busy, sent once it is free. */
  private waitingTick = -1;
  private waitingPayload = '';
  /** Bound once: the socket's callback for every send. */
  private readonly sent = (): void => {
    this.sending = false;
    if (this.waitingTick > this.sentTick) this.offer(this.waitingTick, this.waitingPayload);
    this.waitingPayload = '';
  };

  /**
   * @param read the figures of a tick as this subscriber would be answered; subscribers of
   *   one feed are answered alike, so the feed reads through any one of them.
   */
  constructor(
    private readonly feed: TickFeed,
    readonly read: (tick: number) => Promise<ExecutionResult>,
    private readonly sink: LiveSink,
    private readonly streams: Set<{ end(): void }>,
  ) {
    streams.add(this);
    this.endedStream = new Promise((resolve) => {
      this.endStream = () => resolve({ done: true, value: undefined });
    });
  }

  /** Hands `payload` of `tick` to the socket now, or once it took the previous one. */
  offer(tick: number, payload: string): void {
    if (this.ended || tick <= this.sentTick) return;
    if (this.sending) {
      this.waitingTick = tick;
      this.waitingPayload = payload;
      return;
    }
    this.sentTick = tick;
    this.sending = true;
    this.sink.send(payload, this.sent);
  }

  /**
   * Starts the deliveries the first time graphql-ws asks (it asks only once it has
   * registered the subscription); resolves when the subscription ends.
   */
  next(): Promise<IteratorResult<ExecutionResult, undefined>> {
    if (!this.started && !this.ended) {
      this.started = true;
      this.feed.join(this);
    }
    return this.endedStream;
  }

  async return(): Promise<IteratorResult<ExecutionResult, undefined>> {
    this.end();
    return { done: true, value: undefined };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** Ends the subscription: no more deliveries, and graphql-ws sends `complete`. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.waitingPayload = '';
    if (this.started) this.feed.leave(this);
    this.streams.delete(this);
    this.endStream?.();
  }
}
