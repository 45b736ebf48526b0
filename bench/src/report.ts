import type { MachineInfo } from './machine';
import type { AlertFigures } from './parts/alerts';
import type { FanoutStep } from './parts/fanout';
import {
  CHANGE_INTERVAL_MS,
  type LoadSettings,
  type OverheadFigures,
  type PeerFigures,
} from './parts/gateways';
import type { ScaleFigures } from './parts/scale';
import type { SqlCountRow } from './parts/sql-counts';
import type { LoadFigures } from './http-load';
import { fixed, ratio } from './stats';

/** The figures of each part as last measured, with when and on what. */
export interface Results {
  overhead?: { at: string; settings: LoadSettings; figures: OverheadFigures };
  peers?: { at: string; settings: LoadSettings; figures: PeerFigures };
  sql?: { at: string; rows: SqlCountRow[] };
  fanout?: { at: string; steps: FanoutStep[] };
  alerts?: { at: string; figures: AlertFigures };
  scale?: { at: string; settings: LoadSettings; figures: ScaleFigures };
  machine?: MachineInfo;
  /** Failures of parts in the last run, by part. */
  failures?: Record<string, string>;
}

export const BEGIN =
  '<!-- bench:begin (written by `npm run bench`; edit bench/src/report.ts instead) -->';
export const END = '<!-- bench:end -->';

const met = (ok: boolean) => (ok ? '**met**' : '**missed**');

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

const loadRow = (figures: LoadFigures, base?: LoadFigures): string[] => [
  figures.label,
  fixed(figures.rps, 0),
  base ? ratio(figures.rps, base.rps) : '1.00×',
  fixed(figures.p50, 0),
  fixed(figures.p95, 0),
  fixed(figures.p99, 0),
  String(figures.failures),
];
const LOAD_HEADER = ['', 'req/s', 'ratio', 'p50 ms', 'p95 ms', 'p99 ms', 'failed'];

function settingsLine(settings: LoadSettings): string {
  return `${settings.connections} concurrent connections, ${settings.warmupSeconds} s warm-up, then ${settings.durationSeconds} s measured`;
}

/** Target verdicts, for the summary at the top and the final report. */
export function verdicts(results: Results): { target: string; figure: string; ok: boolean }[] {
  const out: { target: string; figure: string; ok: boolean }[] = [];
  const overhead = results.overhead?.figures;
  if (overhead) {
    // Judged on the pipeline itself (shared answers off): sharing would hide its overhead.
    const pipeline = overhead.throughGatewayUnshared ?? overhead.throughGateway;
    const share = pipeline.rps / overhead.direct.rps;
    const deployed = overhead.throughGatewayUnshared
      ? ` (${((overhead.throughGateway.rps / overhead.direct.rps) * 100).toFixed(0)}% as deployed, with shared answers)`
      : '';
    out.push({
      target: '1a. gateway keeps ≥ 60% of direct throughput (single-subgraph query)',
      figure: `${(share * 100).toFixed(0)}% with shared answers off${deployed}`,
      ok: share >= 0.6,
    });
    const others = [
      overhead.dashboardChanging &&
        `${fixed(overhead.dashboardChanging.p95, 0)} ms with the hall changing`,
      overhead.dashboardUnshared &&
        `${fixed(overhead.dashboardUnshared.p95, 0)} ms with shared answers off`,
    ].filter(Boolean);
    out.push({
      target: `1b. dashboard p95 < 50 ms at ${overhead.dashboard.connections} clients`,
      figure: `${fixed(overhead.dashboard.p95, 0)} ms${others.length ? ` (${others.join('; ')})` : ''}`,
      ok: overhead.dashboard.p95 < 50,
    });
  }
  const peers = results.peers?.figures.gateways;
  if (peers && peers.length > 1) {
    // The verdict is the gateway as deployed; the row with shared answers off is reported
    // beside it but is not a peer.
    const [ours, ...rest] = peers;
    const others = rest.filter((gateway) => !gateway.name.startsWith('hall gateway'));
    const ahead = others.every(
      (other) =>
        ours!.dashboard.rps > other.dashboard.rps && ours!.dashboard.p95 <= other.dashboard.p95,
    );
    out.push({
      target: '2. ahead of @apollo/gateway defaults and Hive Gateway on the dashboard',
      figure: others
        .map(
          (other) =>
            `${ratio(ours!.dashboard.rps, other.dashboard.rps)} the req/s of ${other.name.split(' ')[0]}`,
        )
        .join(', '),
      ok: ahead,
    });
  }
  const sql = results.sql?.rows;
  if (sql) {
    const fixedCounts = sql.every((row) =>
      Object.values(row.counts).every(([small, large]) => small === large),
    );
    out.push({
      target: '3. SQL statements per operation independent of list size',
      figure: sql
        .map((row) => Object.values(row.counts).reduce((sum, [, large]) => sum + large, 0))
        .join(', '),
      ok: fixedCounts,
    });
  }
  const fanout = results.fanout?.steps;
  const largest = fanout?.at(-1);
  if (largest) {
    out.push({
      target: '4. 10,000 hallStats subscribers: p99 < 250 ms, RSS < 1 GB, nothing lost',
      figure: `${largest.subscribers}: p99 ${fixed(largest.latency.p99, 0)} ms, peak ${fixed(largest.rssPeakMiB, 0)} MiB, ${largest.missed} missed`,
      ok:
        largest.subscribers >= 10_000 &&
        largest.latency.p99 < 250 &&
        largest.rssPeakMiB < 1024 &&
        largest.missed === 0,
    });
  }
  const alerts = results.alerts?.figures;
  if (alerts) {
    out.push({
      target: '5. alert light reaches a subscriber p99 < 1 s after the threshold',
      figure: `${fixed(alerts.latency.p99, 0)} ms (${alerts.samples} samples, ${alerts.lost} lost)`,
      ok: alerts.latency.p99 < 1000 && alerts.lost === 0 && alerts.samples >= 30,
    });
  }
  const scale = results.scale?.figures;
  if (scale) {
    // Judged with shared answers off, every request reading the rollups: a repeated query
    // shared for a second would hide what the data costs. As deployed is reported beside it.
    const judged = scale.afterUnshared ?? scale.after;
    const deployed = scale.afterUnshared
      ? ` (as deployed, with shared answers: decade ${fixed(scale.after.decade.p95, 0)} ms, one year ${fixed(scale.after.year.p95, 0)} ms)`
      : '';
    out.push({
      target: `6. dashboard figures over ${scale.cases.toLocaleString('en')} cases: p95 < 100 ms`,
      figure:
        `decade ${fixed(judged.decade.p95, 0)} ms, one year ${fixed(judged.year.p95, 0)} ms` +
        `${scale.afterUnshared ? ' with shared answers off' : ''}${deployed}`,
      ok: judged.decade.p95 < 100 && judged.year.p95 < 100,
    });
  }
  return out;
}

/** The generated part of BENCHMARKS.md. */
export function renderResults(results: Results): string {
  const parts: string[] = [BEGIN, ''];
  const machine = results.machine;
  if (machine) {
    parts.push(
      '## Machine',
      '',
      table(
        ['', ''],
        [
          ['CPU', `${machine.cpu}, ${machine.cores} cores`],
          ['memory', `${machine.memoryGiB} GiB`],
          ['OS', machine.kernel],
          ['Node', machine.node],
          ['PostgreSQL', `${machine.postgres} (the server at DATABASE_URL, on the same machine)`],
          ['load average at start (1, 5, 15 min)', machine.loadAtStart],
          ['last run started', machine.startedAt],
        ],
      ),
      '',
    );
  }
  const summary = verdicts(results);
  if (summary.length > 0) {
    parts.push(
      '## Targets',
      '',
      table(
        ['target', 'measured', ''],
        summary.map((verdict) => [verdict.target, verdict.figure, met(verdict.ok)]),
      ),
      '',
    );
  }
  if (results.failures && Object.keys(results.failures).length > 0) {
    parts.push(
      '**Parts that failed in the last run** (their figures below, if any, are older):',
      '',
      ...Object.entries(results.failures).map(
        ([part, error]) => `- ${part}: \`${error.slice(0, 300)}\``,
      ),
      '',
    );
  }

  if (results.overhead) {
    const { figures, settings, at } = results.overhead;
    parts.push(
      '## 1. Gateway overhead',
      '',
      `Measured ${at}. autocannon, ${settingsLine(settings)}, one process per service (four ` +
        'subgraphs, the gateway, the load generator). (a) `departments(first: 100)` of the ' +
        'catalog sent straight to the catalog subgraph (with a freshly signed `x-hall-caller`) ' +
        'and through the gateway (with a JWT, which the gateway verifies and re-signs per ' +
        'subgraph request); ratio against the direct figure. (b) the four-subgraph dashboard ' +
        '(33 departments with case figures, lights on and satisfaction for the year): ratio ' +
        'against (a) direct. The gateway hands identical queries of callers alike one shared ' +
        'read until something changes (gateway/README.md, "Shared answers"); the bench hall is ' +
        'otherwise quiet, so the dashboard is measured three ways: as deployed; while a clerk ' +
        `takes a queue ticket through the gateway every ${CHANGE_INTERVAL_MS} ms (each a mutation and a ` +
        'cases event, which drop every shared answer: five changes a second, far busier than ' +
        "the hall's 800 visitors a day); and through a second gateway process with shared " +
        'answers off (`HALL_SHARED_ANSWERS_MAX_AGE_MS=0`), where every request is planned and ' +
        'read from the subgraphs. Target 1a is judged on that process too, since sharing ' +
        "would hide the pipeline's overhead.",
      '',
      table(LOAD_HEADER, [
        loadRow(figures.direct),
        loadRow(figures.throughGateway, figures.direct),
        ...(figures.throughGatewayUnshared
          ? [loadRow(figures.throughGatewayUnshared, figures.direct)]
          : []),
        loadRow(figures.dashboard, figures.direct),
        ...(figures.dashboardChanging ? [loadRow(figures.dashboardChanging, figures.direct)] : []),
        ...(figures.dashboardUnshared ? [loadRow(figures.dashboardUnshared, figures.direct)] : []),
      ]),
      '',
    );
  }
  if (results.peers) {
    const { figures, settings, at } = results.peers;
    const [ours] = figures.gateways;
    parts.push(
      '## 2. Against other gateways',
      '',
      `Measured ${at}. The same subgraph processes, the same supergraph ` +
        "(`schema/supergraph.graphql` with this run's URLs), the same two queries and " +
        `${settingsLine(settings)}. Each gateway is its own process; only one is under load ` +
        'at a time. @apollo/gateway runs with its defaults (Apollo Server standalone, the ' +
        'default fetcher); its one change is a `buildService` whose `willSendRequest` signs the caller. ' +
        `Hive Gateway ${figures.hiveVersion} (installed by the bench into \`bench/.peers\`, outside the ` +
        'lockfile) runs `createGatewayRuntime` with its defaults plus `propagateHeaders.fromClientToSubgraphs` ' +
        'signing the caller. The peers forward a fixed caller and verify no token; ours verifies ' +
        'the JWT on every request. Ratios are against the hall gateway as deployed; the row ' +
        'with shared answers off (a second process of ours) shows the pipeline alone.',
      '',
      table(
        [
          'gateway',
          'single req/s',
          'ratio',
          'single p95 ms',
          'dashboard req/s',
          'ratio',
          'dashboard p50 ms',
          'dashboard p95 ms',
          'dashboard p99 ms',
          'failed',
        ],
        figures.gateways.map((gateway) => [
          gateway.name,
          fixed(gateway.single.rps, 0),
          ratio(gateway.single.rps, ours!.single.rps),
          fixed(gateway.single.p95, 0),
          fixed(gateway.dashboard.rps, 0),
          ratio(gateway.dashboard.rps, ours!.dashboard.rps),
          fixed(gateway.dashboard.p50, 0),
          fixed(gateway.dashboard.p95, 0),
          fixed(gateway.dashboard.p99, 0),
          String(gateway.single.failures + gateway.dashboard.failures),
        ]),
      ),
      '',
    );
  }
  if (results.sql) {
    const { rows, at } = results.sql;
    parts.push(
      '## 3. SQL statements per operation',
      '',
      `Measured ${at}. The in-process test graph (\`startTestGraph({ history: true })\`), ` +
        "counting the statements each subgraph's ORM sends for one operation (admin token, " +
        'through a gateway instance with shared answers off, so that every run reads), ' +
        "once the subgraphs have been quiet for a second (the history's open cases reach " +
        'supervision and evaluation as events after the start), ' +
        'at two list sizes (small / large in each cell). Each operation runs once unmeasured, ' +
        'so caches that outlive a request are warm as in a running hall, then three times; ' +
        "a cell is the least of the three. The subgraphs' background consumers (a peer's " +
        'event log read, their cursor moved, in their own transactions) share the counter, ' +
        'so statements on `event_log`/`event_cursor` and bare `begin`/`commit` are left out: ' +
        'a read-only operation sends none of them itself. Exact, not timed.',
      '',
      table(
        ['operation', 'sizes', 'catalog', 'cases', 'supervision', 'evaluation', 'total'],
        rows.map((row) => {
          const cell = (name: keyof SqlCountRow['counts']) =>
            `${row.counts[name][0]} / ${row.counts[name][1]}`;
          const total = (index: 0 | 1) =>
            Object.values(row.counts).reduce((sum, pair) => sum + pair[index], 0);
          return [
            row.operation,
            `${row.sizes[0]} / ${row.sizes[1]}`,
            cell('catalog'),
            cell('cases'),
            cell('supervision'),
            cell('evaluation'),
            `${total(0)} / ${total(1)}`,
          ];
        }),
      ),
      '',
    );
  }
  if (results.fanout) {
    const { steps, at } = results.fanout;
    parts.push(
      '## 4. Subscription fan-out',
      '',
      `Measured ${at}. One gateway process (restarted before each step, so its memory is ` +
        "that step's) and one bench process holding N graphql-ws connections (`ws`, the " +
        '`graphql-transport-ws` protocol, a lobby token each), every one subscribed to ' +
        '`hallStats { visitorsToday waiting }`. A driver takes a queue ticket (`takeTicket`) ' +
        'through the gateway once a second; for each subscriber and event, latency is the ' +
        'arrival of the first message whose `visitorsToday` shows that ticket, minus the ' +
        "moment the mutation's answer arrived. The gateway folds hall changes into at most " +
        'one update a second (`live.tickIntervalMs` = 1000; the first change after a quiet ' +
        'second ticks at once, later ones wait for the end of the second); events here are a ' +
        'second plus a mutation apart, so most tick at once, and one that lands within the ' +
        'second of the previous tick carries up to a second of that wait. The arrival time is ' +
        'taken in the bench process, which parses every message of all N sockets on one event ' +
        'loop, so its own queueing is included. RSS from `/proc/<pid>/status` of the gateway: ' +
        'before any connection, with all connected, and its peak (VmHWM). "First served" is, ' +
        'per event, the latency of the earliest subscriber: the cost of noticing the change and ' +
        'reading the figures, before the fan-out.',
      '',
      table(
        [
          'subscribers',
          'subscribed',
          'connect s',
          'events',
          'first served p50 ms',
          'p50 ms',
          'p95 ms',
          'p99 ms',
          'max ms',
          'missed',
          'RSS idle MiB',
          'RSS connected MiB',
          'RSS peak MiB',
          'peak KiB / subscriber',
        ],
        steps.map((step) => [
          step.subscribers.toLocaleString('en'),
          step.connected.toLocaleString('en'),
          fixed(step.connectSeconds, 1),
          String(step.events),
          fixed(step.firstLatency?.p50, 0),
          fixed(step.latency.p50, 0),
          fixed(step.latency.p95, 0),
          fixed(step.latency.p99, 0),
          fixed(step.latency.max, 0),
          String(step.missed),
          fixed(step.rssIdleMiB, 0),
          fixed(step.rssConnectedMiB, 0),
          fixed(step.rssPeakMiB, 0),
          fixed(((step.rssPeakMiB - step.rssIdleMiB) * 1024) / step.subscribers, 1),
        ]),
      ),
      '',
    );
  }
  if (results.alerts) {
    const { figures, at } = results.alerts;
    parts.push(
      '## 5. Alert latency',
      '',
      `Measured ${at}. The in-process test graph on its ManualClock. For each sample a case ` +
        'is registered, accepted and put under review at 2026-11-24 09:00, supervision is ' +
        'given a second to take it in from the cases log, and a graphql-ws subscriber of ' +
        '`alertLights(levels: [YELLOW])` (supervision staff) is waiting; then the clock is set ' +
        'to the first second of the working day before the due date (the yellow threshold). ' +
        "Latency: from `clock.set` to the light's message arriving at the subscriber (the " +
        "supervision timer firing, the light and its event committed, the gateway's log tail " +
        'woken by NOTIFY, the payload read through the gateway). The clock then goes back for ' +
        'the next sample; lights already on stay on, so each move raises exactly one light.',
      '',
      table(
        ['samples', 'lost', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
        [
          [
            String(figures.samples),
            String(figures.lost),
            fixed(figures.latency.p50, 0),
            fixed(figures.latency.p95, 0),
            fixed(figures.latency.p99, 0),
            fixed(figures.latency.max, 0),
          ],
        ],
      ),
      '',
    );
  }
  if (results.scale) {
    const { figures, settings, at } = results.scale;
    parts.push(
      '## 6. Scale: figures over a decade of cases',
      '',
      `Measured ${at}. A database of its own (\`hall_bench_scale\`), the hall seeded without ` +
        `history, then a generator (plain SQL, \`generate_series\`) adds ${figures.cases.toLocaleString('en')} ` +
        'decided cases over 2015–2024 across every matter (and a tenth as many applicants) and ' +
        'adds them to the daily rollup `cases.case_daily_figure` as their steps would have, then ' +
        'rolls the months of `cases.case_monthly_figure` (by matter) and ' +
        '`cases.case_department_monthly_figure` (by department) up from the days as the seeded ' +
        `history does (${figures.rollupRows.toLocaleString('en')} daily, ` +
        `${figures.monthlyRollupRows.toLocaleString('en')} matter-month` +
        (figures.departmentMonthlyRollupRows === undefined
          ? ''
          : ` and ${figures.departmentMonthlyRollupRows.toLocaleString('en')} department-month`) +
        ` rollup rows after; ${fixed(figures.generateSeconds, 0)} s). Hall and department ` +
        'figures and trends read whole months from the department months, matter figures from ' +
        'the matter months, and only the ragged ends of a period from the daily rollup, one ' +
        'statement each. The query: hall figures, the monthly trend and the figures of all 33 ' +
        `departments for the period; ${settingsLine(settings)}; the same before and after the ` +
        'generator; ratios are after against before. ' +
        (figures.afterUnshared
          ? 'Each load runs through the gateway as deployed, where identical queries share one ' +
            'answer for up to a second, so a load of one repeated query mostly measures that ' +
            'sharing, and then through a second gateway with shared answers off, where every ' +
            'request reads the rollups: target 6 is judged on those rows. '
          : '') +
        'autocannon gives up on a request after 10 s: those count as failed.',
      '',
      table(LOAD_HEADER, [
        loadRow(figures.before.decade),
        loadRow(figures.after.decade, figures.before.decade),
        ...(figures.beforeUnshared && figures.afterUnshared
          ? [
              loadRow(figures.beforeUnshared.decade),
              loadRow(figures.afterUnshared.decade, figures.beforeUnshared.decade),
            ]
          : []),
        loadRow(figures.before.year),
        loadRow(figures.after.year, figures.before.year),
        ...(figures.beforeUnshared && figures.afterUnshared
          ? [
              loadRow(figures.beforeUnshared.year),
              loadRow(figures.afterUnshared.year, figures.beforeUnshared.year),
            ]
          : []),
      ]),
      '',
      '<details><summary>Plan of the department-figures statement over the decade, after</summary>',
      '',
      '```',
      figures.plan,
      '```',
      '',
      '</details>',
      '',
    );
  }
  parts.push(
    '## Reproduce',
    '',
    '```sh',
    'npm ci',
    '# the PostgreSQL server to use (the bench creates hall_bench and hall_bench_scale on it)',
    'export DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres',
    'npm run bench                       # everything, about 15 minutes; rewrites this page',
    'npm run bench -- --only fanout --subscribers 2000 --no-write   # one part, small',
    'npm run bench -- --help             # every option',
    '```',
    '',
    'The first run installs Hive Gateway into `bench/.peers` (git-ignored, not in the ' +
      'lockfile). Each part keeps its last figures in `bench/.results.json` (git-ignored), so ' +
      'a run of one part rewrites this page with that part new and the others as they were, ' +
      'each stamped with its time. No test asserts on time; the bench only reports.',
    '',
    END,
  );
  return parts.join('\n');
}
