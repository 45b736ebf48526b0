import {
  clockFromEnv,
  closeOnSignal,
  createLogger,
  internalSecretFromEnv,
  portFromEnv,
  requiredEnv,
  subgraphUrlsFromEnv,
  tokenSecretFromEnv,
} from '@hall/kit';
import { readSupergraph } from '@hall/schema';
import { createGateway } from './gateway';
import { jwksFromEnv, limitOptionsFromEnv, sharedAnswersMaxAgeFromEnv } from './limits/limits-env';

createGateway({
  supergraphSdl: readSupergraph(),
  subgraphUrls: subgraphUrlsFromEnv(),
  databaseUrl: requiredEnv('DATABASE_URL'),
  port: portFromEnv(4000),
  host: process.env.HOST ?? '127.0.0.1',
  tokenSecret: tokenSecretFromEnv(),
  jwks: jwksFromEnv(),
  ...limitOptionsFromEnv(),
  sharedAnswersMaxAgeMs: sharedAnswersMaxAgeFromEnv(),
  clock: clockFromEnv(),
  callerSecret: internalSecretFromEnv(),
  logger: createLogger('gateway'),
  webClientDir: process.env.HALL_WEB_CLIENT_DIR || undefined,
}).then(
  (gateway) => closeOnSignal(() => gateway.close()),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
