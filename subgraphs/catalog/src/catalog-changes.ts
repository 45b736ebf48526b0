import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The channel other subgraphs listen on to drop what they copied of the catalog (the cases
 * subgraph keeps the calendar and matters' terms). Only a wake-up: listeners read the
 * catalog again through its API, never its tables.
 */
export const CATALOG_CHANGED_CHANNEL = 'hall_catalog_changed';

export type CatalogChange = 'calendar' | 'matter' | 'window';

/** Announces a change after it was written (PostgreSQL delivers it when the statement commits). */
export async function announceCatalogChange(
  em: EntityManager,
  change: CatalogChange,
): Promise<void> {
  await em.execute('select pg_notify(?, ?)', [CATALOG_CHANGED_CHANNEL, change]);
}
