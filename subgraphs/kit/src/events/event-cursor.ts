import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventCursor } from './event-log';
import { quotedEventSchema } from './event-schema';

/** Before any event: real xids start at 3 and positions at 1, so every event sorts after it. */
const LOG_START: EventCursor = { transactionId: '0', position: '0' };

/**
 * Locks consumer `name`'s cursor row for the rest of `tx` and returns where it stands.
 * Inserting first gives `for update` a row to lock even on a consumer's very first batch.
 * Instances that share the name take turns on the lock, and each reads the cursor only once
 * it holds it (READ COMMITTED re-reads the row a waiter was blocked on), so no two apply the
 * same batch.
 */
export async function lockEventCursor(
  tx: EntityManager,
  cursorSchema: string,
  name: string,
): Promise<EventCursor> {
  const s = quotedEventSchema(cursorSchema);
  await tx.execute(
    `insert into ${s}.event_cursor (consumer, transaction_id, position)
values (?, ?::xid8, ?::bigint) on conflict (consumer) do nothing`,
    [name, LOG_START.transactionId, LOG_START.position],
  );
  const rows = await tx.execute<{ transaction_id: string; position: string }[]>(
    `select transaction_id::text as transaction_id, position::text as position
from ${s}.event_cursor where consumer = ? for update`,
    [name],
  );
  const row = rows[0];
  if (!row) throw new Error(`event cursor ${name} vanished while locking it`);
  return { transactionId: row.transaction_id, position: row.position };
}

/** Moves the locked cursor to `cursor`, the last event the transaction applied. */
export async function advanceEventCursor(
  tx: EntityManager,
  cursorSchema: string,
  name: string,
  cursor: EventCursor,
): Promise<void> {
  const s = quotedEventSchema(cursorSchema);
  await tx.execute(
    `update ${s}.event_cursor set transaction_id = ?::xid8, position = ?::bigint, updated_at = now()
where consumer = ?`,
    [cursor.transactionId, cursor.position, name],
  );
}
