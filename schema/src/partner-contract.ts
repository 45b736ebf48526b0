import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  Kind,
  parse,
  printSchema,
  type ConstDirectiveNode,
  type GraphQLArgumentConfig,
  type GraphQLFieldConfig,
  type GraphQLInputFieldConfig,
  type GraphQLNamedType,
  type GraphQLType,
} from 'graphql';

/** The tag that puts a type or field into the partner contract. */
export const PARTNER_TAG_NAME = 'partner';

/**
 * The type and field coordinates (`Case`, `Case.serialNo`) that carry `@tag(name: "partner")`
 * in the supergraph. Composition keeps the tags subgraphs applied (the union of them), under
 * the name the supergraph links the tag spec as, which is `tag` here.
 */
export function partnerTaggedCoordinates(supergraphSdl: string): Set<string> {
  const tagged = new Set<string>();
  const hasPartnerTag = (directives: readonly ConstDirectiveNode[] | undefined) =>
    (directives ?? []).some(
      (directive) =>
        directive.name.value === 'tag' &&
        (directive.arguments ?? []).some(
          (argument) =>
            argument.name.value === 'name' &&
            argument.value.kind === Kind.STRING &&
            argument.value.value === PARTNER_TAG_NAME,
        ),
    );
  for (const definition of parse(supergraphSdl).definitions) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION &&
      definition.kind !== Kind.INTERFACE_TYPE_DEFINITION
    ) {
      continue;
    }
    const typeName = definition.name.value;
    if (hasPartnerTag(definition.directives)) tagged.add(typeName);
    for (const field of definition.fields ?? []) {
      if (hasPartnerTag(field.directives)) tagged.add(`${typeName}.${field.name.value}`);
    }
  }
  return tagged;
}

/**
 * The partner contract: the part of `apiSchema` (the supergraph's API schema) that partners
 * may query. Its roots are the tagged fields of Query (and Mutation, if any are tagged);
 * from there it follows field types: a tagged object type brings all its fields, an untagged
 * one only its tagged fields; enums, scalars and the input types of kept fields' arguments
 * come whole. Throws when an object type is reached with no tagged field (a contract that
 * would not be a valid schema) or when an interface or union is reached (not supported: the
 * contract stays concrete). Pure: the same inputs always print the same schema.
 */
export function partnerContract(apiSchema: GraphQLSchema, supergraphSdl: string): GraphQLSchema {
  const tagged = partnerTaggedCoordinates(supergraphSdl);
  const built = new Map<string, GraphQLNamedType>();

  const named = (type: GraphQLNamedType): GraphQLNamedType => {
    if (isSpecifiedScalarType(type)) return type;
    const existing = built.get(type.name);
    if (existing) return existing;
    let copy: GraphQLNamedType;
    if (isScalarType(type)) copy = new GraphQLScalarType(type.toConfig());
    else if (isEnumType(type)) copy = new GraphQLEnumType(type.toConfig());
    else if (isInputObjectType(type)) {
      const config = type.toConfig();
      copy = new GraphQLInputObjectType({
        ...config,
        fields: () =>
          Object.fromEntries(
            Object.entries(config.fields).map(
              ([name, field]): [string, GraphQLInputFieldConfig] => [
                name,
                { ...field, type: wrap(field.type) as GraphQLInputFieldConfig['type'] },
              ],
            ),
          ),
      });
    } else if (isObjectType(type)) {
      copy = objectType(type);
    } else {
      throw new Error(
        `the partner contract reaches ${type.name}, an interface or union: keep the contract to concrete types`,
      );
    }
    built.set(type.name, copy);
    return copy;
  };

  const wrap = (type: GraphQLType): GraphQLType => {
    if (isNonNullType(type)) return new GraphQLNonNull(wrap(type.ofType) as never);
    if (isListType(type)) return new GraphQLList(wrap(type.ofType));
    return named(type);
  };

  const keptFields = (type: GraphQLObjectType): string[] => {
    const wholeType = tagged.has(type.name);
    return Object.keys(type.getFields()).filter(
      (name) => wholeType || tagged.has(`${type.name}.${name}`),
    );
  };

  function objectType(type: GraphQLObjectType): GraphQLObjectType {
    const config = type.toConfig();
    const names = keptFields(type);
    if (names.length === 0) {
      throw new Error(`the partner contract reaches ${type.name} but none of its fields is tagged`);
    }
    return new GraphQLObjectType({
      ...config,
      interfaces: [],
      fields: () =>
        Object.fromEntries(
          names.map((name): [string, GraphQLFieldConfig<unknown, unknown>] => {
            const field = config.fields[name]!;
            return [
              name,
              {
                ...field,
                type: wrap(field.type) as GraphQLFieldConfig<unknown, unknown>['type'],
                args: Object.fromEntries(
                  Object.entries(field.args ?? {}).map(
                    ([argName, arg]): [string, GraphQLArgumentConfig] => [
                      argName,
                      { ...arg, type: wrap(arg.type) as GraphQLArgumentConfig['type'] },
                    ],
                  ),
                ),
              },
            ];
          }),
        ),
    });
  }

  const root = (type: GraphQLObjectType | null | undefined): GraphQLObjectType | undefined =>
    type && keptFields(type).length > 0 ? (named(type) as GraphQLObjectType) : undefined;

  const query = root(apiSchema.getQueryType());
  if (!query) throw new Error('no Query field is tagged partner: the partner contract is empty');
  return new GraphQLSchema({
    query,
    mutation: root(apiSchema.getMutationType()),
    description: 'The partner contract of the service-center graph (partner banks).',
  });
}

/** The contract printed: what `schema/partner.graphql` holds. */
export function printPartnerContract(apiSchema: GraphQLSchema, supergraphSdl: string): string {
  return printSchema(partnerContract(apiSchema, supergraphSdl));
}
