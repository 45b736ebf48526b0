import { readFileSync } from 'node:fs';
import { callerHeaders, type Caller } from '@hall/kit';

/**
 * What a peer gateway process reads from its environment: the supergraph file, where each
 * subgraph answers, the secret to sign the forwarded caller with, and its port.
 */
export interface PeerConfig {
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  port: number;
  /** Fresh signed caller headers, for each subgraph request. */
  signed(): Record<string, string>;
}

/** The bench caller: the peers have no token handling of ours, so they forward this one. */
const CALLER: Caller = { kind: 'user', subject: 'bench', role: 'SERVICE_BUREAU_ADMIN' };

export function peerConfigFromEnv(): PeerConfig {
  const read = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set`);
    return value;
  };
  const secret = read('HALL_INTERNAL_SECRET');
  const subgraphUrls = Object.fromEntries(
    read('HALL_SUBGRAPH_URLS')
      .split(',')
      .map((pair) => pair.split('=') as [string, string]),
  );
  // The same supergraph as ours, pointed at this run's subgraphs.
  const supergraphSdl = readFileSync(read('BENCH_SUPERGRAPH'), 'utf8').replace(
    /@join__graph\(name: "(\w+)", url: "[^"]*"\)/g,
    (whole, name: string) =>
      subgraphUrls[name] ? `@join__graph(name: "${name}", url: "${subgraphUrls[name]}")` : whole,
  );
  return {
    supergraphSdl,
    subgraphUrls,
    port: Number(read('PORT')),
    signed: () => callerHeaders(CALLER, secret),
  };
}
