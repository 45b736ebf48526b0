import { entityReference, keyOnlyReferenceResolvers, type SubgraphDefinition } from '@hall/kit';
import { Resolver } from 'type-graphql';

const EXTENDED_CATALOG_TYPES = ['Department', 'Matter', 'Window', 'Staff'] as const;

@Resolver(() => entityReference('Department'))
class CatalogReferenceResolver {}

/**
 * The cases subgraph: applicants, cases and their clock, joint projects, appointments and the queue. Until they land it carries the catalog entities it extends (case figures per department and matter, the queue at each window) by key.
 */
export const casesSubgraph: SubgraphDefinition<Record<string, never>> = {
  name: 'cases',
  dbSchema: 'cases',
  entities: [],
  migrations: [],
  resolvers: [CatalogReferenceResolver],
  orphanedTypes: EXTENDED_CATALOG_TYPES.map((name) => entityReference(name)),
  referenceResolvers: keyOnlyReferenceResolvers(EXTENDED_CATALOG_TYPES),
  createLoaders: () => ({}),
};
