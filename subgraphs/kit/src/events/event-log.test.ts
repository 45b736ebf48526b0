import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import { openDatabase, SqlStatementCounter, type HallOrm } from '../data/orm';
import { dropDatabase, ensureDatabase } from '../data/prepare';
import {
  appendEvents,
  eventChannel,
  eventCursorTableSql,
  eventLogTableSql,
  hasPendingEvents,
  readEvents,
  type DomainEvent,
  type EventCursor,
  type RecordedEvent,
} from './event-log';

const SCHEMA = 'producer';
const OCCURRED_AT = new Date('2026-03-02T01:30:00.123Z');

let databaseUrl: string;
let orm: HallOrm;
const counter = new SqlStatementCounter();

function event(type: string, payload: Record<string, unknown> = {}): DomainEvent {
  return {
    type,
    aggregateType: 'Case',
    aggregateId: randomUUID(),
    payload,
    occurredAt: OCCURRED_AT,
  };
}

function append(events: readonly DomainEvent[]): Promise<void> {
  return orm.em.fork().transactional((tx) => appendEvents(tx, SCHEMA, events));
}

/** Everything readable after `after`; other test files' transactions may hold some back. */
function readAll(after: EventCursor | null): Promise<RecordedEvent[]> {
  return readEvents(orm.em.fork(), SCHEMA, after, 1000);
}

/** Waits for a condition that other transactions on the server may delay, never forever. */
async function eventually<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Reads after `after` until exactly `count` events are readable. */
function readWhenReadable(after: EventCursor | null, count: number): Promise<RecordedEvent[]> {
  return eventually(async () => {
    const events = await readAll(after);
    expect(events.length).toBeLessThanOrEqual(count);
    return events.length === count ? events : undefined;
  }, `${count} readable events`);
}

function cursorOf(recorded: RecordedEvent): EventCursor {
  return { transactionId: recorded.transactionId, position: recorded.position };
}

/** A transaction held open across awaits, as a second writer connection would. */
async function openTransaction(): Promise<EntityManager> {
  const em = orm.em.fork();
  await em.begin();
  return em;
}

beforeAll(async () => {
  const url = new URL(process.env.DATABASE_URL ?? '');
  url.pathname = `/hall_test_events_${randomBytes(6).toString('hex')}`;
  databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  ({ orm } = await openDatabase(
    {
      name: 'events-test',
      dbSchema: SCHEMA,
      entities: [],
      migrations: [],
      resolvers: [class EventLogTestResolver {}],
      createLoaders: () => undefined,
    },
    { databaseUrl, counter },
  ));
  const em = orm.em.fork();
  await em.execute(`create schema ${SCHEMA}`);
  for (const sql of [...eventLogTableSql(SCHEMA), ...eventCursorTableSql(SCHEMA)]) {
    await em.execute(sql);
  }
});

afterAll(async () => {
  await orm?.close();
  await dropDatabase(databaseUrl);
});

beforeEach(async () => {
  // Each scenario reads the log from its start.
  await orm.em.fork().execute(`truncate ${SCHEMA}.event_log restart identity`);
});

describe('the event log', () => {
  it('reads appended events back in order, with their data intact', async () => {
    const payload = {
      note: `Why? It's a "quote", a back\\slash, $1 and 中文`,
      nested: { list: [1, 2.5, null, true], empty: {} },
    };
    const first = event('CaseSubmitted', payload);
    await append([first, event('CaseAccepted'), event('CaseAssigned')]);
    await append([event('CaseCompleted')]);

    const read = await readWhenReadable(null, 4);
    expect(read.map((e) => e.type)).toEqual([
      'CaseSubmitted',
      'CaseAccepted',
      'CaseAssigned',
      'CaseCompleted',
    ]);
    expect(read[0]).toMatchObject({
      aggregateType: 'Case',
      aggregateId: first.aggregateId,
      payload,
      occurredAt: OCCURRED_AT,
    });
    for (const recorded of read) {
      expect(recorded.position).toMatch(/^\d+$/);
      expect(recorded.transactionId).toMatch(/^\d+$/);
    }
    // One call is one transaction, and positions follow the array's order.
    expect(new Set(read.slice(0, 3).map((e) => e.transactionId)).size).toBe(1);
    const positions = read.map((e) => BigInt(e.position));
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);

    const afterSecond = await readAll(cursorOf(read[1]!));
    expect(afterSecond.map((e) => e.type)).toEqual(['CaseAssigned', 'CaseCompleted']);
    expect(await readEvents(orm.em.fork(), SCHEMA, null, 2)).toHaveLength(2);
    expect(await readAll(cursorOf(read[3]!))).toEqual([]);
  });

  it('orders by number, not by text', async () => {
    // Positions restart at 1 for each scenario, so these cross from 9 to 10.
    const types = Array.from({ length: 12 }, (_, index) => `Event${index + 1}`);
    await append(types.map((type) => event(type)));
    const read = await readWhenReadable(null, 12);
    expect(read.map((e) => e.type)).toEqual(types);
    expect(read.map((e) => e.position)).toEqual(types.map((_, index) => String(index + 1)));
    const afterNinth = await readAll(cursorOf(read[8]!));
    expect(afterNinth.map((e) => e.position)).toEqual(['10', '11', '12']);
  });

  it('sends nothing for an empty append', async () => {
    await orm.em.fork().transactional(async (tx) => {
      counter.reset();
      await appendEvents(tx, SCHEMA, []);
      expect(counter.count).toBe(0);
    });
    expect(await readAll(null)).toEqual([]);
  });

  it('refuses to append outside a transaction', async () => {
    await expect(appendEvents(orm.em.fork(), SCHEMA, [event('CaseAccepted')])).rejects.toThrow(
      /inside the transaction/,
    );
  });

  it('notifies listeners on commit only', async () => {
    const listener = new pg.Client({ connectionString: databaseUrl });
    await listener.connect();
    try {
      const notified: string[] = [];
      listener.on('notification', (message) => notified.push(message.channel));
      await listener.query(`listen ${eventChannel(SCHEMA)}`);
      await orm.em
        .fork()
        .transactional(async (tx) => {
          await appendEvents(tx, SCHEMA, [event('CaseAccepted')]);
          throw new Error('the change fails');
        })
        .catch(() => undefined);
      await append([event('CaseAccepted')]);
      // A round trip on the listening connection delivers any notification queued before it.
      await eventually(async () => {
        await listener.query('select 1');
        return notified.length > 0 ? true : undefined;
      }, 'the notification');
      expect(notified).toEqual(['hall_events_producer']);
      expect(await readWhenReadable(null, 1)).toHaveLength(1);
    } finally {
      await listener.end();
    }
  });

  it('holds back a later commit until an earlier transaction ends, skipping nothing', async () => {
    // A takes the lower position and stays open; B appends after it and commits first.
    const a = await openTransaction();
    await appendEvents(a, SCHEMA, [event('FromA')]);
    await append([event('FromB')]);

    expect(await readAll(null)).toEqual([]);
    expect(await hasPendingEvents(orm.em.fork(), SCHEMA, null)).toBe(true);

    await a.commit();
    const read = await readWhenReadable(null, 2);
    expect(read.map((e) => e.type)).toEqual(['FromA', 'FromB']);
    expect(await hasPendingEvents(orm.em.fork(), SCHEMA, cursorOf(read[1]!))).toBe(false);
  });

  it('orders by transaction, so an event with a lower position is not skipped', async () => {
    // B takes its transaction id first; A then appends at a lower position but a higher id.
    const b = await openTransaction();
    await b.execute('select pg_current_xact_id()');
    const a = await openTransaction();
    await appendEvents(a, SCHEMA, [event('FromA')]);
    await appendEvents(b, SCHEMA, [event('FromB')]);
    await b.commit();

    const [fromB] = await readWhenReadable(null, 1);
    expect(fromB?.type).toBe('FromB');

    await a.commit();
    const [fromA] = await readWhenReadable(cursorOf(fromB!), 1);
    expect(fromA?.type).toBe('FromA');
    // A reader ordered by position alone would have passed A's event already.
    expect(BigInt(fromA!.position)).toBeLessThan(BigInt(fromB!.position));
  });

  it('accepts only plain lowercase schema names', async () => {
    expect(eventChannel('cases')).toBe('hall_events_cases');
    for (const bad of ['Cases', 'cases; drop table x', '"cases"', '1cases', '', 'a'.repeat(64)]) {
      expect(() => eventLogTableSql(bad)).toThrow(/invalid schema name/);
      expect(() => eventCursorTableSql(bad)).toThrow(/invalid schema name/);
      expect(() => eventChannel(bad)).toThrow();
      await expect(readEvents(orm.em.fork(), bad, null, 10)).rejects.toThrow(/invalid schema/);
      await expect(
        orm.em.fork().transactional((tx) => appendEvents(tx, bad, [event('CaseAccepted')])),
      ).rejects.toThrow(/invalid schema name/);
    }
  });
});
