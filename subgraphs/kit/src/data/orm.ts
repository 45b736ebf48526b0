import { DefaultLogger, type LoggerOptions, type LogContext } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, PostgreSqlDriver, type Options } from '@mikro-orm/postgresql';
import type { Logger } from '../logger';
import type { SubgraphDefinition } from '../subgraph-definition';

export type HallOrm = MikroORM;

/**
 * Counts the SQL statements a subgraph sends. Tests read it to prove that a query costs a
 * bounded number of statements whatever the size of its lists.
 */
export class SqlStatementCounter {
  private statements: string[] = [];

  record(sql: string): void {
    this.statements.push(sql);
  }

  get count(): number {
    return this.statements.length;
  }

  /** The statements recorded since the last reset, oldest first. */
  get recorded(): readonly string[] {
    return this.statements;
  }

  reset(): void {
    this.statements = [];
  }
}

class CountingLogger extends DefaultLogger {
  constructor(
    options: LoggerOptions,
    private readonly counter: SqlStatementCounter,
  ) {
    super(options);
  }

  override logQuery(context: { query: string } & LogContext): void {
    if (context.level !== 'error') this.counter.record(context.query);
    super.logQuery(context);
  }
}

export interface OpenDatabaseOptions {
  databaseUrl: string;
  /** Connections this process may hold; each subgraph process has its own pool. */
  poolSize?: number;
  logger?: Logger;
  counter?: SqlStatementCounter;
  /** Only for generating migrations: the source folder new migration files go to. */
  migrationsPath?: string;
}

/**
 * Opens the subgraph's own PostgreSQL schema. The ORM sees only the subgraph's entities and
 * its schema, so no subgraph can reach another's tables.
 */
export async function openDatabase<L, S>(
  definition: SubgraphDefinition<L, S>,
  options: OpenDatabaseOptions,
): Promise<{ orm: HallOrm; counter: SqlStatementCounter }> {
  const counter = options.counter ?? new SqlStatementCounter();
  const log = options.logger;
  const config: Options = {
    driver: PostgreSqlDriver,
    clientUrl: options.databaseUrl,
    schema: definition.dbSchema,
    entities: definition.entities,
    extensions: [Migrator],
    migrations: {
      tableName: 'mikro_orm_migrations',
      migrationsList: definition.migrations,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      ...(options.migrationsPath && {
        path: options.migrationsPath,
        pathTs: options.migrationsPath,
        emit: 'ts' as const,
      }),
    },
    pool: { min: 0, max: options.poolSize ?? 10 },
    debug: false,
    loggerFactory: (loggerOptions) => new CountingLogger(loggerOptions, counter),
    logger: (message) => log?.debug({ orm: true }, message),
    allowGlobalContext: false,
    forceUtcTimezone: true,
    discovery: { warnWhenNoEntities: false },
  };
  const orm = await MikroORM.init(config);
  return { orm, counter };
}

/** Applies the subgraph's committed migrations that have not run yet; returns their names. */
export async function migrate(orm: HallOrm): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((migration) => migration.name);
}
