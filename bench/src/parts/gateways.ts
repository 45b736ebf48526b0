import { join } from 'node:path';
import { GATEWAY_ENTRY_POINT } from '@hall/platform';
import { readSupergraph } from '@hall/schema';
import { measureLoad, type LoadFigures, type LoadTarget } from '../http-load';
import { body, DASHBOARD, SINGLE_SUBGRAPH, YEAR } from '../operations';
import { ensureHiveGateway, HIVE_GATEWAY_VERSION } from '../peers/install';
import { graphql, type Hall, type Service } from '../stack';

export interface LoadSettings {
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
}

export interface OverheadFigures {
  direct: LoadFigures;
  throughGateway: LoadFigures;
  dashboard: LoadFigures;
  /** The single query and the dashboard through a gateway that reads for every request. */
  throughGatewayUnshared?: LoadFigures;
  dashboardUnshared?: LoadFigures;
  /** The dashboard while the hall changes: a ticket taken every {@link CHANGE_INTERVAL_MS}. */
  dashboardChanging?: LoadFigures;
}

/** How often the hall changes under the "changing" load: five events a second. */
export const CHANGE_INTERVAL_MS = 200;

/**
 * A second hall gateway process with shared answers off (HALL_SHARED_ANSWERS_MAX_AGE_MS=0):
 * every request goes through the planner and the subgraphs, which is what the pipeline
 * itself costs.
 */
function startUnsharedGateway(hall: Hall, port: number): Promise<Service> {
  return hall.spawnService('gateway-unshared', GATEWAY_ENTRY_POINT, port, '/ready', {
    env: { HALL_SHARED_ANSWERS_MAX_AGE_MS: '0' },
  });
}

/**
 * Takes a queue ticket through the gateway every `intervalMs` until stopped: each one is a
 * mutation and a cases event, so every gateway drops its shared answers that often.
 */
async function changeTheHall(hall: Hall, intervalMs: number): Promise<() => Promise<number>> {
  const clerk = { authorization: `Bearer ${await hall.tokenFor('ACCEPTANCE_CLERK')}` };
  let running = true;
  let taken = 0;
  const done = (async () => {
    while (running) {
      const started = Date.now();
      await graphql(hall.gateway.url, 'mutation { takeTicket { id } }', {}, clerk);
      taken += 1;
      await new Promise((resolve) => setTimeout(resolve, intervalMs - (Date.now() - started)));
    }
  })();
  return async () => {
    running = false;
    await done;
    return taken;
  };
}

export interface PeerFigures {
  /** By gateway: the hall's, Apollo's defaults, Hive Gateway. */
  gateways: { name: string; single: LoadFigures; dashboard: LoadFigures }[];
  hiveVersion: string;
}

async function checked(target: LoadTarget): Promise<LoadTarget> {
  const { query, variables } = JSON.parse(target.body) as {
    query: string;
    variables: Record<string, unknown>;
  };
  await graphql(target.url, query, variables, target.headers());
  return target;
}

/**
 * Part 1: the same single-subgraph query straight to the catalog subgraph and through the
 * gateway; then the four-subgraph dashboard through the gateway.
 */
export async function measureOverhead(
  hall: Hall,
  settings: LoadSettings,
  sparePort: number,
): Promise<OverheadFigures> {
  const token = await hall.tokenFor('SERVICE_BUREAU_ADMIN');
  const bearer = () => ({ authorization: `Bearer ${token}` });
  const load = async (target: LoadTarget) => {
    const figures = await measureLoad(
      await checked(target),
      settings.connections,
      settings.warmupSeconds,
      settings.durationSeconds,
    );
    console.log(`bench: ${figures.label}: ${figures.rps.toFixed(0)} req/s, p95 ${figures.p95} ms`);
    return figures;
  };
  const direct = await load({
    label: 'catalog subgraph, direct',
    url: hall.subgraphUrls.catalog,
    body: body(SINGLE_SUBGRAPH),
    headers: () => hall.signedHeaders(),
  });
  const throughGateway = await load({
    label: 'through the gateway',
    url: hall.gateway.url,
    body: body(SINGLE_SUBGRAPH),
    headers: bearer,
  });
  const dashboard = await load({
    label: 'dashboard through the gateway',
    url: hall.gateway.url,
    body: body(DASHBOARD, YEAR),
    headers: bearer,
  });
  const stopChanging = await changeTheHall(hall, CHANGE_INTERVAL_MS);
  let dashboardChanging: LoadFigures;
  try {
    dashboardChanging = await load({
      label: `dashboard through the gateway, a ticket taken every ${CHANGE_INTERVAL_MS} ms`,
      url: hall.gateway.url,
      body: body(DASHBOARD, YEAR),
      headers: bearer,
    });
  } finally {
    console.log(`bench: ${await stopChanging()} tickets taken under load`);
  }
  const unshared = await startUnsharedGateway(hall, sparePort);
  try {
    const throughGatewayUnshared = await load({
      label: 'through the gateway, shared answers off',
      url: unshared.url,
      body: body(SINGLE_SUBGRAPH),
      headers: bearer,
    });
    const dashboardUnshared = await load({
      label: 'dashboard through the gateway, shared answers off',
      url: unshared.url,
      body: body(DASHBOARD, YEAR),
      headers: bearer,
    });
    return {
      direct,
      throughGateway,
      throughGatewayUnshared,
      dashboard,
      dashboardUnshared,
      dashboardChanging,
    };
  } finally {
    await unshared.stop();
  }
}

/**
 * Part 2: the hall's gateway against @apollo/gateway with its defaults and Hive Gateway, each
 * its own process over the same subgraphs and supergraph, on the same two queries.
 */
export async function measurePeers(
  hall: Hall,
  settings: LoadSettings,
  peersPort: number,
  benchDir: string,
): Promise<PeerFigures> {
  const peersDir = join(benchDir, '.peers');
  ensureHiveGateway(peersDir);
  const supergraph = join(benchDir, '..', 'schema', 'supergraph.graphql');
  readSupergraph(); // fails early when the committed supergraph is missing
  const token = await hall.tokenFor('SERVICE_BUREAU_ADMIN');
  const peerEnv = { BENCH_SUPERGRAPH: supergraph, BENCH_PEERS_DIR: peersDir };
  const peers: { name: string; service: Service; headers: () => Record<string, string> }[] = [
    {
      name: 'hall gateway',
      service: hall.gateway,
      headers: () => ({ authorization: `Bearer ${token}` }),
    },
  ];
  const started: Service[] = [];
  try {
    const unshared = await startUnsharedGateway(hall, peersPort + 2);
    started.push(unshared);
    peers.push({
      name: 'hall gateway, shared answers off',
      service: unshared,
      headers: () => ({ authorization: `Bearer ${token}` }),
    });
    const apollo = await hall.spawnService(
      'apollo-defaults',
      join(benchDir, 'dist', 'peers', 'apollo-defaults.js'),
      peersPort,
      '/graphql',
      { env: peerEnv },
    );
    started.push(apollo);
    peers.push({ name: '@apollo/gateway 2.14.4, defaults', service: apollo, headers: () => ({}) });
    const hive = await hall.spawnService(
      'hive-gateway',
      join(benchDir, 'dist', 'peers', 'hive-gateway.js'),
      peersPort + 1,
      '/graphql',
      { env: peerEnv },
    );
    started.push(hive);
    peers.push({
      name: `Hive Gateway ${HIVE_GATEWAY_VERSION}, defaults`,
      service: hive,
      headers: () => ({}),
    });

    const gateways: PeerFigures['gateways'] = [];
    for (const peer of peers) {
      const target = (label: string, query: string, variables: Record<string, unknown>) =>
        checked({
          label,
          url: peer.service.url,
          body: body(query, variables),
          headers: peer.headers,
        });
      const single = await measureLoad(
        await target(`${peer.name}: single subgraph`, SINGLE_SUBGRAPH, {}),
        settings.connections,
        settings.warmupSeconds,
        settings.durationSeconds,
      );
      const dashboard = await measureLoad(
        await target(`${peer.name}: dashboard`, DASHBOARD, YEAR),
        settings.connections,
        settings.warmupSeconds,
        settings.durationSeconds,
      );
      console.log(
        `bench: ${peer.name}: single ${single.rps.toFixed(0)} req/s; dashboard ${dashboard.rps.toFixed(0)} req/s, p95 ${dashboard.p95} ms`,
      );
      gateways.push({ name: peer.name, single, dashboard });
    }
    return { gateways, hiveVersion: HIVE_GATEWAY_VERSION };
  } finally {
    await Promise.all(started.map((service) => service.stop()));
  }
}
