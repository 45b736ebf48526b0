import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isListType,
  Kind,
  isInterfaceType,
  isObjectType,
  type GraphQLNamedType,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** How deep and how costly one operation may be; see gateway/README.md, "Limits". */
export interface OperationLimits {
  /** Fields nested in fields, the root field being 1; default 12. */
  maxDepth: number;
  /** The static cost of {@link operationCost}; default 25 000. */
  maxCost: number;
  /** Items assumed of a list field that names no size (`first`, `last`, `limit`); default 10. */
  defaultListSize: number;
  /** The largest size a list argument counts for; default 100 (the subgraphs' largest page). */
  maxListSize: number;
}

export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  maxDepth: 12,
  maxCost: 25_000,
  defaultListSize: 10,
  maxListSize: 100,
};

/** Arguments that bound how many items a field returns. */
const SIZE_ARGUMENTS = new Set(['first', 'last', 'limit']);
/** Introspection is answered by the gateway alone and costs no subgraph anything. */
const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

export interface OperationMeasure {
  depth: number;
  cost: number;
}

/**
 * The depth and static cost of the operation `operationName` of `document`:
 *
 * - every field costs 1, and what is selected under a field returning many items costs that
 *   many times over: the field's `first`/`last`/`limit` argument (capped at `maxListSize`;
 *   a size variable the request leaves unset counts as the cap), else `defaultListSize` for
 *   a list type;
 * - the items of a connection are sized once: `nodes` under `departments(first: 100)`
 *   counts 100 items, not 100 × 10;
 * - fragments count where they are spread; introspection fields count nothing.
 *
 * Static on purpose: it is known before any subgraph is called, so a refusal costs nothing.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>> = {},
  limits: OperationLimits = DEFAULT_OPERATION_LIMITS,
): OperationMeasure | undefined {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName
    ? operations.find((candidate) => candidate.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation) return undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return undefined;

  const sizeOf = (value: ValueNode): number => {
    if (value.kind === Kind.INT) return Math.min(Number(value.value), limits.maxListSize);
    if (value.kind === Kind.VARIABLE) {
      const given = variables[value.name.value];
      return typeof given === 'number' && Number.isFinite(given)
        ? Math.min(Math.max(given, 0), limits.maxListSize)
        : limits.maxListSize;
    }
    return limits.maxListSize;
  };

  const walk = (
    selectionSet: SelectionSetNode,
    parentType: GraphQLNamedType | undefined,
    sized: boolean,
    visiting: ReadonlySet<string>,
  ): OperationMeasure => {
    let depth = 0;
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (INTROSPECTION_FIELDS.has(selection.name.value)) continue;
        const fieldDefinition =
          parentType && (isObjectType(parentType) || isInterfaceType(parentType))
            ? parentType.getFields()[selection.name.value]
            : undefined;
        const sizeArgument = selection.arguments?.find((argument) =>
          SIZE_ARGUMENTS.has(argument.name.value),
        );
        const returnsList =
          fieldDefinition !== undefined && isListType(getNullableType(fieldDefinition.type));
        const items = sizeArgument
          ? sizeOf(sizeArgument.value)
          : returnsList && !sized
            ? limits.defaultListSize
            : 1;
        let childDepth = 0;
        let childCost = 0;
        if (selection.selectionSet) {
          const childType = fieldDefinition ? getNamedType(fieldDefinition.type) : undefined;
          const child = walk(
            selection.selectionSet,
            childType && isCompositeType(childType) ? childType : undefined,
            sizeArgument !== undefined,
            visiting,
          );
          childDepth = child.depth;
          childCost = child.cost;
        }
        depth = Math.max(depth, 1 + childDepth);
        cost += 1 + items * childCost;
      } else {
        let inner: SelectionSetNode | undefined;
        let innerType = parentType;
        let name: string | undefined;
        if (selection.kind === Kind.INLINE_FRAGMENT) {
          inner = selection.selectionSet;
          if (selection.typeCondition) {
            innerType = schema.getType(selection.typeCondition.name.value) ?? undefined;
          }
        } else {
          name = selection.name.value;
          // A fragment spread in itself is refused by validation; never loop here.
          if (visiting.has(name)) continue;
          const fragment = fragments.get(name);
          inner = fragment?.selectionSet;
          if (fragment) innerType = schema.getType(fragment.typeCondition.name.value) ?? undefined;
        }
        if (!inner) continue;
        const child = walk(inner, innerType, sized, name ? new Set([...visiting, name]) : visiting);
        depth = Math.max(depth, child.depth);
        cost += child.cost;
      }
    }
    return { depth, cost };
  };
  return walk(operation.selectionSet, rootType, false, new Set());
}

/**
 * The refusals of an operation over the limits, as GraphQL errors with a stable code and
 * HTTP 400: DEPTH_LIMIT_EXCEEDED, COST_LIMIT_EXCEEDED. Empty when it is within them.
 */
export function operationLimitErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>> = {},
  limits: OperationLimits = DEFAULT_OPERATION_LIMITS,
): GraphQLError[] {
  const measure = measureOperation(schema, document, operationName, variables, limits);
  if (!measure) return [];
  const errors: GraphQLError[] = [];
  if (measure.depth > limits.maxDepth) {
    errors.push(
      new GraphQLError(
        `The operation is nested ${measure.depth} fields deep; at most ${limits.maxDepth} are served`,
        {
          extensions: {
            code: 'DEPTH_LIMIT_EXCEEDED',
            depth: measure.depth,
            maxDepth: limits.maxDepth,
            http: { status: 400 },
          },
        },
      ),
    );
  }
  if (measure.cost > limits.maxCost) {
    errors.push(
      new GraphQLError(
        `The operation would cost ${measure.cost}; at most ${limits.maxCost} is served. Ask for smaller pages or fewer fields`,
        {
          extensions: {
            code: 'COST_LIMIT_EXCEEDED',
            cost: measure.cost,
            maxCost: limits.maxCost,
            http: { status: 400 },
          },
        },
      ),
    );
  }
  return errors;
}
