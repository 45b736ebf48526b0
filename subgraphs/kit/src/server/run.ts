import { subgraphConfigFromEnv } from '../config';
import type { SubgraphDefinition } from '../subgraph-definition';
import { createSubgraph } from './subgraph-server';

/**
 * Runs `close` once on SIGINT or SIGTERM, then exits: 0 when it finished, 1 when it threw.
 * The same signal again while closing (a second Ctrl-C) exits at once; the other one is
 * ignored, because Ctrl-C in a terminal reaches every process of the platform and the
 * launcher's own SIGTERM follows it.
 */
export function closeOnSignal(close: () => Promise<void>): void {
  let closingOn: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closingOn === signal) process.exit(1);
    if (closingOn) return;
    closingOn = signal;
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
export function serveSubgraph<Loaders, Services>(
  definition: SubgraphDefinition<Loaders, Services>,
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
