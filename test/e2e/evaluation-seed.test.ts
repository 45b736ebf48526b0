import { createLogger, ManualClock } from '@hall/kit';
import { SUBGRAPH_RUNTIMES } from '@hall/platform';
import { createTestDatabase, sqlRows, type TestDatabase } from '@hall/test';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe('the evaluation seed in the database', () => {
  it('holds the gazette’s review rounds only with history, and runs once', async () => {
    const evaluation = SUBGRAPH_RUNTIMES.find((runtime) => runtime.name === 'evaluation')!;
    const options = {
      databaseUrl: database.url,
      seed: true,
      clock: new ManualClock('2026-11-24T09:00:00+08:00'),
      logger: createLogger('test', 'silent'),
    };
    expect(await evaluation.prepare({ ...options, history: false })).toMatchObject({
      seeded: true,
    });
    const rounds = () =>
      sqlRows<{ year: number; raters: number; units: number; scores: number; status: string }>(
        database.url,
        `select r.year, r.status,
                (select sum(raters) from evaluation.review_panel p where p.round_id = r.id)::int as raters,
                (select count(*) from evaluation.review_unit u where u.round_id = r.id)::int as units,
                (select count(*) from evaluation.review_score s where s.round_id = r.id)::int as scores
           from evaluation.review_round r order by r.year`,
      );
    expect(await rounds()).toEqual([]);
    await evaluation.prepare({ ...options, history: true });
    const seeded = await rounds();
    expect(seeded).toEqual([
      { year: 2010, status: 'PUBLISHED', raters: 430 + 183 + 17 + 30, units: 31, scores: 31 * 4 },
      { year: 2011, status: 'PUBLISHED', raters: 235 + 80 + 28 + 17, units: 44, scores: 44 * 4 },
    ]);
    expect(await evaluation.prepare({ ...options, history: true })).toMatchObject({
      seeded: false,
    });
    expect(await rounds()).toEqual(seeded);
  });
});
