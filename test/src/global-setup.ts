import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './ports';
import { reachableTempDir } from './temp-dir';

/**
 * Without DATABASE_URL the suite brings its own PostgreSQL: an embedded server in a temporary
 * folder, started once for all test files and stopped by the global teardown.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  const port = await freePort();
  const dataDir = reachableTempDir('hall-test-pg-');
  const child = spawn(
    process.execPath,
    [join(__dirname, '..', '..', 'platform', 'dist', 'embedded-cli.js'), dataDir, String(port)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited with ${code}`)));
  });
  const server = new URL(url);
  server.pathname = '/postgres';
  process.env.DATABASE_URL = server.toString();
  (globalThis as { hallEmbeddedDatabase?: typeof child }).hallEmbeddedDatabase = child;
}
