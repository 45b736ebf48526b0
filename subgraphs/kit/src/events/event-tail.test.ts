import { randomBytes, randomUUID } from 'node:crypto';
import { openDatabase, type HallOrm } from '../data/orm';
import { dropDatabase, ensureDatabase } from '../data/prepare';
import { appendEvents, eventLogTableSql, type RecordedEvent } from './event-log';
import { createEventTail, type EventTail } from './event-tail';

const SOURCE = 'tailed';

let databaseUrl: string;
let producer: HallOrm;
const tails: EventTail[] = [];

function append(keys: readonly string[]): Promise<void> {
  return producer.em.fork().transactional((tx) =>
    appendEvents(
      tx,
      SOURCE,
      keys.map((key) => ({
        type: 'CaseAccepted',
        aggregateType: 'Case',
        aggregateId: randomUUID(),
        payload: { key },
        occurredAt: new Date('2026-03-02T01:30:00.000Z'),
      })),
    ),
  );
}

function follow(received: RecordedEvent[]): EventTail {
  const tail = createEventTail({
    databaseUrl,
    source: SOURCE,
    name: `test-${tails.length}`,
    // Polling only every ten minutes: progress has to come from notifications.
    pollIntervalMs: 600_000,
    onEvents: (events) => received.push(...events),
  });
  tails.push(tail);
  return tail;
}

async function eventually(
  condition: () => boolean,
  what: string,
  probe: () => Promise<void> = async () => undefined,
): Promise<void> {
  const deadline = Date.now() + 45_000;
  await probe();
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await probe();
  }
}

/**
 * The keys of `events` that start with `prefix`. Transactions of other test files on the same
 * server can hold events back for a while (the readable horizon is cluster-wide), so an
 * earlier test's events may reach a later test's tail: each test looks at its own only.
 */
const keysOf = (events: readonly RecordedEvent[], prefix = '') =>
  events.map((event) => String(event.payload.key)).filter((key) => key.startsWith(prefix));

beforeAll(async () => {
  const url = new URL(process.env.DATABASE_URL ?? '');
  url.pathname = `/hall_test_tail_${randomBytes(6).toString('hex')}`;
  databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  ({ orm: producer } = await openDatabase(
    {
      name: 'event-tail-test',
      dbSchema: SOURCE,
      entities: [],
      migrations: [],
      resolvers: [class EventTailTestResolver {}],
      createLoaders: () => undefined,
    },
    { databaseUrl, poolSize: 12 },
  ));
  const em = producer.em.fork();
  for (const sql of [`create schema ${SOURCE}`, ...eventLogTableSql(SOURCE)]) {
    await em.execute(sql);
  }
});

afterEach(async () => {
  await Promise.all(tails.splice(0).map((tail) => tail.stop()));
});

afterAll(async () => {
  await producer?.close();
  await dropDatabase(databaseUrl);
});

describe('an event tail', () => {
  it('starts at the end of the log and hands on what is appended after, in log order', async () => {
    await append(['s-before-1', 's-before-2']);
    const received: RecordedEvent[] = [];
    const tail = follow(received);
    // Once the earlier events are readable, the tail starts after them.
    let readable: RecordedEvent[] = [];
    await eventually(
      () => keysOf(readable, 's-before').length === 2,
      'the earlier events',
      async () => {
        readable = await tail.read(null, 1000);
      },
    );
    await tail.start();
    expect(tail.head).not.toBeNull();

    await append(['s-after-1']);
    await append(['s-after-2', 's-after-3']);
    await eventually(() => keysOf(received, 's-after').length === 3, 'three events');
    expect(keysOf(received, 's-')).toEqual(['s-after-1', 's-after-2', 's-after-3']);
  });

  it('skips nothing when transactions commit out of order, and two tails see the same', async () => {
    const [first, second]: RecordedEvent[][] = [[], []];
    const tails = [follow(first!), follow(second!)];
    await Promise.all(tails.map((tail) => tail.start()));

    // An earlier transaction that commits last: the later ones wait behind it.
    const early = producer.em.fork();
    await early.begin();
    await appendEvents(early, SOURCE, [
      {
        type: 'CaseAccepted',
        aggregateType: 'Case',
        aggregateId: randomUUID(),
        payload: { key: 'o-early' },
        occurredAt: new Date(),
      },
    ]);
    const committed: string[] = [];
    await Promise.all(
      Array.from({ length: 6 }, async (_, writer) => {
        for (let t = 0; t < 10; t += 1) {
          const key = `o-w${writer}-t${t}`;
          await append([key]);
          committed.push(key);
        }
      }),
    );
    await early.commit();
    committed.push('o-early');

    await eventually(
      () =>
        keysOf(first!, 'o-').length >= committed.length &&
        keysOf(second!, 'o-').length >= committed.length,
      'every event at both tails',
    );
    expect(keysOf(first!, 'o-')).toHaveLength(committed.length);
    expect(new Set(keysOf(first!, 'o-'))).toEqual(new Set(committed));
    expect(keysOf(second!, 'o-')).toEqual(keysOf(first!, 'o-'));
    // The early transaction's event sorts first: it was held back, not skipped.
    expect(keysOf(first!, 'o-')[0]).toBe('o-early');
  });

  it('reads back after a cursor for a reader that resumes', async () => {
    const received: RecordedEvent[] = [];
    const tail = follow(received);
    await tail.start();
    await append(['r-1', 'r-2', 'r-3']);
    await eventually(() => keysOf(received, 'r-').length === 3, 'three events');
    const first = received.find((event) => event.payload.key === 'r-1')!;
    const replayed = await tail.read(
      { transactionId: first.transactionId, position: first.position },
      1000,
    );
    expect(keysOf(replayed, 'r-')).toEqual(['r-2', 'r-3']);
  });
});
