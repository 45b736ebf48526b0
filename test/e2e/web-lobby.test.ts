import { dataOf, raiseLightOnCase, startTestGraph, type TestGraph } from '@hall/test';
import type { Browser, Page } from 'playwright-core';
import {
  exactly,
  launchBrowser,
  originOf,
  screenshot,
  signedInContext,
  webClientDir,
} from './web-kit';

// A fresh graph and a real Chromium take a while to start on two cores.
jest.setTimeout(120_000);

let graph: TestGraph;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [graph, browser] = await Promise.all([
    startTestGraph({ webClientDir: webClientDir() }),
    launchBrowser(),
  ]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await graph?.close();
});

describe('the lobby display', () => {
  it('is set up from its URL and follows the hall live, with nobody touching it', async () => {
    const lobbyToken = await graph.tokenFor('LOBBY_DISPLAY');
    const clerk = await graph.tokenFor('ACCEPTANCE_CLERK');
    const supervisor = await graph.tokenFor('SUPERVISION_STAFF');
    // A screen of the hall: 1920 × 1080, no token stored yet.
    const context = await signedInContext(browser, null, { width: 1920, height: 1080 });
    page = await context.newPage();
    await page.goto(`${originOf(graph)}/lobby?token=${lobbyToken}`);

    await page
      .getByTestId('lobby-visitors-value')
      .filter({ hasText: exactly(0) })
      .waitFor();
    // The token is kept for the next start of the screen and taken out of the address.
    expect(new URL(page.url()).search).toBe('');
    expect(await page.evaluate("localStorage.getItem('hall.token')")).toBe(lobbyToken);
    await page.locator('[data-testid="lobby"][data-live="connected"]').waitFor();

    // A visitor takes a ticket at the machine: the screen counts them without a reload.
    dataOf(await graph.query('mutation { takeTicket { id } }', { token: clerk }));
    await page
      .getByTestId('lobby-visitors-value')
      .filter({ hasText: exactly(1) })
      .waitFor();
    await page
      .getByTestId('lobby-waiting-value')
      .filter({ hasText: exactly(1) })
      .waitFor();

    // A case is registered, and supervision lights it red: the light and its department show.
    const matter = dataOf(
      await graph.query<{ matters: { nodes: { id: string; department: { id: string } }[] } }>(
        '{ matters(first: 1, filter: { kind: PROMISED }) { nodes { id department { id } } } }',
      ),
    ).matters.nodes[0]!;
    const registered = dataOf(
      await graph.query<{ registerCase: { id: string } }>(
        `mutation ($input: RegisterCaseInput!) { registerCase(input: $input) { id } }`,
        {
          variables: {
            input: {
              matterId: matter.id,
              applicant: {
                kind: 'PERSON',
                name: '王海燕',
                identityNumber: '370687198803152411',
                phone: '13805351234',
              },
            },
          },
          token: clerk,
        },
      ),
    ).registerCase;
    await page
      .getByTestId('lobby-cases-value')
      .filter({ hasText: exactly(1) })
      .waitFor();
    await raiseLightOnCase(graph, {
      token: supervisor,
      caseId: registered.id,
      level: 'RED',
      reason: '窗口拒收材料，群众现场反映',
    });
    await page
      .getByTestId('lobby-red')
      .filter({ hasText: exactly(1) })
      .waitFor();
    await page
      .getByTestId('lobby-departments')
      .locator(`[data-department="${matter.department.id}"]`)
      .waitFor();
    await screenshot(page, 'lobby', false);

    // The gateway is redeployed: the screen loses its connection, finds it again by itself,
    // and goes on counting.
    await graph.restartGateway();
    await page.locator('[data-testid="lobby"][data-live="connected"]').waitFor();
    dataOf(await graph.query('mutation { takeTicket { id } }', { token: clerk }));
    await page
      .getByTestId('lobby-visitors-value')
      .filter({ hasText: exactly(2) })
      .waitFor();
    await context.close();
  });
});
