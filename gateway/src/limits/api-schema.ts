import { ApolloGateway } from '@apollo/gateway';
import type { GraphQLSchema } from 'graphql';
import { withSubscriptions } from '../live/live-schema';

/**
 * The schema clients see (the supergraph's API schema plus the gateway's subscriptions),
 * without starting a gateway: for checking documents against the limits offline.
 */
export async function loadApiSchema(supergraphSdl: string): Promise<GraphQLSchema> {
  const gateway = new ApolloGateway({ supergraphSdl });
  try {
    const { schema } = await gateway.load();
    return withSubscriptions(schema);
  } finally {
    await gateway.stop();
  }
}
