import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestGraph } from '@hall/test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * What the browser tests share: the built client, Debian's Chromium, a page signed in with a
 * role's token, and screenshots kept as artifacts of the run.
 */

const ROOT = resolve(__dirname, '..', '..');
export const SCREENSHOT_DIR = join(ROOT, 'test-artifacts', 'screenshots');

/** web-client/dist, which `npm test` builds (turbo) before jest starts. */
export function webClientDir(): string {
  const dir = join(ROOT, 'web-client', 'dist');
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error('web-client/dist is not built: run `npm run build` (npm test does it)');
  }
  return dir;
}

/** Chromium as Debian packages it (`npm run browser:install`); never a downloaded build. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The page's origin: the gateway serves the client beside /graphql. */
export function originOf(graph: TestGraph): string {
  return graph.gatewayUrl.replace(/\/graphql$/, '');
}

/**
 * A browser context signed in as the holder of `token` (kept in localStorage, as the sign-in
 * page keeps a pasted one), in Chinese unless told otherwise.
 */
export async function signedInContext(
  browser: Browser,
  token: string | null,
  options: { width?: number; height?: number; language?: 'zh' | 'en' } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1600, height: options.height ?? 1000 },
    locale: options.language === 'en' ? 'en-GB' : 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  // Runs in the page before its own scripts; a string, since this file is not typed for the DOM.
  const entries = { 'hall.token': token, 'hall.language': options.language ?? null };
  await context.addInitScript({
    content: `for (const [key, value] of Object.entries(${JSON.stringify(entries)})) {
      if (value && !localStorage.getItem(key)) localStorage.setItem(key, value);
    }`,
  });
  return context;
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  // From the top, so the sticky bar of the shell is where a person sees it.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path, fullPage });
  return path;
}

/** A matcher for a locator's whole text: `hasText` with a string matches substrings. */
export function exactly(text: string | number): RegExp {
  return new RegExp(`^\\s*${String(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}
