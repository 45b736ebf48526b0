import { performance } from 'node:perf_hooks';
import { GATEWAY_ENTRY_POINT } from '@hall/platform';
import pg from 'pg';
import { measureLoad, type LoadFigures } from '../http-load';
import { body, SCALE_DASHBOARD } from '../operations';
import { graphql, type Hall, type Service } from '../stack';
import type { LoadSettings } from './gateways';

/** The decade the generator fills, and the year of it the second measurement reads. */
export const DECADE = { from: '2015-01-01', to: '2024-12-31' };
export const LAST_YEAR = { from: '2024-01-01', to: '2024-12-31' };

/** The scale query over the decade and over its last year. */
export interface ScaleLoads {
  decade: LoadFigures;
  year: LoadFigures;
}

export interface ScaleFigures {
  cases: number;
  /** Rows of the daily rollup after the generator, and of the monthly ones. */
  rollupRows: number;
  monthlyRollupRows: number;
  /** Absent in results recorded before the department-month rollup existed. */
  departmentMonthlyRollupRows?: number;
  generateSeconds: number;
  /**
   * The same queries on the seeded hall before the generator ran, then after, through the
   * gateway as deployed: identical queries share one answer for up to a second, so a load of
   * one repeated query mostly measures that sharing.
   */
  before: ScaleLoads;
  after: ScaleLoads;
  /**
   * The same, through a second gateway with shared answers off, so every request reads the
   * rollups: what the data costs. Absent in results recorded before it was measured.
   */
  beforeUnshared?: ScaleLoads;
  afterUnshared?: ScaleLoads;
  /**
   * EXPLAIN ANALYZE of the department figures statement over the decade, after (from the
   * department-month rollup: the decade is whole months).
   */
  plan: string;
}

/**
 * Inserts `count` decided cases over 2015–2024 with plain SQL (generate_series), spread over
 * every matter of the catalog and a tenth as many applicants, then adds them to the daily
 * rollup, as each case's steps would have, and rolls both monthly rollups (by matter, by
 * department) up from the days, as the seeded history does: the rollups the dashboards read.
 */
export async function generateCases(
  databaseUrl: string,
  count: number,
): Promise<{
  seconds: number;
  rollupRows: number;
  monthlyRollupRows: number;
  departmentMonthlyRollupRows: number;
}> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = performance.now();
  try {
    await client.query('begin');
    await client.query(`create temporary table bench_matter on commit drop as
      select (row_number() over (order by id) - 1)::int as i, id, department_id, kind,
             promised_limit_days, statutory_limit_days
      from catalog.matter`);
    const matters = Number((await client.query('select count(*) from bench_matter')).rows[0].count);
    const applicants = Math.max(1, Math.ceil(count / 10));
    await client.query(
      `insert into cases.applicant (id, kind, name, identity_number, phone)
       select gen_random_uuid(), 'PERSON', '基准申请人' || g, lpad(g::text, 18, '0'), '139' || lpad(g::text, 8, '0')
       from generate_series(1, $1::int) g`,
      [applicants],
    );
    await client.query(`create temporary table bench_applicant on commit drop as
      select (row_number() over () - 1)::int as i, id from cases.applicant where name like '基准申请人%'`);
    await client.query(
      `insert into cases."case" (id, serial_no, matter_id, department_id, matter_kind,
         promised_limit_days, statutory_limit_days, applicant_id, channel, status, received_at,
         received_on, accepted_on, clock_started_on, missing_materials, decided_on, delivered_on,
         due_on, statutory_due_on, decided_on_time, working_days_taken)
       select gen_random_uuid(), 'BENCH' || lpad(g::text, 10, '0'), m.id, m.department_id, m.kind,
         m.promised_limit_days, m.statutory_limit_days, a.id,
         (array['WINDOW','ONLINE','APPOINTMENT','PROXY'])[1 + g % 4],
         case when g % 50 = 0 then 'COMPLETED_DENIED' else 'DELIVERED' end,
         ((d.day + time '09:00' + (g % 420) * interval '1 minute') at time zone 'Asia/Shanghai'),
         d.day, d.day, d.day, '{}', d.day + d.taken, d.day + d.taken + 1,
         d.day + m.promised_limit_days, d.day + m.statutory_limit_days,
         d.taken <= m.promised_limit_days, d.taken
       from generate_series(1, $1::int) g
       cross join lateral (select date '2015-01-01' + ((g::bigint * 3652) / ($1::int + 1))::int as day,
                                  (g % 9)::int as taken) d
       join bench_matter m on m.i = g % $2::int
       join bench_applicant a on a.i = g % $3::int`,
      [count, matters, applicants],
    );
    await client.query(
      `insert into cases.case_daily_figure as f (hall_date, matter_id, department_id, registered,
         accepted, completed, completed_on_time, denied, working_days_taken)
       select received_on, matter_id, department_id, count(*), count(*), 0, 0, 0, 0
       from cases."case" where serial_no like 'BENCH%' group by 1, 2, 3
       on conflict (hall_date, matter_id) do update set
         registered = f.registered + excluded.registered, accepted = f.accepted + excluded.accepted`,
    );
    await client.query(
      `insert into cases.case_daily_figure as f (hall_date, matter_id, department_id, registered,
         accepted, completed, completed_on_time, denied, working_days_taken)
       select decided_on, matter_id, department_id, 0, 0, count(*),
         count(*) filter (where decided_on_time), count(*) filter (where status = 'COMPLETED_DENIED'),
         sum(working_days_taken)
       from cases."case" where serial_no like 'BENCH%' group by 1, 2, 3
       on conflict (hall_date, matter_id) do update set
         completed = f.completed + excluded.completed,
         completed_on_time = f.completed_on_time + excluded.completed_on_time,
         denied = f.denied + excluded.denied,
         working_days_taken = f.working_days_taken + excluded.working_days_taken`,
    );
    // As the seeded history does after writing days directly: every month set to its days.
    await client.query(
      `insert into cases.case_monthly_figure as m (month, matter_id, department_id, registered,
         accepted, completed, completed_on_time, denied, working_days_taken)
       select date_trunc('month', hall_date::timestamp)::date, matter_id, department_id,
         sum(registered), sum(accepted), sum(completed), sum(completed_on_time), sum(denied),
         sum(working_days_taken)
       from cases.case_daily_figure group by 1, 2, 3
       on conflict (month, matter_id, department_id) do update set
         registered = excluded.registered, accepted = excluded.accepted,
         completed = excluded.completed, completed_on_time = excluded.completed_on_time,
         denied = excluded.denied, working_days_taken = excluded.working_days_taken`,
    );
    // The department months from the matter months just set: the same days, fewer rows to sum.
    await client.query(
      `insert into cases.case_department_monthly_figure as dm (month, department_id, registered,
         accepted, completed, completed_on_time, denied, working_days_taken)
       select month, department_id, sum(registered), sum(accepted), sum(completed),
         sum(completed_on_time), sum(denied), sum(working_days_taken)
       from cases.case_monthly_figure group by 1, 2
       on conflict (month, department_id) do update set
         registered = excluded.registered, accepted = excluded.accepted,
         completed = excluded.completed, completed_on_time = excluded.completed_on_time,
         denied = excluded.denied, working_days_taken = excluded.working_days_taken`,
    );
    await client.query('commit');
    await client.query(
      `analyze cases."case", cases.case_daily_figure, cases.case_monthly_figure,
         cases.case_department_monthly_figure, cases.applicant`,
    );
    const rollupRows = Number(
      (await client.query('select count(*) from cases.case_daily_figure')).rows[0].count,
    );
    const monthlyRollupRows = Number(
      (await client.query('select count(*) from cases.case_monthly_figure')).rows[0].count,
    );
    const departmentMonthlyRollupRows = Number(
      (await client.query('select count(*) from cases.case_department_monthly_figure')).rows[0]
        .count,
    );
    return {
      seconds: (performance.now() - started) / 1000,
      rollupRows,
      monthlyRollupRows,
      departmentMonthlyRollupRows,
    };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * The department-figures statement as the cases subgraph sends it for the decade (all of it
 * whole months, so all of it read from the department-month rollup), for every department of
 * the catalog, as the dashboard asks.
 */
async function departmentPlan(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, buffers) select department_id::text as key, sum(registered)::int,
         sum(accepted)::int, sum(completed)::int, sum(completed_on_time)::int, sum(denied)::int,
         sum(working_days_taken)::int
       from (select month as starts_on, department_id, registered, accepted, completed,
               completed_on_time, denied, working_days_taken
             from cases.case_department_monthly_figure where month between $1 and $2) as figure
       where department_id in (select id from catalog.department)
       group by department_id`,
      [DECADE.from, `${DECADE.to.slice(0, 7)}-01`],
    );
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  } finally {
    await client.end();
  }
}

/**
 * A second gateway of the hall with shared answers off (HALL_SHARED_ANSWERS_MAX_AGE_MS=0), so
 * that every request of the load is planned and read from the subgraphs and their tables.
 */
function startUnsharedGateway(hall: Hall, port: number): Promise<Service> {
  return hall.spawnService('gateway-unshared', GATEWAY_ENTRY_POINT, port, '/ready', {
    env: { HALL_SHARED_ANSWERS_MAX_AGE_MS: '0' },
  });
}

/**
 * Part 6: the dashboard figures (hall, monthly trend, every department) over the decade and
 * over its last year, through the gateway as deployed and through one with shared answers off
 * (listening on `sparePort`), alternately, on the seeded hall, then again after the generator
 * added `count` cases. `hall` must run on its own database.
 */
export async function measureScale(
  hall: Hall,
  count: number,
  settings: LoadSettings,
  sparePort: number,
): Promise<ScaleFigures> {
  const token = await hall.tokenFor('CITY_LEADER');
  const headers = () => ({ authorization: `Bearer ${token}` });
  const run = async (url: string, label: string, period: Record<string, string>) => {
    await graphql(url, SCALE_DASHBOARD, period, headers());
    const figures = await measureLoad(
      { label, url, body: body(SCALE_DASHBOARD, period), headers },
      settings.connections,
      settings.warmupSeconds,
      settings.durationSeconds,
    );
    console.log(`bench: ${label}: ${figures.rps.toFixed(0)} req/s, p95 ${figures.p95} ms`);
    return figures;
  };
  const unshared = await startUnsharedGateway(hall, sparePort);
  try {
    // Each period as deployed, then with sharing off, so both see the machine alike.
    const both = async (data: string) => {
      const decade = await run(hall.gateway.url, `${data}, decade`, DECADE);
      const decadeUnshared = await run(unshared.url, `${data}, decade, shared answers off`, DECADE);
      const year = await run(hall.gateway.url, `${data}, one year`, LAST_YEAR);
      const yearUnshared = await run(
        unshared.url,
        `${data}, one year, shared answers off`,
        LAST_YEAR,
      );
      return {
        deployed: { decade, year },
        unshared: { decade: decadeUnshared, year: yearUnshared },
      };
    };
    const before = await both('seeded hall');
    console.log(`bench: generating ${count} cases`);
    const generated = await generateCases(hall.databaseUrl, count);
    console.log(
      `bench: generated in ${generated.seconds.toFixed(0)} s, ${generated.rollupRows} daily, ` +
        `${generated.monthlyRollupRows} matter-month and ` +
        `${generated.departmentMonthlyRollupRows} department-month rollup rows`,
    );
    const after = await both(`${count.toLocaleString('en')} cases`);
    return {
      cases: count,
      rollupRows: generated.rollupRows,
      monthlyRollupRows: generated.monthlyRollupRows,
      departmentMonthlyRollupRows: generated.departmentMonthlyRollupRows,
      generateSeconds: generated.seconds,
      before: before.deployed,
      after: after.deployed,
      beforeUnshared: before.unshared,
      afterUnshared: after.unshared,
      plan: await departmentPlan(hall.databaseUrl),
    };
  } finally {
    await unshared.stop();
  }
}
