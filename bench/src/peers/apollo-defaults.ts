import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { peerConfigFromEnv } from './peer-config';

/**
 * Peer 1: @apollo/gateway and @apollo/server as their documentation sets them up, with no
 * tuning at all. The one addition is a `buildService` whose data source signs the caller
 * header, without which our subgraphs answer nothing.
 */
async function main(): Promise<void> {
  const config = peerConfigFromEnv();
  const gateway = new ApolloGateway({
    supergraphSdl: config.supergraphSdl,
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource({
        url,
        willSendRequest({ request }) {
          for (const [name, value] of Object.entries(config.signed())) {
            request.http?.headers.set(name, value);
          }
        },
      }),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: config.port, host: '127.0.0.1' },
  });
  console.log(`apollo-defaults listening at ${url}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
