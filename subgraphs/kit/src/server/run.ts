import { subgraphConfigFromEnv } from '../config';
import type { SubgraphDefinition } from '../subgraph-definition';
import { createSubgraph } from './subgraph-server';

/**
 * Runs `close` once on SIGINT or SIGTERM, then exits: 0 when it finished, 1 when it threw.
 * A second signal while closing exits at once.
 */
export function closeOnSignal(close: () => Promise<void>): void {
  let closing = false;
  const onSignal = () => {
    if (closing) process.exit(1);
    closing = true;
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/** A subgraph process's whole `main`: configuration from the environment, stop on signal. */
export function serveSubgraph<Loaders>(
  definition: SubgraphDefinition<Loaders>,
  defaultPort: number,
): void {
  createSubgraph(definition, subgraphConfigFromEnv(definition.name, defaultPort)).then(
    (handle) => closeOnSignal(() => handle.close()),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
