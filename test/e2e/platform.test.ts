import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort, freePortRange, reachableTempDir } from '@hall/test';

/**
 * The zero-setup run a newcomer gets from `npm start`: no DATABASE_URL, so the platform
 * starts its own embedded PostgreSQL, migrates, seeds, starts five processes and serves the
 * hall through the gateway; Ctrl-C stops it all.
 */
describe('npm start with the embedded default', () => {
  it('serves the seeded hall through the gateway and stops cleanly on SIGINT', async () => {
    const basePort = await freePortRange(5);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HALL_PORT: String(basePort),
      HALL_EMBEDDED_PG_PORT: String(await freePort()),
      HALL_DATA_DIR: reachableTempDir('hall-platform-'),
      LOG_LEVEL: 'warn',
    };
    delete env.DATABASE_URL;
    const platform = spawn(
      process.execPath,
      [join(__dirname, '..', '..', 'platform', 'dist', 'main.js')],
      {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    platform.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    platform.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) =>
      platform.once('exit', (code) => resolve(code)),
    );

    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setInterval(() => {
          if (output.includes('Press Ctrl-C to stop.')) {
            clearInterval(timer);
            resolve();
          }
          if (platform.exitCode !== null) {
            clearInterval(timer);
            reject(new Error(`platform exited early:\n${output}`));
          }
        }, 100);
      });
      const gatewayUrl = `http://127.0.0.1:${basePort}/graphql`;
      expect(output).toContain(gatewayUrl);
      const response = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: '{ hall { figures { departments activeMatters windows staff } } }',
        }),
      });
      expect(await response.json()).toEqual({
        data: {
          hall: { figures: { departments: 33, activeMatters: 502, windows: 223, staff: 210 } },
        },
      });
      const ready = await fetch(`http://127.0.0.1:${basePort}/ready`);
      expect(ready.status).toBe(200);
    } finally {
      platform.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('Stopped.');
  }, 300_000);
});
