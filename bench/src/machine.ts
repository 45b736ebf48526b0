import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import pg from 'pg';

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  postgres: string;
  kernel: string;
  loadAtStart: string;
  startedAt: string;
}

/** What the figures were measured on. */
export async function machineInfo(serverUrl: string): Promise<MachineInfo> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  let postgres = 'unknown';
  try {
    const { rows } = await client.query<{ server_version: string }>('show server_version');
    postgres = rows[0]?.server_version ?? postgres;
  } finally {
    await client.end();
  }
  let kernel: string = process.platform;
  try {
    kernel = execFileSync('uname', ['-sr'], { encoding: 'utf8' }).trim();
  } catch {
    // Not a Unix: the platform name will do.
  }
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    postgres,
    kernel,
    loadAtStart: loadavg()
      .map((value) => value.toFixed(2))
      .join(' '),
    startedAt: new Date().toISOString(),
  };
}
