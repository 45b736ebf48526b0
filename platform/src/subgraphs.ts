import { join } from 'node:path';
import { casesSubgraph } from '@hall/cases';
import { catalogSubgraph } from '@hall/catalog';
import { evaluationSubgraph } from '@hall/evaluation';
import {
  createSubgraph,
  prepareSubgraphDatabase,
  type PrepareOptions,
  type PrepareReport,
  type SubgraphDefinition,
  type SubgraphHandle,
  type SubgraphOptions,
} from '@hall/kit';
import { SUBGRAPHS, type SubgraphName } from '@hall/schema';
import { supervisionSubgraph } from '@hall/supervision';

/** What the platform can do with one subgraph, whatever its loaders. */
export interface SubgraphRuntime {
  name: SubgraphName;
  defaultPort: number;
  /** The built entry point that runs it as its own process. */
  entryPoint: string;
  prepare(options: PrepareOptions): Promise<PrepareReport>;
  start(options: SubgraphOptions): Promise<SubgraphHandle>;
}

const REPOSITORY_ROOT = join(__dirname, '..', '..');

function runtime<Loaders, Services>(
  definition: SubgraphDefinition<Loaders, Services>,
  folder: string,
): SubgraphRuntime {
  const known = SUBGRAPHS.find((subgraph) => subgraph.name === definition.name);
  if (!known) throw new Error(`subgraph ${definition.name} is not in the supergraph`);
  return {
    name: known.name,
    defaultPort: known.defaultPort,
    entryPoint: join(REPOSITORY_ROOT, 'subgraphs', folder, 'dist', 'main.js'),
    prepare: (options) => prepareSubgraphDatabase(definition, options),
    start: (options) => createSubgraph(definition, options),
  };
}

/** The four subgraphs in the order they are prepared and started. */
export const SUBGRAPH_RUNTIMES: readonly SubgraphRuntime[] = [
  runtime(catalogSubgraph, 'catalog'),
  runtime(casesSubgraph, 'cases'),
  runtime(supervisionSubgraph, 'supervision'),
  runtime(evaluationSubgraph, 'evaluation'),
];

export const GATEWAY_ENTRY_POINT = join(REPOSITORY_ROOT, 'gateway', 'dist', 'main.js');

/** The built web client, which the gateway serves when it exists. */
export const WEB_CLIENT_DIR = join(REPOSITORY_ROOT, 'web-client', 'dist');
