import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The version of Hive Gateway the bench compares with, pinned. */
export const HIVE_GATEWAY_VERSION = '2.15.1';

/**
 * Installs Hive Gateway into `directory` (bench/.peers, git-ignored) on first use, outside the
 * project's workspaces and lockfile, so `npm ci` of the project never fetches it.
 */
export function ensureHiveGateway(directory: string): void {
  const marker = join(directory, 'node_modules', '@graphql-hive', 'gateway', 'package.json');
  if (existsSync(marker)) {
    const installed = (
      JSON.parse(
        execFileSync(
          process.execPath,
          ['-p', `JSON.stringify(require(${JSON.stringify(marker)}))`],
          {
            encoding: 'utf8',
          },
        ),
      ) as { version: string }
    ).version;
    if (installed === HIVE_GATEWAY_VERSION) return;
  }
  mkdirSync(directory, { recursive: true });
  writeFileSync(
    join(directory, 'package.json'),
    `${JSON.stringify({ name: 'hall-bench-peers', private: true }, null, 2)}\n`,
  );
  console.log(`bench: installing @graphql-hive/gateway@${HIVE_GATEWAY_VERSION} into ${directory}`);
  execFileSync(
    'npm',
    [
      'install',
      '--prefix',
      directory,
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      `@graphql-hive/gateway@${HIVE_GATEWAY_VERSION}`,
    ],
    { stdio: 'inherit' },
  );
}
