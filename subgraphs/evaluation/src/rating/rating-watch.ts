import type { CaseEventPayload } from '@hall/cases';
import {
  createEventConsumer,
  hallDateOf,
  type Clock,
  type HallOrm,
  type Logger,
  type RecordedEvent,
  type Stoppable,
} from '@hall/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { appendEvaluationEvents } from '../evaluation-work';
import { SupervisionSignal } from '../grade/supervision-signal.entity';
import { FinishedCase } from './finished-case.entity';
import {
  Rating,
  RATING_WINDOW_DAYS,
  RatingLevel,
  RatingStatus,
  RatingSubject,
} from './rating.entity';
import { ratingEvent } from './rating.events';

/** How often the nearest default moment is compared with the clock. */
const TICK_MS = 200;
const DAY_MS = 24 * 3600_000;
/** The actor recorded on what the watch does by itself. */
const WATCH_ACTOR = 'evaluation:watch';

const DECIDED_EVENTS = new Set(['CaseApproved', 'CaseDenied']);

export interface RatingWatchOptions {
  orm: HallOrm;
  databaseUrl: string;
  clock: Clock;
  log: Logger;
}

/**
 * Evaluation's watch. It follows the cases subgraph's event log: a decided case opens its
 * pending rating (once: the rating is unique per case) and is kept in evaluation's own view
 * of finished cases with its on-time status. It follows supervision's log for the lights
 * and complaints the grades count. And it defaults pending ratings to basically satisfied
 * when their 7 days pass on the injected clock: the nearest due moment is held in memory and
 * compared with the clock five times a second; the due moments themselves are in the rating
 * table, so a restarted process defaults at once what passed while it was down.
 */
export interface RatingWatch extends Stoppable {
  start(): Promise<void>;
  /** Applies what both logs hold now and defaults what is due now; for tests and restarts. */
  settle(): Promise<void>;
}

type CasePayload = Partial<CaseEventPayload> & Pick<CaseEventPayload, 'caseId'>;

interface SupervisionPayload {
  departmentId?: string;
  level?: string;
}

export function createRatingWatch(options: RatingWatchOptions): RatingWatch {
  const { orm, clock, log } = options;
  let nextDueAt: number | null = null;
  let ticker: NodeJS.Timeout | undefined;
  let working: Promise<void> = Promise.resolve();
  let stopped = false;

  const schedule = (at: Date) => {
    const time = at.getTime();
    if (nextDueAt === null || time < nextDueAt) nextDueAt = time;
  };

  async function handleCases(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    for (const event of events) {
      if (event.aggregateType !== 'Case' || !DECIDED_EVENTS.has(event.type)) continue;
      const payload = event.payload as CasePayload;
      if (!payload.departmentId || !payload.matterId) continue;
      const decidedOn = payload.decidedOn ?? hallDateOf(event.occurredAt);
      await tx.upsert(FinishedCase, {
        caseId: payload.caseId,
        serialNo: payload.serialNo ?? payload.caseId,
        departmentId: payload.departmentId,
        matterId: payload.matterId,
        decidedOn,
        onTime: payload.clock?.onTime ?? true,
      });
      const existing = await tx.findOne(Rating, { caseId: payload.caseId });
      if (existing) continue;
      const openedAt = new Date(event.occurredAt);
      const rating = tx.create(Rating, {
        id: randomUUID(),
        subject: RatingSubject.CASE,
        caseId: payload.caseId,
        serialNo: payload.serialNo ?? null,
        departmentId: payload.departmentId,
        status: RatingStatus.PENDING,
        openedAt,
        dueAt: new Date(openedAt.getTime() + RATING_WINDOW_DAYS * DAY_MS),
      });
      await tx.flush();
      await appendEvaluationEvents(tx, [
        ratingEvent('RatingOpened', rating, WATCH_ACTOR, openedAt),
      ]);
      schedule(rating.dueAt);
    }
  }

  async function handleSupervision(
    events: readonly RecordedEvent[],
    tx: EntityManager,
  ): Promise<void> {
    for (const event of events) {
      const payload = event.payload as SupervisionPayload;
      if (!payload.departmentId) continue;
      const light =
        event.aggregateType === 'AlertLight' &&
        (event.type === 'LightRaised' || event.type === 'LightRose');
      const complaint = event.aggregateType === 'Complaint' && event.type === 'ComplaintReceived';
      if (!light && !complaint) continue;
      await tx.upsert(SupervisionSignal, {
        position: event.position,
        kind: light ? 'LIGHT' : 'COMPLAINT',
        departmentId: payload.departmentId,
        level: light ? (payload.level ?? null) : null,
        occurredOn: hallDateOf(new Date(event.occurredAt)),
      });
    }
  }

  const cases = createEventConsumer({
    orm,
    databaseUrl: options.databaseUrl,
    source: 'cases',
    cursorSchema: 'evaluation',
    name: 'evaluation.ratings',
    handle: handleCases,
    logger: log,
  });

  const supervision = createEventConsumer({
    orm,
    databaseUrl: options.databaseUrl,
    source: 'supervision',
    cursorSchema: 'evaluation',
    name: 'evaluation.supervision-signals',
    handle: handleSupervision,
    logger: log,
  });

  /**
   * Defaults every pending rating whose moment has passed, in one transaction with its
   * events; rows another instance holds are skipped (it defaults them).
   */
  async function defaultDue(): Promise<void> {
    const now = clock.now();
    await orm.em.fork().transactional(async (tx) => {
      const due = await tx.execute<{ id: string }[]>(
        `select id from evaluation.rating where status = 'PENDING' and due_at <= ?
          order by due_at limit 500 for update skip locked`,
        [now],
      );
      if (due.length === 0) return;
      const ratings = await tx.find(Rating, { id: { $in: due.map((row) => row.id) } });
      for (const rating of ratings) {
        rating.status = RatingStatus.DEFAULTED;
        rating.level = RatingLevel.BASICALLY_SATISFIED;
        rating.defaulted = true;
        rating.ratedAt = rating.dueAt;
        rating.ratedOn = hallDateOf(rating.dueAt);
      }
      await tx.flush();
      await appendEvaluationEvents(
        tx,
        ratings.map((rating) => ratingEvent('RatingDefaulted', rating, WATCH_ACTOR, now)),
      );
    });
    await loadNext();
  }

  async function loadNext(): Promise<void> {
    const rows = await orm.em
      .fork()
      .execute<{ at: Date | null }[]>(
        `select min(due_at) as at from evaluation.rating where status = 'PENDING'`,
      );
    const at = rows[0]?.at;
    nextDueAt = at ? new Date(at).getTime() : null;
  }

  async function tick(): Promise<void> {
    if (stopped || nextDueAt === null || nextDueAt > clock.now().getTime()) return;
    try {
      await defaultDue();
    } catch (error) {
      log.warn({ err: error }, 'defaulting ratings failed; trying again shortly');
    }
  }

  return {
    async start() {
      await loadNext();
      await cases.start();
      await supervision.start();
      ticker = setInterval(() => {
        working = working.then(tick);
      }, TICK_MS);
    },
    async settle() {
      await cases.catchUp();
      await supervision.catchUp();
      await loadNext();
      await (working = working.then(tick));
    },
    async stop() {
      stopped = true;
      if (ticker) clearInterval(ticker);
      await working;
      await cases.stop();
      await supervision.stop();
    },
  };
}
