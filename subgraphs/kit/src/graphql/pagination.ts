import { Cursor } from '@mikro-orm/core';
import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badUserInput } from './errors';

/** Hard upper bound of one page: a client cannot ask a list for more rows than this. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Every subgraph's lists share this one type, hence `@shareable`. */
@ObjectType({ description: 'Where a page sits in its list (Relay cursor connections).' })
@Directive('@shareable')
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `At most ${MAX_PAGE_SIZE}.` })
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

/** Refuses page sizes outside 1..MAX_PAGE_SIZE and cursors that were never issued. */
export function checkPageArgs({ first, after }: PageArgs): { first: number; after?: string } {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`, {
      field: 'first',
    });
  }
  if (after == null) return { first };
  try {
    Cursor.decode(after);
  } catch {
    throw badUserInput('after is not a cursor this list issued', { field: 'after' });
  }
  return { first, after };
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * The GraphQL connection type of `Node`: `edges { cursor node }`, `nodes`, `pageInfo`,
 * `totalCount`. Called once per node type at module load; the name is `${Node}Connection`.
 */
export function connectionOf<T extends object>(Node: ClassType<T>): ClassType<Connection<T>> {
  @ObjectType(`${Node.name}Edge`)
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => Node)
    node!: T;
  }

  @ObjectType(`${Node.name}Connection`)
  class NodeConnection implements Connection<T> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [Node], { description: 'The nodes of `edges`, for clients that need no cursors.' })
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Rows matching the filter, over all pages.' })
    totalCount!: number;
  }
  return NodeConnection;
}

/** Turns a MikroORM keyset cursor page into a connection. */
export function toConnection<T extends object>(page: Cursor<T>): Connection<T> {
  const edges = page.items.map((node) => ({ cursor: page.from(node), node }));
  return {
    edges,
    nodes: page.items,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage ?? false,
      hasPreviousPage: page.hasPrevPage ?? false,
      startCursor: page.startCursor,
      endCursor: page.endCursor,
    },
  };
}
