import type { MigrationObject } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { NonEmptyArray } from 'type-graphql';
import type { Caller } from './auth/caller';
import type { HallOrm } from './data/orm';
import type { Logger } from './logger';
import type { Clock } from './time/clock';

/**
 * What one request of a subgraph sees: the only seam between resolvers and the world. Every
 * field is fresh per request: the EntityManager is forked (no identity map shared between
 * callers) and the DataLoaders cache for this request alone.
 */
export interface HallContext<Loaders> {
  em: EntityManager;
  loaders: Loaders;
  caller: Caller;
  clock: Clock;
  log: Logger;
}

/** Resolves an entity the gateway references by key (`_entities`). */
export type ReferenceResolver<Loaders> = (
  reference: { __typename: string; id: string },
  context: HallContext<Loaders>,
) => Promise<unknown> | unknown;

/**
 * What a subgraph process offers the services it creates once at start (clients of other
 * subgraphs, caches, listeners): all of it per process, none of it module-level.
 */
export interface SubgraphEnvironment {
  databaseUrl: string;
  /** The subgraph's own ORM, for services that write (e.g. an event consumer's effects). */
  orm: HallOrm;
  clock: Clock;
  log: Logger;
  /** The secret the gateway signs identities with; internal calls sign with it too. */
  callerSecret: string;
  /** Where the other subgraphs answer, by name (e.g. `catalog`). */
  peerUrls: Readonly<Record<string, string>>;
}

/** A process-wide service the kit stops when the subgraph closes. */
export interface Stoppable {
  stop(): Promise<void>;
}

export interface SeedContext {
  clock: Clock;
  log: Logger;
  /**
   * Whether to seed the years of history too (thousands of cases), or only what the hall
   * needs to run. Tests that do not read history leave it out to start fast.
   */
  history: boolean;
}

/** A decorated class: type-graphql and MikroORM both take classes as plain functions. */
export type DecoratedClass = Function;

/**
 * Everything the kit needs to run a subgraph: its GraphQL resolvers, its entities, committed
 * migrations and seed. Building it has no side effects; `createSubgraph` runs it.
 */
export interface SubgraphDefinition<Loaders, Services = undefined> {
  /** The subgraph's name in the supergraph, e.g. `catalog`. */
  name: string;
  /** The PostgreSQL schema that holds all of the subgraph's tables. */
  dbSchema: string;
  entities: DecoratedClass[];
  migrations: MigrationObject[];
  resolvers: NonEmptyArray<DecoratedClass>;
  orphanedTypes?: DecoratedClass[];
  /** `__resolveReference` per entity type this subgraph can resolve by key. */
  referenceResolvers?: Record<string, ReferenceResolver<Loaders>>;
  /**
   * Creates the process's services once, before the server listens; `stop` (when the result
   * has one) runs when the subgraph closes, after the last request finished.
   */
  createServices?(environment: SubgraphEnvironment): Promise<Services>;
  createLoaders(em: EntityManager, services: Services): Loaders;
  /**
   * Fills an empty schema with the default hall. Runs inside one transaction; it must be
   * deterministic and must not run twice (the kit checks emptiness through `isSeeded`).
   */
  seed?(em: EntityManager, context: SeedContext): Promise<void>;
  isSeeded?(em: EntityManager): Promise<boolean>;
}
