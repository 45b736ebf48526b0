import { entityReference, keyOnlyReferenceResolvers, type SubgraphDefinition } from '@hall/kit';
import { Resolver } from 'type-graphql';

const EXTENDED_CATALOG_TYPES = ['Department'] as const;

@Resolver(() => entityReference('Department', 'supervision'))
class CatalogReferenceResolver {}

/**
 * The supervision subgraph: alert lights and their rules, appeals, complaints, inspection and fee pre-approvals, social supervisors. Until they land it carries the catalog entities it extends (lights and complaints per department) by key.
 */
export const supervisionSubgraph: SubgraphDefinition<Record<string, never>> = {
  name: 'supervision',
  dbSchema: 'supervision',
  entities: [],
  migrations: [],
  resolvers: [CatalogReferenceResolver],
  orphanedTypes: EXTENDED_CATALOG_TYPES.map((name) => entityReference(name, 'supervision')),
  referenceResolvers: keyOnlyReferenceResolvers(EXTENDED_CATALOG_TYPES),
  createLoaders: () => ({}),
};
