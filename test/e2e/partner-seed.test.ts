import { buildCatalogSeed } from '@hall/catalog';
import { dataOf, startTestGraph, type TestGraph } from '@hall/test';

/** The seeded hall: the partner token `npm start` prints sees real cases at once. */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph({ history: true });
}, 180_000);
afterAll(() => graph.close());

it('gives the first bank consents over the applicants of its latest cases', async () => {
  const bank = buildCatalogSeed().organizations.find(
    (organization) => organization.kind === 'BANK',
  )!;
  const partner = await graph.tokenFor('PARTNER', { organizationId: bank.id });
  const response = await fetch(graph.gatewayUrl.replace(/\/graphql$/, '/partner/graphql'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${partner}` },
    body: JSON.stringify({
      query: '{ partnerCases(first: 50) { totalCount nodes { serialNo status matter { name } } } }',
    }),
  });
  const { data } = (await response.json()) as {
    data: { partnerCases: { totalCount: number; nodes: { serialNo: string }[] } };
  };
  expect(data.partnerCases.totalCount).toBeGreaterThanOrEqual(6);
  expect(data.partnerCases.nodes.length).toBe(data.partnerCases.totalCount);

  const admin = await graph.tokenFor('SERVICE_BUREAU_ADMIN');
  const consents = dataOf(
    await graph.query<{ partnerConsents: { nodes: { status: string; purpose: string }[] } }>(
      `query ($bank: ID!) { partnerConsents(first: 50, filter: { organizationId: $bank }) { nodes { status purpose } } }`,
      { variables: { bank: bank.id }, token: admin },
    ),
  );
  const statuses = consents.partnerConsents.nodes.map((consent) => consent.status).sort();
  expect(statuses).toEqual([...Array(6).fill('ACTIVE'), 'EXPIRED', 'REVOKED']);
  const reads = dataOf(
    await graph.query<{ partnerReads: { totalCount: number } }>(
      `query ($bank: ID!) { partnerReads(filter: { organizationId: $bank }) { totalCount } }`,
      { variables: { bank: bank.id }, token: admin },
    ),
  );
  expect(reads.partnerReads.totalCount).toBe(data.partnerCases.totalCount);
});
