import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126021935 } from './Migration20261126021935';

/** Every committed migration of the evaluation schema, oldest first. */
export const evaluationMigrations: MigrationObject[] = [
  { name: 'Migration20261126021935', class: Migration20261126021935 },
];
