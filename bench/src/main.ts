import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePortRange } from '@hall/test';
import { machineInfo } from './machine';
import { parseOptions, type BenchOptions } from './options';
import { measureAlertLatency } from './parts/alerts';
import { measureFanout, type FanoutStep } from './parts/fanout';
import { measureOverhead, measurePeers, type LoadSettings } from './parts/gateways';
import { measureScale } from './parts/scale';
import { measureSqlCounts } from './parts/sql-counts';
import { BEGIN, END, renderResults, verdicts, type Results } from './report';
import { prepareHall, recreateDatabase, startHall, type Hall } from './stack';

const BENCH_DIR = join(__dirname, '..');
const ROOT = join(BENCH_DIR, '..');
const RESULTS_FILE = join(BENCH_DIR, '.results.json');

function loadResults(): Results {
  try {
    return JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Results;
  } catch {
    return {};
  }
}

/**
 * Puts the generated figures between the markers of BENCHMARKS.md, keeping everything
 * outside them (the hand-measured sections). A page without markers gets them after its
 * first paragraph.
 */
async function writePage(path: string, results: Results): Promise<void> {
  const generated = renderResults(results);
  const page = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const begin = page.indexOf(BEGIN);
  const end = page.indexOf(END);
  let next: string;
  if (begin >= 0 && end > begin) {
    next = page.slice(0, begin) + generated + page.slice(end + END.length);
  } else {
    const firstSection = page.indexOf('\n## ');
    next =
      firstSection >= 0
        ? `${page.slice(0, firstSection)}\n\n${generated}\n${page.slice(firstSection)}`
        : `${page}\n${generated}\n`;
  }
  // Formatted as `npm run format` would, so the page stays clean for `format:check`.
  const prettier = await import('prettier');
  const config = (await prettier.resolveConfig(path)) ?? {};
  writeFileSync(path, await prettier.format(next, { ...config, filepath: path }));
}

async function run(options: BenchOptions): Promise<Results> {
  const results = loadResults();
  results.machine = await machineInfo(options.serverUrl);
  results.failures = {};
  const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const settings: LoadSettings = {
    connections: options.connections,
    warmupSeconds: options.warmupSeconds,
    durationSeconds: options.durationSeconds,
  };
  const attempt = async (part: string, body: () => Promise<void>) => {
    try {
      await body();
    } catch (error) {
      console.error(`bench: ${part} failed`, error);
      results.failures![part] = error instanceof Error ? error.message : String(error);
    }
    writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  };
  const wants = (part: BenchOptions['parts'][number]) => options.parts.includes(part);

  if (wants('overhead') || wants('peers') || wants('fanout')) {
    console.log('bench: preparing hall_bench (the seeded hall with its history)');
    const databaseUrl = await recreateDatabase(options.serverUrl, 'hall_bench');
    await prepareHall(databaseUrl, true);
    const ports = await freePortRange(8);
    let hall: Hall | undefined;
    try {
      hall = await startHall(databaseUrl, ports, options.gatewayNodeArgs);
      const started = hall;
      if (wants('overhead')) {
        await attempt('overhead', async () => {
          results.overhead = {
            at: now(),
            settings,
            figures: await measureOverhead(started, settings, ports + 5),
          };
        });
      }
      if (wants('peers')) {
        await attempt('peers', async () => {
          results.peers = {
            at: now(),
            settings,
            figures: await measurePeers(started, settings, ports + 5, BENCH_DIR),
          };
        });
      }
      if (wants('fanout')) {
        await attempt('fanout', async () => {
          const steps: FanoutStep[] = [];
          for (const count of options.subscribers) {
            steps.push(await measureFanout(started, count, options.events));
          }
          results.fanout = { at: now(), steps };
        });
      }
    } finally {
      await hall?.stop();
    }
  }
  if (wants('sql')) {
    await attempt('sql', async () => {
      results.sql = { at: now(), rows: await measureSqlCounts(options.serverUrl) };
    });
  }
  if (wants('alerts')) {
    await attempt('alerts', async () => {
      results.alerts = {
        at: now(),
        figures: await measureAlertLatency(options.serverUrl, options.alertSamples),
      };
    });
  }
  if (wants('scale')) {
    await attempt('scale', async () => {
      console.log('bench: preparing hall_bench_scale');
      const databaseUrl = await recreateDatabase(options.serverUrl, 'hall_bench_scale');
      await prepareHall(databaseUrl, false);
      // Five ports for the hall, the sixth for its gateway with shared answers off.
      const ports = await freePortRange(6);
      const hall = await startHall(databaseUrl, ports, options.gatewayNodeArgs);
      const scaleSettings = { ...settings, connections: options.scaleConnections };
      try {
        results.scale = {
          at: now(),
          settings: scaleSettings,
          figures: await measureScale(hall, options.scaleCases, scaleSettings, ports + 5),
        };
      } finally {
        await hall.stop();
      }
    });
  }
  return results;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), join(ROOT, 'BENCHMARKS.md'));
  const results = await run(options);
  if (options.write) {
    await writePage(options.output, results);
    console.log(`bench: wrote ${options.output}`);
  }
  for (const verdict of verdicts(results)) {
    console.log(`bench: ${verdict.ok ? 'met   ' : 'MISSED'} ${verdict.target}: ${verdict.figure}`);
  }
  if (results.failures && Object.keys(results.failures).length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
