import type { ChildProcess } from 'node:child_process';

/**
 * Waits until a service started as `child` answers `probe` (by default a GET of `url`, its
 * readiness path) with a 2xx; fails as soon as the process exits, or after `timeoutMs`.
 */
export async function waitUntilReady(
  url: string,
  child: ChildProcess,
  probe: () => Promise<{ ok: boolean }> = () => fetch(url),
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url} exited with code ${child.exitCode}`);
    try {
      if ((await probe()).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} was not ready within ${timeoutMs} ms`);
}

/** Stops a service with SIGTERM, and SIGKILL if it has not exited ten seconds later. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
