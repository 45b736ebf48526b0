import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap } from 'type-graphql';
import { hallAuthChecker } from '../auth/caller';
import type { SubgraphDefinition } from '../subgraph-definition';

/**
 * The Federation 2 directives subgraphs may use, imported once for all of them.
 * type-graphql cannot put `@link` on the schema, so it is added to the printed SDL.
 */
const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@tag", "@inaccessible", "@external", "@requires", "@provides", "@override"])`;

export interface FederatedSchema {
  schema: GraphQLSchema;
  /** The subgraph's SDL as the gateway composes it (the `_service { sdl }` answer). */
  sdl: string;
}

/**
 * Builds the subgraph schema of `definition`: type-graphql resolvers, printed with their
 * federation directives, re-read by `buildSubgraphSchema` with the entity reference
 * resolvers attached. Pure: touches no database.
 */
export async function buildFederatedSchema<Loaders, Services>(
  definition: SubgraphDefinition<Loaders, Services>,
): Promise<FederatedSchema> {
  const typeGraphqlSchema = await buildSchema({
    resolvers: definition.resolvers,
    orphanedTypes: definition.orphanedTypes,
    authChecker: hallAuthChecker,
    validate: false,
    emitSchemaFile: false,
    // A subgraph may only extend entities and own no root field yet; buildSubgraphSchema
    // validates the final schema, which always has Query._entities.
    skipCheck: true,
  });
  const typeDefs = gql`
    ${FEDERATION_LINK}
    ${printSchemaWithDirectives(typeGraphqlSchema)}
  `;
  // The resolver map is untyped at this seam: type-graphql already typed each resolver.
  const resolvers = createResolversMap(typeGraphqlSchema) as GraphQLResolverMap<unknown>;
  for (const [typeName, resolveReference] of Object.entries(definition.referenceResolvers ?? {})) {
    const existing = resolvers[typeName];
    resolvers[typeName] = {
      ...(typeof existing === 'object' ? existing : {}),
      __resolveReference: resolveReference,
    } as GraphQLResolverMap<unknown>[string];
  }
  const schema = buildSubgraphSchema({ typeDefs, resolvers });
  return { schema, sdl: printSubgraphSchema(schema) };
}
