import { extendSchema, parse, type GraphQLSchema } from 'graphql';

/**
 * The graph's subscriptions. They are the gateway's own root fields: each event comes from a
 * subgraph's durable event log, and what a subscriber selects on it is answered by a query
 * the gateway plans across the subgraphs like any other (see the gateway's README).
 */
export const LIVE_SCHEMA_SDL = /* GraphQL */ `
  extend schema {
    subscription: Subscription
  }

  type Subscription {
    """
    The hall's live figures (the lobby screen): sent at once, then whenever a visitor, window,
    case or light changes them, at most about once a second; a slow reader gets the latest.
    """
    hallStats: HallToday!

    """
    Lights lit now in the hall: sent at once, then whenever a light goes on, changes or goes off.
    """
    lightCounts: LightCounts!

    """
    Each alert light as it goes on, rises, changes or goes off, with any field of the graph
    selectable on it. Department staff get their own department's lights. Every message
    carries \`extensions.cursor\`; subscribing again with \`after\` set to the last one seen
    delivers every change since, so nothing is lost across reconnects and restarts.
    """
    alertLights(
      """
      Only this department's lights.
      """
      departmentId: ID
      """
      Only lights at these levels (as the change left them).
      """
      levels: [LightLevel!]
      """
      Resume after this cursor (an \`extensions.cursor\` this subscription delivered).
      """
      after: String
    ): AlertLight!
  }
`;

const liveDocument = parse(LIVE_SCHEMA_SDL);

/** The API schema the gateway serves: the supergraph's, plus its subscriptions. */
export function withSubscriptions(apiSchema: GraphQLSchema): GraphQLSchema {
  return extendSchema(apiSchema, liveDocument, { assumeValidSDL: false });
}
