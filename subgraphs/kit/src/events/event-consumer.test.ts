import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import pino from 'pino';
import { openDatabase, type HallOrm } from '../data/orm';
import { dropDatabase, ensureDatabase } from '../data/prepare';
import type { Logger } from '../logger';
import {
  createEventConsumer,
  type EventConsumer,
  type EventConsumerOptions,
} from './event-consumer';
import {
  appendEvents,
  eventCursorTableSql,
  eventLogTableSql,
  type DomainEvent,
  type RecordedEvent,
} from './event-log';

const SOURCE = 'producer';
const TARGET = 'consumer';

let databaseUrl: string;
let producer: HallOrm;
let consumerOrms: HallOrm[];
const running: EventConsumer[] = [];

/** Log lines the consumers wrote, parsed; tests wait on them instead of on time. */
let logLines: { level: number; msg: string; consumer?: string; retryInMs?: number }[] = [];
const logger: Logger = pino(
  { level: 'debug' },
  { write: (line: string) => void logLines.push(JSON.parse(line)) },
);

function logged(name: string, message: RegExp): typeof logLines {
  return logLines.filter((line) => line.consumer === name && message.test(line.msg));
}

async function openOrm(dbSchema: string): Promise<HallOrm> {
  const { orm } = await openDatabase(
    {
      name: `events-test-${dbSchema}`,
      dbSchema,
      entities: [],
      migrations: [],
      resolvers: [class EventConsumerTestResolver {}],
      createLoaders: () => undefined,
    },
    { databaseUrl, poolSize: 12 },
  );
  return orm;
}

function event(key: string): DomainEvent {
  return {
    type: 'CaseAccepted',
    aggregateType: 'Case',
    aggregateId: randomUUID(),
    payload: { key },
    occurredAt: new Date('2026-03-02T01:30:00.000Z'),
  };
}

function append(keys: readonly string[]): Promise<void> {
  return producer.em.fork().transactional((tx) => appendEvents(tx, SOURCE, keys.map(event)));
}

function keysOf(from: number, to: number, prefix: string): string[] {
  return Array.from({ length: to - from + 1 }, (_, index) => `${prefix}${from + index}`);
}

/**
 * The consumers' effect: one row per applied event. `applied` has a unique position, so
 * applying an event twice fails the batch; `applied_log` has none, so a double apply shows as
 * a second row.
 */
async function recordEffects(
  table: 'applied' | 'applied_log',
  name: string,
  events: readonly RecordedEvent[],
  tx: EntityManager,
): Promise<void> {
  for (const recorded of events) {
    await tx.execute(
      `insert into ${TARGET}.${table} (consumer, position, transaction_id, key)
values (?, ?::bigint, ?::xid8, ?)`,
      [name, recorded.position, recorded.transactionId, String(recorded.payload.key)],
    );
  }
}

async function appliedKeys(name: string, table = 'applied'): Promise<string[]> {
  const rows = await producer.em
    .fork()
    .execute<{ key: string }[]>(
      `select key from ${TARGET}.${table} where consumer = ? order by seq`,
      [name],
    );
  return rows.map((row) => row.key);
}

async function cursorOf(
  name: string,
): Promise<{ transaction_id: string; position: string } | undefined> {
  const rows = await producer.em.fork().execute<{ transaction_id: string; position: string }[]>(
    `select transaction_id::text as transaction_id, position::text as position
from ${TARGET}.event_cursor where consumer = ?`,
    [name],
  );
  return rows[0];
}

async function eventPosition(key: string): Promise<{ transaction_id: string; position: string }> {
  const rows = await producer.em.fork().execute<{ transaction_id: string; position: string }[]>(
    `select transaction_id::text as transaction_id, position::text as position
from ${SOURCE}.event_log where payload ->> 'key' = ?`,
    [key],
  );
  return rows[0]!;
}

/** Waits for a condition that concurrent work makes true, with a generous limit. */
async function eventually(probe: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + 45_000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function consumer(
  name: string,
  handle: EventConsumerOptions['handle'],
  options: Partial<EventConsumerOptions> = {},
): EventConsumer {
  const created = createEventConsumer({
    orm: consumerOrms[0]!,
    databaseUrl,
    source: SOURCE,
    cursorSchema: TARGET,
    name,
    handle,
    logger,
    ...options,
  });
  running.push(created);
  return created;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  const url = new URL(process.env.DATABASE_URL ?? '');
  url.pathname = `/hall_test_events_${randomBytes(6).toString('hex')}`;
  databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  producer = await openOrm(SOURCE);
  // Two consumer ORMs stand for two processes running the same consumer.
  consumerOrms = [await openOrm(TARGET), await openOrm(TARGET)];
  const em = producer.em.fork();
  for (const sql of [
    `create schema ${SOURCE}`,
    ...eventLogTableSql(SOURCE),
    `create schema ${TARGET}`,
    ...eventCursorTableSql(TARGET),
    `create table ${TARGET}.applied (seq bigserial primary key, consumer text not null,
      position bigint not null, transaction_id xid8 not null, key text not null,
      unique (consumer, position))`,
    `create table ${TARGET}.applied_log (seq bigserial primary key, consumer text not null,
      position bigint not null, transaction_id xid8 not null, key text not null)`,
  ]) {
    await em.execute(sql);
  }
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((started) => started.stop()));
});

afterAll(async () => {
  await producer?.close();
  await Promise.all((consumerOrms ?? []).map((orm) => orm.close()));
  await dropDatabase(databaseUrl);
});

beforeEach(async () => {
  await producer.em.fork().execute(`truncate ${SOURCE}.event_log`);
  logLines = [];
});

describe('an event consumer', () => {
  it('applies nothing past an open earlier transaction, then both in log order', async () => {
    const name = 'out-of-order';
    const subject = consumer(name, (events, tx) => recordEffects('applied', name, events, tx));
    const a = producer.em.fork();
    await a.begin();
    await appendEvents(a, SOURCE, [event('a')]);
    await append(['b']);

    // catchUp waits for A, since B is committed but may not be applied before it.
    const caughtUp = subject.catchUp();
    await eventually(() => logged(name, /held back/).length > 0, 'the consumer to see B held back');
    expect(await appliedKeys(name)).toEqual([]);
    expect(await cursorOf(name)).toEqual({ transaction_id: '0', position: '0' });

    await a.commit();
    expect(await caughtUp).toBe(2);
    expect(await appliedKeys(name)).toEqual(['a', 'b']);
    expect(await cursorOf(name)).toEqual(await eventPosition('b'));
  });

  it('applies every event of concurrent writers exactly once, woken by NOTIFY', async () => {
    const name = 'concurrent';
    // Polling only every ten minutes: progress has to come from notifications.
    const subject = consumer(name, (events, tx) => recordEffects('applied', name, events, tx), {
      batchSize: 25,
      pollIntervalMs: 600_000,
    });
    await subject.start();

    const committed: string[] = [];
    const writer = async (w: number) => {
      for (let t = 0; t < 50; t += 1) {
        const keys = keysOf(1, 1 + Math.floor(Math.random() * 3), `w${w}-t${t}-e`);
        await pause(Math.random() * 5);
        // Every seventh transaction fails after appending: its events must never appear.
        const fails = t % 7 === 3;
        await producer.em
          .fork()
          .transactional(async (tx) => {
            await appendEvents(tx, SOURCE, keys.map(event));
            await pause(Math.random() * 3);
            if (fails) throw new Error('the change fails');
          })
          .then(
            () => committed.push(...keys),
            (error: Error) => {
              if (!fails) throw error;
            },
          );
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));

    await eventually(
      async () => (await appliedKeys(name)).length >= committed.length,
      'every committed event applied',
    );
    const applied = await appliedKeys(name);
    expect(applied).toHaveLength(committed.length);
    expect(new Set(applied)).toEqual(new Set(committed));

    // Applied in log order: the cursor only ever moved forward.
    const rows = await producer.em.fork().execute<{ in_order: boolean }[]>(
      `select bool_and(ordered) as in_order from (
  select (transaction_id, position) > lag((transaction_id, position)) over (order by seq)
    is not false as ordered
  from ${TARGET}.applied where consumer = ?) as steps`,
      [name],
    );
    expect(rows[0]?.in_order).toBe(true);
    expect(await subject.catchUp()).toBe(0);
  });

  it('catches up to the moment it was called while writers keep committing', async () => {
    const name = 'moving-target';
    const subject = consumer(name, (events, tx) => recordEffects('applied', name, events, tx));
    const committed: string[] = [];
    let writing = true;
    const writer = async (w: number) => {
      for (let t = 0; writing; t += 1) {
        await append([`w${w}-t${t}`]);
        committed.push(`w${w}-t${t}`);
      }
    };
    const writers = [writer(0), writer(1)];
    await eventually(() => committed.length >= 20, 'some commits');

    const before = [...committed];
    await subject.catchUp();
    const applied = new Set(await appliedKeys(name));
    writing = false;
    await Promise.all(writers);
    expect(before.filter((key) => !applied.has(key))).toEqual([]);
  });

  it('rolls a failed batch back whole and resumes in a new instance without repeating', async () => {
    const name = 'crashing';
    // One transaction: all twenty become readable together, so batches are 1-5, 6-10, 11-15.
    await append(keysOf(1, 20, 'e'));

    const crashing = consumer(
      name,
      async (events, tx) => {
        await recordEffects('applied', name, events, tx);
        if (events.some((recorded) => recorded.payload.key === 'e12')) {
          throw new Error('the handler crashes');
        }
      },
      { batchSize: 5 },
    );
    await expect(crashing.catchUp()).rejects.toThrow('the handler crashes');
    expect(await appliedKeys(name)).toEqual(keysOf(1, 10, 'e'));
    expect(await cursorOf(name)).toEqual(await eventPosition('e10'));

    const resumed = consumer(name, (events, tx) => recordEffects('applied', name, events, tx), {
      batchSize: 5,
    });
    expect(await resumed.catchUp()).toBe(10);
    expect(await appliedKeys(name)).toEqual(keysOf(1, 20, 'e'));
    expect(await cursorOf(name)).toEqual(await eventPosition('e20'));
  });

  it('keeps running when a batch fails and retries it until it succeeds', async () => {
    const name = 'retrying';
    let failuresLeft = 2;
    const subject = consumer(
      name,
      async (events, tx) => {
        await recordEffects('applied', name, events, tx);
        if (failuresLeft > 0 && events.some((recorded) => recorded.payload.key === 'e3')) {
          failuresLeft -= 1;
          throw new Error('a passing fault');
        }
      },
      { batchSize: 2, pollIntervalMs: 600_000 },
    );
    await subject.start();
    await append(keysOf(1, 6, 'e'));

    await eventually(async () => (await appliedKeys(name)).length === 6, 'all six applied');
    expect(await appliedKeys(name)).toEqual(keysOf(1, 6, 'e'));
    // Logged as errors, each retry waiting twice as long as the one before.
    const failures = logged(name, /batch failed/);
    expect(failures.map((line) => line.level)).toEqual([50, 50]);
    expect(failures.map((line) => line.retryInMs)).toEqual([100, 200]);
  });

  it('lets two instances of one consumer share the work without applying anything twice', async () => {
    const name = 'twins';
    const handle = async (events: readonly RecordedEvent[], tx: EntityManager) => {
      await recordEffects('applied_log', name, events, tx);
      await pause(Math.random() * 5);
    };
    const [first, second] = consumerOrms.map((orm) =>
      consumer(name, handle, { orm, batchSize: 3, pollIntervalMs: 600_000 }),
    );

    const keys = keysOf(1, 60, 'e');
    for (let index = 0; index < 30; index += 3) await append(keys.slice(index, index + 3));
    const handled = await Promise.all([first!.catchUp(), second!.catchUp()]);
    expect(handled[0]! + handled[1]!).toBe(30);

    await Promise.all([first!.start(), second!.start()]);
    await Promise.all(
      Array.from({ length: 10 }, (_, index) => append(keys.slice(30 + index * 3, 33 + index * 3))),
    );
    await eventually(
      async () => new Set(await appliedKeys(name, 'applied_log')).size === 60,
      'all sixty applied',
    );
    await Promise.all([first!.stop(), second!.stop()]);

    const applied = await appliedKeys(name, 'applied_log');
    expect(applied).toHaveLength(60);
    expect(new Set(applied)).toEqual(new Set(keys));
  });

  it('listens again after its connection drops', async () => {
    const name = 'reconnecting';
    const subject = consumer(name, (events, tx) => recordEffects('applied', name, events, tx), {
      pollIntervalMs: 600_000,
    });
    await subject.start();
    const admin = producer.em.fork();
    const listenerPids = async () =>
      (
        await admin.execute<{ pid: number }[]>(
          `select pid from pg_stat_activity
where datname = current_database() and application_name = ?`,
          [`hall-events ${name}`],
        )
      ).map((row) => row.pid);
    const [dropped] = await listenerPids();
    expect(dropped).toBeDefined();

    await admin.execute('select pg_terminate_backend(?)', [dropped]);
    await eventually(async () => {
      const pids = await listenerPids();
      return pids.length === 1 && pids[0] !== dropped;
    }, 'a new listening connection');
    await append(['after-drop']);

    await eventually(async () => (await appliedKeys(name)).length === 1, 'the event applied');
    expect(await appliedKeys(name)).toEqual(['after-drop']);
    expect(logged(name, /dropped/)).toHaveLength(1);
  });
});
