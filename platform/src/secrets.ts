import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The secrets of one platform: kept in its data folder so they outlive a restart. */
export interface PlatformSecrets {
  /** HS256 secret of client tokens (HALL_TOKEN_SECRET). */
  tokenSecret: string;
  /** Secret the gateway signs forwarded identities with (HALL_INTERNAL_SECRET). */
  internalSecret: string;
}

/** `<data dir>/secrets.json`, readable by its owner only. */
export function secretsFile(dataDir: string): string {
  return join(dataDir, 'secrets.json');
}

function readStored(file: string): Partial<PlatformSecrets> {
  if (!existsSync(file)) return {};
  const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<PlatformSecrets>;
  return {
    ...(typeof stored.tokenSecret === 'string' && { tokenSecret: stored.tokenSecret }),
    ...(typeof stored.internalSecret === 'string' && { internalSecret: stored.internalSecret }),
  };
}

/**
 * The platform's secrets: HALL_TOKEN_SECRET and HALL_INTERNAL_SECRET when set; otherwise the
 * ones generated on an earlier start and kept in `<data dir>/secrets.json` (mode 0600),
 * generated and kept there now if there are none. So the tokens `npm start` prints, and those
 * `npm run token` makes, stay valid across restarts.
 */
export function platformSecrets(dataDir: string): PlatformSecrets {
  const file = secretsFile(dataDir);
  const stored = readStored(file);
  const fromEnv = {
    tokenSecret: process.env.HALL_TOKEN_SECRET || undefined,
    internalSecret: process.env.HALL_INTERNAL_SECRET || undefined,
  };
  const kept = {
    tokenSecret: stored.tokenSecret ?? (fromEnv.tokenSecret ? undefined : generate()),
    internalSecret: stored.internalSecret ?? (fromEnv.internalSecret ? undefined : generate()),
  };
  if (kept.tokenSecret !== stored.tokenSecret || kept.internalSecret !== stored.internalSecret) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(kept, null, 2)}\n`, { mode: 0o600 });
    // writeFile's mode applies only to a new file.
    chmodSync(file, 0o600);
  }
  return {
    tokenSecret: fromEnv.tokenSecret ?? kept.tokenSecret!,
    internalSecret: fromEnv.internalSecret ?? kept.internalSecret!,
  };
}

/** The token secret a running platform uses, for `npm run token`; undefined if none yet. */
export function tokenSecretOf(dataDir: string): string | undefined {
  return process.env.HALL_TOKEN_SECRET || readStored(secretsFile(dataDir)).tokenSecret;
}

function generate(): string {
  return randomBytes(32).toString('base64url');
}
