import { buildCatalogSeed } from '@hall/catalog';
import { appendEvents, hallDateOf, type DomainEvent, type SeedContext } from '@hall/kit';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { CASES_EVENT_SOURCE, type CaseEventPayload } from '../case/case.events';
import { OPEN_STATUSES } from '../case/case.machine';
import { rollUpMonthsFromDays } from '../figures/figures.rollup';
import { seedPartnerConsents } from '../partner/partner.seed';
import { buildCasesSeed, type CaseRow, type StopRow } from './history';

/** Rows per INSERT: big enough to be quick, small enough to keep statements modest. */
const CHUNK = 4000;

export async function isCasesSeeded(em: EntityManager): Promise<boolean> {
  const [row] = await em.execute<{ n: number }[]>(
    `select (select count(*) from cases."case")::int + (select count(*) from cases.applicant)::int as n`,
  );
  return (row?.n ?? 0) > 0;
}

/** The driver connection under a knex transaction: what bulk loads talk to directly. */
interface DriverConnection {
  query(text: string, values: unknown[]): Promise<unknown>;
}

/**
 * Inserts rows through one JSON parameter per chunk: columns come from the table itself. It
 * talks to the seeding transaction's own driver connection, which binds the parameter
 * server-side; the ORM's `execute` would first format megabytes of JSON into the SQL text
 * (seconds of escaping and garbage for the history's hundred thousand rows).
 */
async function insertRows(
  em: EntityManager,
  table: string,
  rows: readonly object[],
): Promise<void> {
  const transaction = em.getTransactionContext<Knex.Transaction>();
  if (!transaction) throw new Error('the cases seed runs inside the seeding transaction');
  const connection = (await transaction.client.acquireConnection()) as DriverConnection;
  for (let start = 0; start < rows.length; start += CHUNK) {
    await connection.query(
      `insert into cases.${table} select * from json_populate_recordset(null::cases.${table}, $1)`,
      [JSON.stringify(rows.slice(start, start + CHUNK))],
    );
  }
}

/**
 * The snapshot a consumer receives of each case still open when the seed ran: decided
 * history is not replayed on the event log, but whatever watches open cases (supervision's
 * timers) learns of every one of them, in the shape of the live events' payload.
 */
function importedEvent(row: CaseRow, stops: readonly StopRow[], occurredAt: Date): DomainEvent {
  const payload: Omit<CaseEventPayload, 'action' | 'clock'> & { action: 'IMPORT' } = {
    caseId: row.id,
    serialNo: row.serial_no,
    action: 'IMPORT',
    fromStatus: null,
    status: row.status,
    departmentId: row.department_id,
    matterId: row.matter_id,
    matterKind: row.matter_kind,
    jointProjectId: row.joint_project_id,
    partnerOrganizationId: row.partner_organization_id,
    receivedOn: row.received_on,
    clockStartedOn: row.clock_started_on,
    decidedOn: row.decided_on,
    promisedLimitDays: row.promised_limit_days,
    statutoryLimitDays: row.statutory_limit_days,
    extensionDays: row.extension_days,
    supplementNoticeLate: row.supplement_notice_late,
    stops: stops.map((stop) => ({
      kind: stop.kind,
      startedOn: stop.started_on,
      endedOn: stop.ended_on,
    })),
    decisionReason: row.decision_reason,
    feeFen: row.fee_fen,
    actor: 'seed',
    reason: null,
  };
  return {
    type: 'CaseImported',
    aggregateType: 'Case',
    aggregateId: row.id,
    occurredAt,
    payload,
  };
}

/**
 * Seeds the hall's case history: the gazette's 2010 and 2011 and the recent years, up to the
 * day before the clock's today, with the daily and monthly figures that go with them.
 */
export async function seedCases(
  em: EntityManager,
  { clock, log, history }: SeedContext,
): Promise<void> {
  if (!history) return;
  const now = clock.now();
  const catalog = buildCatalogSeed();
  const plan = buildCasesSeed(catalog, hallDateOf(now));
  await insertRows(em, '"applicant"', plan.applicants);
  await insertRows(em, '"case"', plan.cases);
  await insertRows(em, 'case_step', plan.steps);
  await insertRows(em, 'clock_stop', plan.stops);
  await insertRows(em, 'case_daily_figure', plan.figures);
  await rollUpMonthsFromDays(em);
  await em.execute(`select setval('cases.case_serial', ?)`, [Math.max(plan.lastSerial, 1)]);
  const open = plan.cases.filter((row) => OPEN_STATUSES.includes(row.status));
  const stopsOf = new Map<string, StopRow[]>();
  for (const stop of plan.stops) {
    const list = stopsOf.get(stop.case_id) ?? [];
    list.push(stop);
    stopsOf.set(stop.case_id, list);
  }
  for (let start = 0; start < open.length; start += CHUNK) {
    await appendEvents(
      em,
      CASES_EVENT_SOURCE,
      open
        .slice(start, start + CHUNK)
        .map((row) => importedEvent(row, stopsOf.get(row.id) ?? [], now)),
    );
  }
  const consents = await seedPartnerConsents(em, catalog, plan.cases, now);
  log.info(
    {
      cases: plan.cases.length,
      open: open.length,
      applicants: plan.applicants.length,
      partnerConsents: consents,
    },
    'cases seeded',
  );
}
