import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126010014 } from './Migration20261126010014';
import { Migration20261203102601 } from './Migration20261203102601';
import { Migration20261211090000 } from './Migration20261211090000';
import { Migration20261212090000 } from './Migration20261212090000';

/** Every committed migration of the cases schema, oldest first. */
export const casesMigrations: MigrationObject[] = [
  { name: 'Migration20261126010014', class: Migration20261126010014 },
  { name: 'Migration20261203102601', class: Migration20261203102601 },
  { name: 'Migration20261211090000', class: Migration20261211090000 },
  { name: 'Migration20261212090000', class: Migration20261212090000 },
];
