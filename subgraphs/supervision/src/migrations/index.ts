import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126015811 } from './Migration20261126015811';
import { Migration20261126015814 } from './Migration20261126015814';

/** Every committed migration of the supervision schema, oldest first. */
export const supervisionMigrations: MigrationObject[] = [
  { name: 'Migration20261126015811', class: Migration20261126015811 },
  { name: 'Migration20261126015814', class: Migration20261126015814 },
];
