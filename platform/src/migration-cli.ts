import { join } from 'node:path';
import { casesSubgraph } from '@hall/cases';
import { catalogSubgraph } from '@hall/catalog';
import { evaluationSubgraph } from '@hall/evaluation';
import {
  ensureDatabase,
  migrate,
  openDatabase,
  requiredEnv,
  type SubgraphDefinition,
} from '@hall/kit';
import { supervisionSubgraph } from '@hall/supervision';
import pg from 'pg';

/**
 * `node platform/dist/migration-cli.js <subgraph>`: writes the migration that takes the
 * subgraph's schema from its committed migrations to its current entities, into
 * `subgraphs/<subgraph>/src/migrations`. Works on a scratch database of DATABASE_URL's server,
 * dropped and made anew each time. Register the new class in that folder's index.ts.
 */
async function createMigration<Loaders, Services>(
  definition: SubgraphDefinition<Loaders, Services>,
): Promise<void> {
  const server = new URL(requiredEnv('DATABASE_URL'));
  server.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query('drop database if exists hall_migration_scratch');
  await admin.end();
  const scratch = new URL(server);
  scratch.pathname = '/hall_migration_scratch';
  await ensureDatabase(scratch.toString());
  const { orm } = await openDatabase(definition, {
    databaseUrl: scratch.toString(),
    migrationsPath: join(__dirname, '..', '..', 'subgraphs', definition.name, 'src', 'migrations'),
  });
  try {
    await migrate(orm);
    const result = await orm.getMigrator().createMigration();
    console.log(result.fileName ? `wrote ${result.fileName}` : 'no changes: no migration written');
  } finally {
    await orm.close();
  }
}

const DEFINITIONS: Record<string, () => Promise<void>> = {
  catalog: () => createMigration(catalogSubgraph),
  cases: () => createMigration(casesSubgraph),
  supervision: () => createMigration(supervisionSubgraph),
  evaluation: () => createMigration(evaluationSubgraph),
};

const run = DEFINITIONS[process.argv[2] ?? ''];
if (!run) {
  console.error(`usage: migration-cli <${Object.keys(DEFINITIONS).join('|')}>`);
  process.exit(2);
}
run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
