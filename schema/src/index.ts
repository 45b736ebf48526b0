import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the composed contract lives, committed beside this package. */
export const SUPERGRAPH_PATH = join(__dirname, '..', 'supergraph.graphql');

/** The partner contract derived from the supergraph's `@tag(name: "partner")`, committed too. */
export const PARTNER_SCHEMA_PATH = join(__dirname, '..', 'partner.graphql');

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

/** The committed partner contract (`partner.graphql`): what partner banks may query. */
export function readPartnerSchema(): string {
  return readFileSync(PARTNER_SCHEMA_PATH, 'utf8');
}

export { partnerContract, partnerTaggedCoordinates, PARTNER_TAG_NAME } from './partner-contract';
