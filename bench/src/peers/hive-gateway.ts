import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { peerConfigFromEnv } from './peer-config';

/** The part of Hive Gateway's programmatic API the bench uses (its own types are not installed). */
interface HiveGatewayModule {
  createGatewayRuntime(config: {
    supergraph: () => string;
    propagateHeaders?: { fromClientToSubgraphs?: () => Record<string, string> };
    logging?: boolean | string;
  }): (req: unknown, res: unknown) => void;
}

/**
 * Peer 2: GraphQL Hive Gateway's runtime, from the bench's own install of it (BENCH_PEERS_DIR),
 * with its defaults and the documented `propagateHeaders.fromClientToSubgraphs` hook adding
 * the signed caller header to each subgraph request.
 */
function main(): void {
  const config = peerConfigFromEnv();
  const peersDir = process.env.BENCH_PEERS_DIR;
  if (!peersDir) throw new Error('BENCH_PEERS_DIR is not set');
  const load = createRequire(join(peersDir, 'package.json'));
  const hive = load('@graphql-hive/gateway') as HiveGatewayModule;
  const gateway = hive.createGatewayRuntime({
    supergraph: () => config.supergraphSdl,
    propagateHeaders: { fromClientToSubgraphs: () => config.signed() },
    logging: 'error',
  });
  createServer(gateway as Parameters<typeof createServer>[1]).listen(config.port, '127.0.0.1');
  console.log(`hive-gateway listening at http://127.0.0.1:${config.port}/graphql`);
}

main();
