import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type HallOrm } from '../data/orm';
import { ensureDatabase } from '../data/prepare';
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

async function eventually(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 45_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const keysOf = (events: readonly RecordedEvent[]) => events.map((event) => event.payload.key);

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
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(
      `drop database if exists "${new URL(databaseUrl).pathname.slice(1)}" with (force)`,
    );
  } finally {
    await client.end();
  }
});

describe('an event tail', () => {
  it('starts at the end of the log and hands on what is appended after, in log order', async () => {
    await append(['before-1', 'before-2']);
    const received: RecordedEvent[] = [];
    const tail = follow(received);
    await tail.start();
    expect(tail.head).not.toBeNull();

    await append(['after-1']);
    await append(['after-2', 'after-3']);
    await eventually(() => received.length === 3, 'three events');
    expect(keysOf(received)).toEqual(['after-1', 'after-2', 'after-3']);
    expect(tail.head).toEqual({
      transactionId: received[2]!.transactionId,
      position: received[2]!.position,
    });
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
        payload: { key: 'early' },
        occurredAt: new Date(),
      },
    ]);
    const committed: string[] = [];
    await Promise.all(
      Array.from({ length: 6 }, async (_, writer) => {
        for (let t = 0; t < 10; t += 1) {
          const key = `w${writer}-t${t}`;
          await append([key]);
          committed.push(key);
        }
      }),
    );
    await early.commit();
    committed.push('early');

    await eventually(
      () => first!.length === committed.length && second!.length === committed.length,
      'every event at both tails',
    );
    expect(new Set(keysOf(first!))).toEqual(new Set(committed));
    expect(keysOf(second!)).toEqual(keysOf(first!));
    // The early transaction's event sorts first: it was held back, not skipped.
    expect(keysOf(first!)[0]).toBe('early');
  });

  it('reads back after a cursor for a reader that resumes', async () => {
    const received: RecordedEvent[] = [];
    const tail = follow(received);
    await tail.start();
    await append(['r1', 'r2', 'r3']);
    await eventually(() => received.length === 3, 'three events');
    const replayed = await tail.read(
      { transactionId: received[0]!.transactionId, position: received[0]!.position },
      10,
    );
    expect(keysOf(replayed)).toEqual(['r2', 'r3']);
  });
});
