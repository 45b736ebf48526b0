import { entityReference, keyOnlyReferenceResolvers, type SubgraphDefinition } from '@hall/kit';
import { Resolver } from 'type-graphql';

const EXTENDED_CATALOG_TYPES = ['Department', 'Matter', 'Window', 'Staff'] as const;

@Resolver(() => entityReference('Department', 'evaluation'))
class CatalogReferenceResolver {}

/**
 * The evaluation subgraph: ratings, bad-review rectification, call-backs, staff grades, department reviews. Until they land it carries the catalog entities it extends (satisfaction per department, matter, window and staff member) by key.
 */
export const evaluationSubgraph: SubgraphDefinition<Record<string, never>> = {
  name: 'evaluation',
  dbSchema: 'evaluation',
  entities: [],
  migrations: [],
  resolvers: [CatalogReferenceResolver],
  orphanedTypes: EXTENDED_CATALOG_TYPES.map((name) => entityReference(name, 'evaluation')),
  referenceResolvers: keyOnlyReferenceResolvers(EXTENDED_CATALOG_TYPES),
  createLoaders: () => ({}),
};
