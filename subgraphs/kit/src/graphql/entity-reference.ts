import { Directive, Field, ID, ObjectType, type ClassType } from 'type-graphql';

export interface EntityReference {
  id: string;
}

const referenceTypes = new Map<string, ClassType<EntityReference>>();

/**
 * An entity another subgraph owns, seen here by its key alone (`type X @key(fields: "id")
 * { id: ID! }`). A subgraph declares one to add fields to the owner's type or to point at
 * it; one class per type name, shared by every subgraph in the process.
 */
export function entityReference(typeName: string): ClassType<EntityReference> {
  const known = referenceTypes.get(typeName);
  if (known) return known;

  @ObjectType(typeName)
  @Directive('@key(fields: "id")')
  class Reference implements EntityReference {
    @Field(() => ID)
    id!: string;
  }
  referenceTypes.set(typeName, Reference);
  return Reference;
}

/** Reference resolvers that answer a key with the key itself: nothing to look up here yet. */
export function keyOnlyReferenceResolvers(
  typeNames: readonly string[],
): Record<string, (reference: { id: string }) => EntityReference> {
  return Object.fromEntries(typeNames.map((name) => [name, ({ id }: { id: string }) => ({ id })]));
}
