import { dataOf, startTestGraph, type TestGraph } from '@hall/test';
import type { Browser, Page } from 'playwright-core';
import {
  exactly,
  launchBrowser,
  originOf,
  screenshot,
  signedInContext,
  webClientDir,
} from './web-kit';

// The graph with its case history and a real Chromium take a while to start on two cores.
jest.setTimeout(180_000);

let graph: TestGraph;
let browser: Browser;
let origin: string;
let leader: string;

beforeAll(async () => {
  [graph, browser] = await Promise.all([
    startTestGraph({ history: true, webClientDir: webClientDir() }),
    launchBrowser(),
  ]);
  origin = originOf(graph);
  leader = await graph.tokenFor('CITY_LEADER');
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await graph?.close();
});

const zh = (value: number) => value.toLocaleString('zh-CN');
const percent = (rate: number | null) => (rate == null ? '—' : `${(rate * 100).toFixed(1)}%`);

interface DepartmentFigures {
  id: string;
  name: string;
  caseFigures: { registered: number; completed: number; onTimeRate: number | null };
}

async function leaderPage(path: string): Promise<Page> {
  const context = await signedInContext(browser, leader);
  const page = await context.newPage();
  await page.goto(`${origin}${path}`);
  return page;
}

describe('the dashboard', () => {
  it('shows the seeded hall and the figures the gateway answers, by department, matter and case', async () => {
    const truth = dataOf(
      await graph.query<{
        hall: { figures: { departments: number; activeMatters: number; windows: number } };
        hallToday: { hallDate: string };
        caseFigures: { registered: number; completed: number; onTimeRate: number | null };
        departments: { nodes: DepartmentFigures[] };
      }>(
        `{
          hall { figures { departments activeMatters windows } }
          hallToday { hallDate }
          caseFigures(from: "2026-01-01", to: "2026-11-24") { registered completed onTimeRate }
          departments(first: 100) {
            nodes { id name caseFigures(from: "2026-01-01", to: "2026-11-24") { registered completed onTimeRate } }
          }
        }`,
        { token: leader },
      ),
    );
    expect(truth.hall.figures).toEqual({ departments: 33, activeMatters: 502, windows: 223 });
    expect(truth.hallToday.hallDate).toBe('2026-11-24');
    expect(truth.caseFigures.registered).toBeGreaterThan(0);

    const page = await leaderPage('/');
    await page
      .getByTestId('hall-departments')
      .filter({ hasText: exactly(33) })
      .waitFor();
    await page
      .getByTestId('hall-matters')
      .filter({ hasText: exactly(502) })
      .waitFor();
    await page
      .getByTestId('hall-windows')
      .filter({ hasText: exactly(223) })
      .waitFor();

    // The default period is this year up to the hall's today.
    await page
      .getByTestId('period-registered-value')
      .filter({ hasText: exactly(zh(truth.caseFigures.registered)) })
      .waitFor();
    await page
      .getByTestId('period-completed-value')
      .filter({ hasText: exactly(zh(truth.caseFigures.completed)) })
      .waitFor();
    await page
      .getByTestId('period-ontime-value')
      .filter({ hasText: exactly(percent(truth.caseFigures.onTimeRate)) })
      .waitFor();

    // The table opens sorted by cases registered, busiest first; each row says what the
    // gateway says of that department.
    const table = page.getByTestId('department-table');
    const byRegistered = [...truth.departments.nodes].sort(
      (a, b) => b.caseFigures.registered - a.caseFigures.registered,
    );
    for (const department of byRegistered.slice(0, 5)) {
      const row = table.locator(`tr[data-row="${department.id}"]`);
      await row
        .locator('[data-cell="registered"]')
        .filter({ hasText: exactly(zh(department.caseFigures.registered)) })
        .waitFor();
      expect(await row.locator('[data-cell="completed"]').textContent()).toBe(
        zh(department.caseFigures.completed),
      );
      expect(await row.locator('[data-cell="onTimeRate"]').textContent()).toBe(
        percent(department.caseFigures.onTimeRate),
      );
    }
    const busiest = byRegistered[0]!;
    const quietest = byRegistered[byRegistered.length - 1]!;
    expect(await table.locator('tbody tr').first().getAttribute('data-row')).toBe(busiest.id);
    expect(await table.locator('tbody tr').count()).toBe(12);
    await table.getByText(/共 33 条/).waitFor();
    await page.getByTestId('trend-chart').locator('svg').first().waitFor();
    await screenshot(page, 'dashboard');

    // Sorting the other way puts the quietest department first.
    await table.locator('button[data-column="registered"]').click();
    await table
      .locator('tbody tr')
      .first()
      .locator('[data-cell="registered"]')
      .filter({ hasText: exactly(zh(quietest.caseFigures.registered)) })
      .waitFor();
    // Filtering by name leaves that department alone.
    await table.getByRole('searchbox').fill(busiest.name);
    await table.locator(`tr[data-row="${busiest.id}"]`).waitFor();
    expect(await table.locator('tbody tr').count()).toBe(1);

    // Drill down: department, then its busiest matter, then one of its cases.
    await table.locator(`tr[data-row="${busiest.id}"] [data-cell="name"]`).click();
    await page.waitForURL(`**/departments/${busiest.id}`);
    await page.getByTestId('department-name').filter({ hasText: busiest.name }).waitFor();
    await page
      .getByTestId('dept-registered-value')
      .filter({ hasText: exactly(zh(busiest.caseFigures.registered)) })
      .waitFor();
    const matterTable = page.getByTestId('matter-table');
    await matterTable.locator('tbody tr[data-row]').first().waitFor();
    await screenshot(page, 'dashboard-department');
    const matterId = await matterTable
      .locator('tbody tr[data-row]')
      .first()
      .getAttribute('data-row');
    const matterTruth = dataOf(
      await graph.query<{ matter: { name: string; caseFigures: { registered: number } } }>(
        `{ matter(id: "${matterId}") { name caseFigures(from: "2026-01-01", to: "2026-11-24") { registered } } }`,
        { token: leader },
      ),
    ).matter;
    await matterTable.locator('tbody tr[data-row]').first().locator('[data-cell="name"]').click();
    await page.waitForURL(`**/matters/${matterId}`);
    await page.getByTestId('matter-name').filter({ hasText: matterTruth.name }).waitFor();
    await page
      .getByTestId('matter-registered-value')
      .filter({ hasText: exactly(zh(matterTruth.caseFigures.registered)) })
      .waitFor();
    await page
      .getByTestId('case-total')
      .filter({ hasText: exactly(matterTruth.caseFigures.registered) })
      .waitFor();
    const firstCase = page.getByTestId('case-list').locator('tbody tr[data-row]').first();
    const serialNo = (await firstCase.locator('a').textContent())!;
    await firstCase.locator('a').click();
    await page
      .getByTestId('case-serial')
      .filter({ hasText: exactly(serialNo) })
      .waitFor();
    expect(await page.getByTestId('case-timeline').locator('li').count()).toBeGreaterThan(0);
    await screenshot(page, 'dashboard-case');

    // The English switch.
    await page.getByTestId('language-switch').click();
    await page.getByText('Timeline', { exact: true }).waitFor();
    await page.context().close();
  });
});

describe('a clerk moves a case and the dashboard reflects it', () => {
  it('registers, accepts, reviews and approves at the desk; the leader sees it after a refresh', async () => {
    const clerk = await graph.tokenFor('ACCEPTANCE_CLERK');
    const matter = dataOf(
      await graph.query<{
        matters: { nodes: { id: string; name: string; department: { id: string } }[] };
      }>(
        '{ matters(first: 100, filter: { kind: PROMISED }) { nodes { id name department { id } } } }',
        {
          token: clerk,
        },
      ),
    ).matters.nodes[0]!;
    const before = dataOf(
      await graph.query<{
        hallToday: { casesRegistered: number; casesCompleted: number };
        department: { caseFigures: { registered: number } };
      }>(
        `{ hallToday { casesRegistered casesCompleted }
           department(id: "${matter.department.id}") { caseFigures(from: "2026-11-24", to: "2026-11-24") { registered } } }`,
        { token: leader },
      ),
    );

    const dashboard = await leaderPage('/?period=today');
    await dashboard
      .getByTestId('today-registered-value')
      .filter({ hasText: exactly(before.hallToday.casesRegistered) })
      .waitFor();
    const departmentRow = dashboard
      .getByTestId('department-table')
      .locator(`tr[data-row="${matter.department.id}"] [data-cell="registered"]`);
    await departmentRow
      .filter({ hasText: exactly(before.department.caseFigures.registered) })
      .waitFor();

    const context = await signedInContext(browser, clerk);
    const desk = await context.newPage();
    await desk.goto(`${origin}/desk`);

    // The queue: a ticket taken and called to the chosen window.
    await desk
      .getByTestId('window-select')
      .locator('option')
      .first()
      .waitFor({ state: 'attached' });
    await desk.getByTestId('take-ticket').click();
    await desk.getByText(/已取号 A001/).waitFor();
    await desk.getByTestId('call-next').click();
    await desk.getByTestId('ticket-in-hand').filter({ hasText: 'A001' }).waitFor();

    // Registration with the one-time notice of the matter's materials.
    await desk.getByTestId('matter-search').fill(matter.name);
    await desk.locator(`button[data-matter="${matter.id}"]`).click();
    await desk.getByTestId('one-time-notice').locator('li').first().waitFor();
    await desk.getByTestId('applicant-name').fill('王海燕');
    await desk.getByTestId('applicant-id').fill('370687198803152411');
    await desk.getByTestId('applicant-phone').fill('13805351234');
    await desk.getByTestId('register-submit').click();
    await desk.getByTestId('registered').waitFor();
    const view = desk.getByTestId('case-view');
    await view.and(desk.locator('[data-status="RECEIVED"]')).waitFor();
    const serialNo = (await desk.getByTestId('case-serial').textContent())!;
    expect(serialNo).toMatch(/^20261124-/);

    // Only the steps the graph allows are offered.
    const steps = desk.getByTestId('case-steps');
    const offered = await steps
      .locator('button[data-action]')
      .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-action')));
    expect(offered).toEqual(expect.arrayContaining(['ACCEPT', 'REFUSE', 'REQUEST_SUPPLEMENT']));
    expect(offered).not.toContain('APPROVE');

    await steps.locator('button[data-action="ACCEPT"]').click();
    await desk.locator('[data-testid="case-view"][data-status="ACCEPTED"]').waitFor();
    await desk.getByTestId('case-clock').waitFor();
    await steps.locator('button[data-action="START_REVIEW"]').click();
    await desk.locator('[data-testid="case-view"][data-status="UNDER_REVIEW"]').waitFor();
    await steps.locator('button[data-action="APPROVE"]').click();
    await desk.getByTestId('step-submit').click();
    await desk.locator('[data-testid="case-view"][data-status="COMPLETED_APPROVED"]').waitFor();
    expect(
      await desk
        .getByTestId('case-timeline')
        .locator('li')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-action'))),
    ).toEqual(['REGISTER', 'ACCEPT', 'START_REVIEW', 'APPROVE']);
    await screenshot(desk, 'desk');

    // The gateway counts it, and so does the leader's dashboard once refreshed.
    const after = dataOf(
      await graph.query<{ hallToday: { casesRegistered: number; casesCompleted: number } }>(
        '{ hallToday { casesRegistered casesCompleted } }',
        { token: leader },
      ),
    ).hallToday;
    expect(after.casesRegistered).toBe(before.hallToday.casesRegistered + 1);
    expect(after.casesCompleted).toBe(before.hallToday.casesCompleted + 1);
    await dashboard.getByTestId('refresh').click();
    await dashboard
      .getByTestId('today-registered-value')
      .filter({ hasText: exactly(after.casesRegistered) })
      .waitFor();
    await dashboard
      .getByTestId('today-completed-value')
      .filter({ hasText: exactly(after.casesCompleted) })
      .waitFor();
    await departmentRow
      .filter({ hasText: exactly(before.department.caseFigures.registered + 1) })
      .waitFor();
    await dashboard
      .getByTestId('period-registered-value')
      .filter({ hasText: exactly(after.casesRegistered) })
      .waitFor();
    await context.close();
    await dashboard.context().close();
  });
});

describe('the supervision view', () => {
  it('lists the lights lit on the seeded cases and lets supervision acknowledge and escalate', async () => {
    const supervisor = await graph.tokenFor('SUPERVISION_STAFF');
    const lit = dataOf(
      await graph.query<{ alertLights: { totalCount: number; nodes: { id: string }[] } }>(
        '{ alertLights(first: 1) { totalCount nodes { id } } }',
        { token: supervisor },
      ),
    ).alertLights;
    expect(lit.totalCount).toBeGreaterThan(0);
    const context = await signedInContext(browser, supervisor);
    const page = await context.newPage();
    await page.goto(`${origin}/supervision`);
    const row = page.getByTestId('light-table').locator(`tr[data-row="${lit.nodes[0]!.id}"]`);
    await row.waitFor();
    await row.locator('button[data-light-action="escalate"]').click();
    await page.getByTestId('light-note').fill('请部门三日内办结');
    await page.getByTestId('light-note').press('Enter');
    await row.locator('.light-escalated').waitFor();
    const escalated = dataOf(
      await graph.query<{ alertLight: { escalated: boolean } }>(
        `{ alertLight(id: "${lit.nodes[0]!.id}") { escalated } }`,
        { token: supervisor },
      ),
    ).alertLight;
    expect(escalated.escalated).toBe(true);
    await screenshot(page, 'supervision', false);
    await context.close();
  });
});
