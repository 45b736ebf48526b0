import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124225259 } from './Migration20261124225259';

/** Every committed migration of the catalog schema, oldest first. */
export const catalogMigrations: MigrationObject[] = [
  { name: 'Migration20261124225259', class: Migration20261124225259 },
];
