import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the composed contract lives, committed beside this package. */
export const SUPERGRAPH_PATH = join(__dirname, '..', 'supergraph.graphql');

/** The subgraphs of the graph, with the port each listens on by default. */
export const SUBGRAPHS = [
  { name: 'catalog', defaultPort: 4001 },
  { name: 'cases', defaultPort: 4002 },
  { name: 'supervision', defaultPort: 4003 },
  { name: 'evaluation', defaultPort: 4004 },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

export function readSupergraph(): string {
  return readFileSync(SUPERGRAPH_PATH, 'utf8');
}
