import { Directive, Field, ID, ObjectType, type ClassType } from 'type-graphql';

export interface EntityReference {
  id: string;
}

const referenceTypes = new Map<string, ClassType<EntityReference>>();

/**
 * An entity another subgraph owns, seen by `subgraph` by its key alone (`type X @key(fields:
 * "id") { id: ID! }`). A subgraph declares one to add fields to the owner's type or to point
 * at it. One class per subgraph and type name: type-graphql attaches field resolvers to the
 * class, so a class shared by two subgraphs would carry one's fields into the other.
 */
export function entityReference(typeName: string, subgraph: string): ClassType<EntityReference> {
  const key = `${subgraph}:${typeName}`;
  const known = referenceTypes.get(key);
  if (known) return known;

  @ObjectType(typeName)
  @Directive('@key(fields: "id")')
  class Reference implements EntityReference {
    @Field(() => ID)
    id!: string;
  }
  referenceTypes.set(key, Reference);
  return Reference;
}

/** Reference resolvers that answer a key with the key itself: nothing to look up here yet. */
export function keyOnlyReferenceResolvers(
  typeNames: readonly string[],
): Record<string, (reference: { id: string }) => EntityReference> {
  return Object.fromEntries(typeNames.map((name) => [name, ({ id }: { id: string }) => ({ id })]));
}
