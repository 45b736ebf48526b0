import {
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';

/** The subscriptions and the query field that answers each of their events. */
const ANSWERING_QUERY_FIELD = {
  hallStats: 'hallToday',
  lightCounts: 'lightCounts',
  alertLights: 'alertLight',
} as const;

export type LiveField = keyof typeof ANSWERING_QUERY_FIELD;

/**
 * A subscription operation taken apart: which live field, with which arguments, and the query
 * that answers one of its events. That query is the subscriber's own selection set under the
 * query field that reads the same type (`alertLight(id:)` for `alertLights`), with the same
 * alias, fragments and variables, so its result is the event's payload as it stands, and the
 * gateway plans it across the subgraphs like any query.
 */
export interface LiveOperation {
  field: LiveField;
  args: Record<string, unknown>;
  /** The answering query's text; identical subscriptions give identical text. */
  query: string;
  /** The subscriber's variables the selection uses. */
  variables: Record<string, unknown>;
  /** The answering query's variable for the light's id (alertLights only). */
  lightIdVariable: string;
}

function isLiveField(name: string): name is LiveField {
  return Object.hasOwn(ANSWERING_QUERY_FIELD, name);
}

/** The one root field of a subscription, looking through fragments at the root. */
function rootField(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): FieldNode | undefined {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) return selection;
    const inner =
      selection.kind === Kind.INLINE_FRAGMENT
        ? selection.selectionSet
        : fragments.get(selection.name.value)?.selectionSet;
    const found = inner && rootField(inner, fragments);
    if (found) return found;
  }
  return undefined;
}

/** The fragments a selection reaches, directly or through other fragments. */
function reachableFragments(
  start: FieldNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): FragmentDefinitionNode[] {
  const found = new Map<string, FragmentDefinitionNode>();
  const pending: (FieldNode | FragmentDefinitionNode)[] = [start];
  while (pending.length > 0) {
    visit(pending.pop()!, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const fragment = fragments.get(name);
        if (fragment && !found.has(name)) {
          found.set(name, fragment);
          pending.push(fragment);
        }
      },
    });
  }
  return [...found.values()];
}

function usedVariables(nodes: readonly (FieldNode | FragmentDefinitionNode)[]): Set<string> {
  const names = new Set<string>();
  for (const node of nodes) {
    visit(node, {
      Variable(variable) {
        names.add(variable.name.value);
      },
    });
  }
  return names;
}

function freshName(taken: ReadonlySet<string>, base: string): string {
  let name = base;
  for (let index = 2; taken.has(name); index += 1) name = `${base}${index}`;
  return name;
}

/**
 * Takes a validated subscription operation apart (see {@link LiveOperation}). Errors are
 * the subscriber's (an unknown operation name, variables that do not fit).
 */
export function liveOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variableValues: Record<string, unknown>,
): LiveOperation | GraphQLError {
  const operation: OperationDefinitionNode | null | undefined = getOperationAST(
    document,
    operationName,
  );
  if (!operation || operation.operation !== 'subscription') {
    return new GraphQLError('Name one subscription operation of the document', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  const fragments = new Map(
    document.definitions
      .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((definition) => [definition.name.value, definition]),
  );
  const field = rootField(operation.selectionSet, fragments);
  const subscriptionType = schema.getSubscriptionType();
  const name = field?.name.value;
  const definition = name ? subscriptionType?.getFields()[name] : undefined;
  if (!field || !name || !definition || !isLiveField(name)) {
    return new GraphQLError('The subscription names no live field of the graph', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variableValues);
  if (coerced.errors) {
    return new GraphQLError(coerced.errors.map((error) => error.message).join('; '), {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  let args: Record<string, unknown>;
  try {
    args = getArgumentValues(definition, field, coerced.coerced);
  } catch (error) {
    return error instanceof GraphQLError
      ? new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } })
      : new GraphQLError('The subscription arguments do not fit', {
          extensions: { code: 'BAD_USER_INPUT' },
        });
  }

  const usedFragments = reachableFragments(field, fragments);
  // The root field's own arguments are the gateway's to read, not the answering query's.
  const selectionVariables = usedVariables([{ ...field, arguments: [] }, ...usedFragments]);
  const declared = operation.variableDefinitions ?? [];
  const lightIdVariable = freshName(
    new Set(declared.map((variable) => variable.variable.name.value)),
    'liveLightId',
  );
  const variableDefinitions: VariableDefinitionNode[] = declared.filter((variable) =>
    selectionVariables.has(variable.variable.name.value),
  );
  const queryArguments =
    name === 'alertLights'
      ? [
          {
            kind: Kind.ARGUMENT,
            name: { kind: Kind.NAME, value: 'id' },
            value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: lightIdVariable } },
          } as const,
        ]
      : [];
  if (name === 'alertLights') {
    variableDefinitions.push({
      kind: Kind.VARIABLE_DEFINITION,
      variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: lightIdVariable } },
      type: {
        kind: Kind.NON_NULL_TYPE,
        type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } },
      },
    });
  }
  const answering: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: 'query' as OperationDefinitionNode['operation'],
        name: { kind: Kind.NAME, value: `Live_${name}` },
        variableDefinitions,
        directives: [],
        selectionSet: {
          kind: Kind.SELECTION_SET,
          selections: [
            {
              ...field,
              alias: field.alias ?? { kind: Kind.NAME, value: name },
              name: { kind: Kind.NAME, value: ANSWERING_QUERY_FIELD[name] },
              arguments: queryArguments,
            },
          ],
        },
      },
      ...usedFragments,
    ],
  };
  return {
    field: name,
    args,
    query: print(answering),
    // As the subscriber sent them: the answering query coerces them again.
    variables: Object.fromEntries(
      Object.entries(variableValues).filter(([variable]) => selectionVariables.has(variable)),
    ),
    lightIdVariable,
  };
}
