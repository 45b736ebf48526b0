import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { notFound } from '../graphql/errors';
import { parseId } from '../graphql/ids';

/**
 * One SELECT for every id asked for in the same tick; answers in the order asked, with null
 * for ids that match no row. Per request only: it caches what it loaded.
 */
export function byIdLoader<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const rows = await em.find(entity, { id: { $in: [...ids] } } as unknown as FilterQuery<T>);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/**
 * One SELECT for the rows of every parent asked for in the same tick, grouped by the
 * parent's id in `key`; parents with no rows get an empty list. `orderBy` orders each group.
 */
export function groupLoader<T extends object, K extends keyof T & string>(
  em: EntityManager,
  entity: EntityName<T>,
  key: K,
  options: {
    where?: FilterQuery<T>;
    orderBy?: Partial<Record<keyof T & string, 'asc' | 'desc'>>;
  } = {},
): DataLoader<string, T[]> {
  return new DataLoader(async (parentIds) => {
    const where = {
      ...(options.where as object),
      [key]: { $in: [...parentIds] },
    } as FilterQuery<T>;
    const rows = await em.find(entity, where, {
      orderBy: options.orderBy as never,
    });
    const groups = new Map<string, T[]>(parentIds.map((id) => [id, []]));
    for (const row of rows) groups.get(String(row[key]))?.push(row);
    return parentIds.map((id) => groups.get(id) ?? []);
  });
}

/**
 * The row behind a client-given id: BAD_USER_INPUT when the id is malformed, NOT_FOUND when
 * no row has it. `field` names the argument in the error.
 */
export async function loadOrFail<T>(
  loader: DataLoader<string, T | null>,
  typeName: string,
  rawId: string,
  field = 'id',
): Promise<T> {
  const id = parseId(rawId, field);
  const row = await loader.load(id);
  if (!row) throw notFound(typeName, id);
  return row;
}
