import { dataOf, startTestGraph, type TestGraph } from '@hall/test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, originOf, screenshot, signedInContext, webClientDir } from './web-kit';

// A fresh graph and a real Chromium take a while to start on two cores.
jest.setTimeout(120_000);

let graph: TestGraph;
let browser: Browser;
let page: Page;
let consented: string;
let notConsented: string;

/** A valid resident identity card number (GB 11643-1999) ending in `tail` (two digits). */
function idCard(tail: string): string {
  const first17 = `370687199202021${tail}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

beforeAll(async () => {
  [graph, browser] = await Promise.all([
    startTestGraph({ webClientDir: webClientDir() }),
    launchBrowser(),
  ]);
  const clerk = await graph.tokenFor('ACCEPTANCE_CLERK');
  const catalog = dataOf(
    await graph.query<{
      organizations: { id: string }[];
      matters: { nodes: { id: string }[] };
    }>(
      `{ organizations(kind: BANK) { id } matters(first: 1, filter: { kind: PROMISED }) { nodes { id } } }`,
      {
        token: clerk,
      },
    ),
  );
  const bankId = catalog.organizations[0]!.id;
  const matterId = catalog.matters.nodes[0]!.id;
  const register = async (name: string, tail: string) => {
    const data = dataOf(
      await graph.query<{ registerCase: { serialNo: string; applicant: { id: string } } }>(
        `mutation ($input: RegisterCaseInput!) { registerCase(input: $input) { serialNo applicant { id } } }`,
        {
          variables: {
            input: {
              matterId,
              partnerOrganizationId: bankId,
              applicant: {
                kind: 'PERSON',
                name,
                identityNumber: idCard(tail),
                phone: '13905351234',
              },
            },
          },
          token: clerk,
        },
      ),
    );
    return data.registerCase;
  };
  const withConsent = await register('孙丽', '31');
  const withoutConsent = await register('周强', '42');
  consented = withConsent.serialNo;
  notConsented = withoutConsent.serialNo;
  dataOf(
    await graph.query(
      `mutation ($input: GrantPartnerConsentInput!) { grantPartnerConsent(input: $input) { id } }`,
      {
        variables: {
          input: {
            applicantId: withConsent.applicant.id,
            organizationId: bankId,
            purpose: '贷款审查',
            expiresOn: '2027-05-31',
          },
        },
        token: clerk,
      },
    ),
  );
  const partner = await graph.tokenFor('PARTNER', { organizationId: bankId });
  const context = await signedInContext(browser, partner);
  page = await context.newPage();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await graph?.close();
});

describe('the partner bank view', () => {
  it('lands a partner on its cases, with the contract’s fields only', async () => {
    await page.goto(`${originOf(graph)}/`);
    await page.waitForURL(/\/partner$/);
    const row = page.locator(`[data-testid="partner-cases"] tr[data-serial="${consented}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('已收件');
    const rows = page.locator('[data-testid="partner-cases"] tbody tr');
    expect(await rows.count()).toBe(1);
    const heading = await page.locator('[data-testid="partner-cases"] h2').textContent();
    expect(heading).toContain('可查询办件（1 件）');
    // Only the contract's columns: nothing of the applicant.
    const header = await page.locator('[data-testid="partner-cases"] thead').textContent();
    expect(header).not.toMatch(/申请人|身份证|电话/);
    await screenshot(page, 'partner');
  });

  it('looks a case up by serial number, and says so when the bank may not see it', async () => {
    await page.getByTestId('partner-serial').fill(consented);
    await page.getByTestId('partner-find').click();
    await page.locator(`[data-testid="partner-lookup"] tr[data-serial="${consented}"]`).waitFor();

    await page.getByTestId('partner-serial').fill(notConsented);
    await page.getByTestId('partner-find').click();
    await page.getByTestId('partner-not-found').waitFor();
    expect(await page.getByTestId('partner-not-found').textContent()).toContain(notConsented);
  });

  it('switches to English', async () => {
    await page.getByTestId('language-switch').click();
    await page
      .locator('[data-testid="partner-cases"] h2', { hasText: 'Cases you may follow (1)' })
      .waitFor();
  });
});
