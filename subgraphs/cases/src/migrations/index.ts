import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126010014 } from './Migration20261126010014';

/** Every committed migration of the cases schema, oldest first. */
export const casesMigrations: MigrationObject[] = [
  { name: 'Migration20261126010014', class: Migration20261126010014 },
];
