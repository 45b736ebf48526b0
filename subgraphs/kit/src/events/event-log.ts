import type { EntityManager } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { MAX_IDENTIFIER_LENGTH, quotedEventSchema } from './event-schema';

/**
 * A fact a subgraph records about one of its aggregates, written in the same transaction as
 * the state change it describes (transactional outbox): the event exists exactly when the
 * change committed.
 */
export interface DomainEvent<Payload extends object = Record<string, unknown>> {
  /** What happened, in the past tense, e.g. `CaseAccepted`. */
  type: string;
  /** The kind of aggregate it happened to, e.g. `Case`. */
  aggregateType: string;
  /** The aggregate's uuid. */
  aggregateId: string;
  /**
   * Stored as `jsonb` through `JSON.stringify`: readers get plain JSON back (a `Date` inside
   * comes back as its ISO string, `undefined` fields disappear).
   */
  payload: Payload;
  /** Domain time from the injected clock, so simulated and test time flow into the log. */
  occurredAt: Date;
}

/** An event as the log holds it, with its place in log order. */
export interface RecordedEvent<
  Payload extends object = Record<string, unknown>,
> extends DomainEvent<Payload> {
  /** The `bigserial` position as a decimal string (it may exceed `Number.MAX_SAFE_INTEGER`). */
  position: string;
  /** The `xid8` of the transaction that appended it, as a decimal string. */
  transactionId: string;
}

/**
 * A place in log order, which is `(transactionId, position)`. It is the last event a reader
 * has consumed; reading continues strictly after it.
 */
export interface EventCursor {
  transactionId: string;
  position: string;
}

const CHANNEL_PREFIX = 'hall_events_';

/**
 * Cursor parts are spliced into SQL text through `?` placeholders (MikroORM's `execute`
 * inlines parameters as escaped literals); anything but digits is a bug.
 */
function checkedTransactionId(value: string): string {
  if (!/^\d+$/.test(value)) throw new Error(`invalid transaction id: ${JSON.stringify(value)}`);
  return value;
}

function checkedCursor(cursor: EventCursor): EventCursor {
  if (!/^\d+$/.test(cursor.transactionId) || !/^\d+$/.test(cursor.position)) {
    throw new Error(`invalid event cursor: ${JSON.stringify(cursor)}`);
  }
  return cursor;
}

/**
 * The NOTIFY channel a producer schema's appends wake listeners on, e.g. `hall_events_cases`.
 */
export function eventChannel(schema: string): string {
  quotedEventSchema(schema);
  const channel = `${CHANNEL_PREFIX}${schema}`;
  if (channel.length > MAX_IDENTIFIER_LENGTH) {
    throw new Error(`schema name too long for an event channel: ${schema}`);
  }
  return channel;
}

/**
 * The statements creating `<schema>.event_log`, for the producer's migration (the schema
 * itself must exist). `transaction_id` defaults to the writer's `xid8`, which is what lets a
 * reader tell which rows can no longer be overtaken; the index serves reads in log order.
 */
export function eventLogTableSql(schema: string): string[] {
  const s = quotedEventSchema(schema);
  return [
    `create table ${s}.event_log (
  position bigserial primary key,
  transaction_id xid8 not null default pg_current_xact_id(),
  type text not null,
  aggregate_type text not null,
  aggregate_id uuid not null,
  payload jsonb not null,
  occurred_at timestamptz not null,
  recorded_at timestamptz not null default now()
)`,
    `create index event_log_transaction_id_position_index on ${s}.event_log (transaction_id, position)`,
  ];
}

/**
 * The statements creating `<schema>.event_cursor`, for a consumer's migration: one row per
 * consumer name, holding the last event it applied. It lives in the consumer's schema so the
 * consumer's effects and its cursor commit together.
 */
export function eventCursorTableSql(schema: string): string[] {
  const s = quotedEventSchema(schema);
  return [
    `create table ${s}.event_cursor (
  consumer text primary key,
  transaction_id xid8 not null,
  position bigint not null,
  updated_at timestamptz not null default now()
)`,
  ];
}

/**
 * Appends `events` in the caller's current transaction, so they commit or roll back with the
 * state change they describe. `em` must be the EntityManager `em.transactional` hands its
 * callback; outside a transaction this throws, because an event written on its own could
 * outlive a change that then fails (or the reverse).
 *
 * One statement: a multi-row insert (positions follow the array's order) and one `pg_notify`
 * on {@link eventChannel}, which PostgreSQL delivers only at commit and folds with the same
 * transaction's other notifications. An empty array sends nothing.
 *
 * `events` takes any object payload, so payloads typed by an interface (which has no index
 * signature and so is no `Record<string, unknown>`) need no cast.
 *
 * All event data travels as one JSON document. MikroORM's `execute` splices parameters into
 * the SQL text as escaped literals rather than binding them, so a single literal keeps the
 * statement text independent of the number of events.
 */
export async function appendEvents(
  em: EntityManager,
  schema: string,
  events: readonly DomainEvent<object>[],
): Promise<void> {
  const s = quotedEventSchema(schema);
  if (events.length === 0) return;
  if (!em.isInTransaction()) {
    throw new Error('appendEvents must run inside the transaction that makes the change');
  }
  const document = JSON.stringify(
    events.map((event) => ({
      type: event.type,
      aggregateType: event.aggregateType,
      aggregateId: event.aggregateId,
      payload: event.payload,
      occurredAt: event.occurredAt.toISOString(),
    })),
  );
  await em.execute(
    `with appended as (
  insert into ${s}.event_log (type, aggregate_type, aggregate_id, payload, occurred_at)
  select e.value ->> 'type', e.value ->> 'aggregateType', (e.value ->> 'aggregateId')::uuid,
    e.value -> 'payload', (e.value ->> 'occurredAt')::timestamptz
  from jsonb_array_elements(?::jsonb) with ordinality as e(value, ordinal)
  order by e.ordinal
  returning position
)
select pg_notify(?, '') from (select count(*) from appended) as appended_count`,
    [document, eventChannel(schema)],
  );
}

/**
 * What reads a log: a subgraph's EntityManager (inside its transactions), or a plain pool for
 * a reader that has no ORM of its own (the gateway follows the logs for its subscriptions).
 */
export type EventLogReader = EntityManager | pg.Pool;

/**
 * Runs one statement written with `?` placeholders. The statements here have no `?` of their
 * own, so numbering them for `pg` is a plain replacement.
 */
async function run<Row extends object>(
  db: EventLogReader,
  sql: string,
  params: readonly unknown[],
): Promise<Row[]> {
  if ('execute' in db) return db.execute<Row[]>(sql, [...params]);
  let index = 0;
  const result = await db.query<Row>(
    sql.replace(/\?/g, () => `$${(index += 1)}`),
    [...params],
  );
  return result.rows;
}

interface EventRow {
  position: string;
  transaction_id: string;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: Record<string, unknown>;
  occurred_at: string;
}

function afterCursor(after: EventCursor | null): { sql: string; params: string[] } {
  if (!after) return { sql: '', params: [] };
  const cursor = checkedCursor(after);
  return {
    sql: 'and (transaction_id, position) > (?::xid8, ?::bigint)',
    params: [cursor.transactionId, cursor.position],
  };
}

/**
 * Reads up to `limit` events strictly after `after` (`null`: from the start), in log order
 * `(transactionId, position)`, returning only rows that no later commit can precede: those of
 * transactions below the xmin of the statement's snapshot. Every transaction below xmin has
 * finished, so nothing can still appear before such a row; a committed row at or above xmin
 * waits, because an older transaction still running could yet commit a row that sorts before
 * it. A reader that advances its cursor to the last event returned therefore never skips one,
 * however transactions interleave their commits. Visibility and xmin come from one snapshot
 * because it is one statement.
 *
 * The horizon is cluster-wide: any transaction that holds an xid, in any database of the
 * server, holds back events committed after it started until it ends.
 */
export async function readEvents(
  db: EventLogReader,
  schema: string,
  after: EventCursor | null,
  limit: number,
): Promise<RecordedEvent[]> {
  const s = quotedEventSchema(schema);
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new RangeError(`limit must be a positive integer, got ${limit}`);
  }
  const cursor = afterCursor(after);
  const rows = await run<EventRow>(
    db,
    // ORDER BY names the table's columns: bare names would mean the text aliases, sorting
    // '10' before '9'.
    `select e.position::text as position, e.transaction_id::text as transaction_id, e.type,
  e.aggregate_type, e.aggregate_id::text as aggregate_id, e.payload,
  to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at
from ${s}.event_log as e
where e.transaction_id < pg_snapshot_xmin(pg_current_snapshot()) ${cursor.sql}
order by e.transaction_id, e.position
limit ?`,
    [...cursor.params, limit],
  );
  return rows.map((row) => ({
    type: row.type,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    payload: row.payload,
    occurredAt: new Date(row.occurred_at),
    position: row.position,
    transactionId: row.transaction_id,
  }));
}

/**
 * The last event {@link readEvents} can return now: where a reader that wants only what
 * happens from now on starts. `null` for an empty log.
 */
export async function lastReadableEvent(
  db: EventLogReader,
  schema: string,
): Promise<EventCursor | null> {
  const s = quotedEventSchema(schema);
  const rows = await run<{ transaction_id: string; position: string }>(
    db,
    `select transaction_id::text as transaction_id, position::text as position
from ${s}.event_log
where transaction_id < pg_snapshot_xmin(pg_current_snapshot())
order by transaction_id desc, position desc
limit 1`,
    [],
  );
  const row = rows[0];
  return row ? { transactionId: row.transaction_id, position: row.position } : null;
}

/**
 * Whether committed events exist after `after`. A reader that got fewer events than it asked
 * for asks this with its new cursor: `true` means some are held back by an older running
 * transaction (or committed since the read), so it should read again shortly rather than
 * wait for a notification. The question ignores the horizon on purpose: the horizon may have
 * moved since the read, and asking "still held back?" would then wrongly answer no.
 *
 * @param belowTransactionId when given, only events of transactions with a lower xid count;
 *   a reader catching up to a moment passes the first xid unassigned then, so a steady stream
 *   of new commits cannot keep it from finishing.
 */
export async function hasPendingEvents(
  db: EventLogReader,
  schema: string,
  after: EventCursor | null,
  belowTransactionId?: string,
): Promise<boolean> {
  const s = quotedEventSchema(schema);
  const cursor = afterCursor(after);
  const bound =
    belowTransactionId === undefined
      ? { sql: '', params: [] }
      : { sql: 'and transaction_id < ?::xid8', params: [checkedTransactionId(belowTransactionId)] };
  const rows = await run<{ pending: boolean }>(
    db,
    `select exists (select 1 from ${s}.event_log where true ${cursor.sql} ${bound.sql}) as pending`,
    [...cursor.params, ...bound.params],
  );
  return rows[0]?.pending === true;
}

/**
 * The first transaction id not yet assigned: every transaction that has committed so far has
 * a lower one, so it marks "now" in terms {@link hasPendingEvents} understands.
 */
export async function nextTransactionId(em: EntityManager): Promise<string> {
  const rows = await em.execute<{ xid: string }[]>(
    'select pg_snapshot_xmax(pg_current_snapshot())::text as xid',
  );
  const xid = rows[0]?.xid;
  if (xid === undefined) throw new Error('PostgreSQL returned no snapshot');
  return xid;
}
