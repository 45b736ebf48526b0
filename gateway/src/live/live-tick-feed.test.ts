import { GraphQLError, type ExecutionResult } from 'graphql';
import { TickFeed, TickSubscriber, type LiveSink, type TickSource } from './live-tick-feed';

/** A ticker the test moves by hand. */
class HandTicker implements TickSource {
  tick = 0;
  readonly listeners = new Set<(tick: number) => void>();

  listen(listener: (tick: number) => void): () => boolean {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  advance(): void {
    this.tick += 1;
    for (const listener of this.listeners) listener(this.tick);
  }
}

/** A subscriber's socket: what it was sent, and whether it has taken the last send yet. */
class SocketDouble implements LiveSink {
  readonly payloads: string[] = [];
  private taking: (() => void) | undefined;

  constructor(private readonly slow = false) {}

  send(payload: string, sent: () => void): void {
    this.payloads.push(payload);
    if (this.slow) this.taking = sent;
    else sent();
  }

  /** The slow socket finally takes what it was sent. */
  drain(): void {
    const sent = this.taking;
    this.taking = undefined;
    sent?.();
  }
}

const settle = async (): Promise<void> => {
  for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
};

const figures = (visitorsToday: number): ExecutionResult => ({
  data: { hallStats: { visitorsToday } },
});

function hallFeed(ticker: HandTicker, read = (tick: number) => Promise.resolve(figures(tick))) {
  const reads: number[] = [];
  const open = new Set<{ end(): void }>();
  let closed = false;
  const feed = new TickFeed(ticker, () => {
    closed = true;
  });
  const reading = (tick: number) => {
    reads.push(tick);
    return read(tick);
  };
  const subscribe = (socket: SocketDouble) => {
    const subscriber = new TickSubscriber(feed, reading, socket, open);
    void subscriber.next();
    return subscriber;
  };
  return { reads, open, subscribe, isClosed: () => closed };
}

describe('a snapshot feed', () => {
  it('reads each tick once and sends every subscriber alike the same payload', async () => {
    const ticker = new HandTicker();
    const { reads, subscribe } = hallFeed(ticker);
    const sockets = [new SocketDouble(), new SocketDouble(), new SocketDouble()];
    sockets.forEach(subscribe);
    await settle();
    reads.length = 0;

    ticker.advance();
    await settle();

    expect(reads).toEqual([1]);
    for (const socket of sockets) {
      expect(socket.payloads).toEqual([
        '{"data":{"hallStats":{"visitorsToday":0}}}',
        '{"data":{"hallStats":{"visitorsToday":1}}}',
      ]);
    }
  });

  it('sends a slow reader only the latest figures once it has taken the last, and holds back no one else', async () => {
    const ticker = new HandTicker();
    const { subscribe } = hallFeed(ticker);
    const slow = new SocketDouble(true);
    const quick = new SocketDouble();
    subscribe(slow);
    subscribe(quick);
    await settle();

    ticker.advance();
    await settle();
    ticker.advance();
    await settle();
    ticker.advance();
    await settle();
    expect(quick.payloads).toHaveLength(4);
    expect(slow.payloads).toEqual(['{"data":{"hallStats":{"visitorsToday":0}}}']);

    slow.drain();
    expect(slow.payloads).toEqual([
      '{"data":{"hallStats":{"visitorsToday":0}}}',
      '{"data":{"hallStats":{"visitorsToday":3}}}',
    ]);
    slow.drain();
    expect(slow.payloads).toHaveLength(2);
  });

  it('drops a tick whose read finishes after a newer one', async () => {
    const ticker = new HandTicker();
    const pending = new Map<number, (result: ExecutionResult) => void>();
    const { subscribe } = hallFeed(
      ticker,
      (tick) => new Promise((resolve) => pending.set(tick, resolve)),
    );
    const socket = new SocketDouble();
    subscribe(socket);
    pending.get(0)!(figures(0));
    await settle();

    ticker.advance();
    ticker.advance();
    pending.get(2)!(figures(2));
    await settle();
    pending.get(1)!(figures(1));
    await settle();

    expect(socket.payloads).toEqual([
      '{"data":{"hallStats":{"visitorsToday":0}}}',
      '{"data":{"hallStats":{"visitorsToday":2}}}',
    ]);
  });

  it('sends nothing after a subscription ends, and stops listening when the last one has', async () => {
    const ticker = new HandTicker();
    const { open, subscribe, isClosed } = hallFeed(ticker);
    const first = new SocketDouble();
    const second = new SocketDouble();
    const one = subscribe(first);
    const two = subscribe(second);
    await settle();

    await expect(one.return()).resolves.toEqual({ done: true, value: undefined });
    await expect(one.next()).resolves.toEqual({ done: true, value: undefined });
    ticker.advance();
    await settle();
    expect(first.payloads).toHaveLength(1);
    expect(second.payloads).toHaveLength(2);
    expect(isClosed()).toBe(false);

    two.end();
    expect(open.size).toBe(0);
    expect(ticker.listeners.size).toBe(0);
    expect(isClosed()).toBe(true);
  });

  it('writes errors last and as graphql-ws formats them', async () => {
    const ticker = new HandTicker();
    const { subscribe } = hallFeed(ticker, () =>
      Promise.resolve({
        data: null,
        errors: [
          new GraphQLError('The graph could not read this update', {
            extensions: { code: 'INTERNAL_SERVER_ERROR' },
          }),
        ],
      }),
    );
    const socket = new SocketDouble();
    subscribe(socket);
    await settle();

    expect(socket.payloads).toEqual([
      '{"data":null,"errors":[{"message":"The graph could not read this update","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}',
    ]);
  });
});
