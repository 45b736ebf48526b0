import {
  closeOnSignal,
  createLogger,
  internalSecretFromEnv,
  portFromEnv,
  tokenSecretFromEnv,
} from '@hall/kit';
import { readSupergraph } from '@hall/schema';
import { createGateway } from './gateway';

/** `catalog=http://127.0.0.1:4001/graphql,cases=...`: where each subgraph answers. */
function subgraphUrlsFromEnv(): Record<string, string> {
  const raw = process.env.HALL_SUBGRAPH_URLS ?? '';
  return Object.fromEntries(
    raw
      .split(',')
      .filter(Boolean)
      .map((pair) => {
        const [name, url] = pair.split('=');
        if (!name || !url) throw new Error(`HALL_SUBGRAPH_URLS: not name=url: ${pair}`);
        return [name.trim(), url.trim()];
      }),
  );
}

createGateway({
  supergraphSdl: readSupergraph(),
  subgraphUrls: subgraphUrlsFromEnv(),
  port: portFromEnv(4000),
  host: process.env.HOST ?? '127.0.0.1',
  tokenSecret: tokenSecretFromEnv(),
  callerSecret: internalSecretFromEnv(),
  logger: createLogger('gateway'),
}).then(
  (gateway) => closeOnSignal(() => gateway.close()),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
