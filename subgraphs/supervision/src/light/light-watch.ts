import type { CaseEventPayload } from '@hall/cases';
import type { CatalogClient } from '@hall/catalog';
import {
  createEventConsumer,
  type Clock,
  type HallOrm,
  type Logger,
  type RecordedEvent,
  type Stoppable,
  type WorkingCalendar,
} from '@hall/kit';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { RuleSetting } from './rule-setting.entity';
import { LightTimer } from './light-timer.entity';
import { AlertLight, LEVEL_RANK, LightSubject, LIT_STATUSES, RuleCode } from './light.entity';
import { Complaint } from '../complaint/complaint.entity';
import { applyCauses } from './light.reconcile';
import {
  DEFAULT_RULES,
  evaluateCase,
  evaluateComplaint,
  type AutomaticRule,
  type Cause,
  type RuleBook,
} from './light.rules';
import { TimerHeap } from './timer-heap';
import { WatchedCase } from './watched-case.entity';

/** How often the nearest timer is compared with the clock: a light fires within this. */
const TICK_MS = 200;

export interface LightWatchOptions {
  orm: HallOrm;
  databaseUrl: string;
  clock: Clock;
  catalog: CatalogClient;
  log: Logger;
}

/**
 * Electronic supervision's watch over cases. It follows the cases subgraph's event log (by
 * cursor, effects and cursor in one transaction), keeps its own view of each case, applies
 * the rules that events decide (a late supplement notice, a denial without a reason, an
 * irregular fee) and keeps, for each open case, the moment its next threshold passes: in the
 * database, so a restarted process knows what passed while it was down, and in a heap whose
 * head is compared with the injected clock five times a second, so no query runs until a
 * threshold actually passes (timers, not sweeps).
 */
export interface LightWatch extends Stoppable {
  /**
   * Catches up on the logs, then on every timer that passed while nothing watched, then
   * follows both; runs in the background (resolves at once).
   */
  start(): Promise<void>;
  /** Applies what the log holds now and fires what is due now; for tests and restarts. */
  settle(): Promise<void>;
}

export async function loadRules(em: EntityManager): Promise<RuleBook> {
  const rows = await em.find(RuleSetting, {});
  const rules = { ...DEFAULT_RULES } as Record<AutomaticRule, RuleBook[AutomaticRule]>;
  for (const row of rows) {
    if (row.rule === RuleCode.MANUAL) continue;
    rules[row.rule] = {
      rule: row.rule,
      enabled: row.enabled,
      exemptImmediate: row.exemptImmediate,
      level: row.level,
      thresholds: { ...DEFAULT_RULES[row.rule].thresholds, ...row.thresholds },
    };
  }
  return rules;
}

async function setTimer(
  tx: EntityManager,
  subjectType: LightSubject,
  subjectId: string,
  at: Date | null,
): Promise<void> {
  if (at === null) {
    await tx.nativeDelete(LightTimer, { subjectType, subjectId });
  } else {
    await tx.upsert(LightTimer, { subjectType, subjectId, at });
  }
}

type CasePayload = Partial<CaseEventPayload> & Pick<CaseEventPayload, 'caseId'>;

export function createLightWatch(options: LightWatchOptions): LightWatch {
  const { orm, clock, catalog, log } = options;
  const heap = new TimerHeap();
  let ticker: NodeJS.Timeout | undefined;
  let firing: Promise<void> = Promise.resolve();
  let stopped = false;
  let starting: Promise<void> = Promise.resolve();

  const keyOf = (type: LightSubject, id: string) => `${type}:${id}`;

  /** Rules an event decides on its own: they stay recorded even once the case moves on. */
  async function eventCauses(
    event: RecordedEvent,
    payload: CasePayload,
    rules: RuleBook,
  ): Promise<Cause[]> {
    const causes: Cause[] = [];
    const serial = payload.serialNo ?? payload.caseId;
    const on = (rule: AutomaticRule) =>
      rules[rule].enabled && !(rules[rule].exemptImmediate && payload.matterKind === 'IMMEDIATE');
    if (
      event.type === 'CaseSupplementRequested' &&
      payload.supplementNoticeLate &&
      on(RuleCode.SUPPLEMENT_NOTICE_LATE)
    ) {
      causes.push({
        rule: RuleCode.SUPPLEMENT_NOTICE_LATE,
        level: rules.SUPPLEMENT_NOTICE_LATE.level,
        note: `${serial}: supplement notice later than 5 working days after receipt`,
      });
    }
    if (
      event.type === 'CaseDenied' &&
      !payload.decisionReason?.trim() &&
      on(RuleCode.DENIAL_WITHOUT_REASON)
    ) {
      causes.push({
        rule: RuleCode.DENIAL_WITHOUT_REASON,
        level: rules.DENIAL_WITHOUT_REASON.level,
        note: `${serial}: denied without a stated reason`,
      });
    }
    if (
      event.type === 'CaseApproved' &&
      (payload.feeFen ?? 0) > 0 &&
      payload.matterId &&
      on(RuleCode.FEE_IRREGULAR)
    ) {
      const matter = await catalog.matter(payload.matterId);
      const charged = payload.feeFen ?? 0;
      if (matter && (matter.feeFen === 0 || charged > matter.feeFen)) {
        causes.push({
          rule: RuleCode.FEE_IRREGULAR,
          level: rules.FEE_IRREGULAR.level,
          note:
            matter.feeFen === 0
              ? `${serial}: charged ${charged} fen for a matter without a fee`
              : `${serial}: charged ${charged} fen, above the standard of ${matter.feeFen}`,
        });
      }
    }
    return causes;
  }

  /** Evaluates a watched case now and brings its light, timer and project light in line. */
  async function judgeCase(
    tx: EntityManager,
    watched: WatchedCase,
    calendar: WorkingCalendar,
    rules: RuleBook,
    extra: Cause[],
    now: Date = clock.now(),
  ): Promise<void> {
    const evaluation = evaluateCase(watched, calendar, now, rules);
    await applyCauses(
      tx,
      { type: LightSubject.CASE, id: watched.caseId, departmentId: watched.departmentId },
      [...extra, ...evaluation.causes],
      now,
      evaluation.finishedInTime,
    );
    await setTimer(tx, LightSubject.CASE, watched.caseId, evaluation.nextCheckAt);
    heap.schedule(
      keyOf(LightSubject.CASE, watched.caseId),
      evaluation.nextCheckAt?.getTime() ?? null,
    );
    if (watched.jointProjectId) await judgeProject(tx, watched.jointProjectId, now);
  }

  /** A joint project is lit at the highest level of its members' lit lights. */
  async function judgeProject(tx: EntityManager, projectId: string, now: Date): Promise<void> {
    const members = await tx.find(
      WatchedCase,
      { jointProjectId: projectId },
      { fields: ['caseId', 'departmentId', 'serialNo'] },
    );
    const lit = await tx.find(AlertLight, {
      subjectType: LightSubject.CASE,
      subjectId: { $in: members.map((member) => member.caseId) },
      status: { $in: [...LIT_STATUSES] },
    });
    const highest = lit.sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level])[0];
    const department = highest?.departmentId ?? members[0]?.departmentId;
    if (!department) return;
    await applyCauses(
      tx,
      { type: LightSubject.JOINT_PROJECT, id: projectId, departmentId: department },
      highest
        ? [{ rule: highest.rule, level: highest.level, note: `member case lit: ${highest.cause}` }]
        : [],
      now,
      !highest,
    );
  }

  async function handle(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    const cases = events.filter((event) => event.aggregateType === 'Case');
    if (cases.length === 0) return;
    const [calendar, rules] = await Promise.all([catalog.calendar(), loadRules(tx)]);
    for (const event of cases) {
      const payload = event.payload as CasePayload;
      if (!payload.status || !payload.departmentId || !payload.matterId || !payload.receivedOn)
        continue;
      const watched = await tx.upsert(WatchedCase, {
        caseId: payload.caseId,
        serialNo: payload.serialNo ?? payload.caseId,
        departmentId: payload.departmentId,
        matterId: payload.matterId,
        matterKind: payload.matterKind ?? 'PROMISED',
        jointProjectId: payload.jointProjectId ?? null,
        status: payload.status,
        receivedOn: payload.receivedOn,
        clockStartedOn: payload.clockStartedOn ?? payload.clock?.startedOn ?? null,
        decidedOn: payload.decidedOn ?? null,
        promisedLimitDays: payload.promisedLimitDays ?? 0,
        statutoryLimitDays: payload.statutoryLimitDays ?? 0,
        extensionDays: payload.extensionDays ?? 0,
        stops: payload.stops ?? [],
        updatedAt: event.occurredAt,
      });
      // Judged as of the event: a consumer behind the log must not light a case for a state
      // it has already left (received, long past the acceptance limit, then accepted). The
      // timer set from that moment fires at once if a threshold passed since, and judges
      // the case as it is now.
      await judgeCase(
        tx,
        watched,
        calendar,
        rules,
        await eventCauses(event, payload, rules),
        event.occurredAt,
      );
    }
  }

  /** Evaluates a complaint now: its light and its timer. */
  async function judgeComplaint(
    tx: EntityManager,
    complaint: Complaint,
    rules: RuleBook,
  ): Promise<void> {
    const now = clock.now();
    const evaluation = evaluateComplaint(complaint, now, rules);
    await applyCauses(
      tx,
      { type: LightSubject.COMPLAINT, id: complaint.id, departmentId: complaint.departmentId },
      evaluation.causes,
      now,
      evaluation.finishedInTime,
    );
    await setTimer(tx, LightSubject.COMPLAINT, complaint.id, evaluation.nextCheckAt);
    heap.schedule(
      keyOf(LightSubject.COMPLAINT, complaint.id),
      evaluation.nextCheckAt?.getTime() ?? null,
    );
  }

  /** Supervision follows its own log for complaints, as it follows the cases' log for cases. */
  async function handleComplaints(
    events: readonly RecordedEvent[],
    tx: EntityManager,
  ): Promise<void> {
    const ids = [
      ...new Set(
        events
          .filter((event) => event.aggregateType === 'Complaint')
          .map((event) => event.aggregateId),
      ),
    ];
    if (ids.length === 0) return;
    const rules = await loadRules(tx);
    for (const complaint of await tx.find(
      Complaint,
      { id: { $in: ids } },
      { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } },
    )) {
      await judgeComplaint(tx, complaint, rules);
    }
  }

  const complaints = createEventConsumer({
    orm,
    databaseUrl: options.databaseUrl,
    source: 'supervision',
    cursorSchema: 'supervision',
    name: 'supervision.complaint-lights',
    handle: handleComplaints,
    logger: log,
  });

  const consumer = createEventConsumer({
    orm,
    databaseUrl: options.databaseUrl,
    source: 'cases',
    cursorSchema: 'supervision',
    name: 'supervision.case-lights',
    handle,
    logger: log,
  });

  /**
   * Fires one subject's timer if it is due (or, `force`d, whatever its time): idempotent, so
   * a stale or repeated call is harmless.
   */
  async function fire(key: string, force = false): Promise<void> {
    const [type, id] = key.split(':') as [LightSubject, string];
    await orm.em.fork().transactional(async (tx) => {
      // The subject first, then its timer: the order the consumer locks them in (its upsert
      // of the subject, then the timer), so the two never deadlock, and never judge one
      // subject at once on different views of it.
      const subject =
        type === LightSubject.CASE
          ? await tx.findOne(WatchedCase, { caseId: id }, { lockMode: LockMode.PESSIMISTIC_WRITE })
          : type === LightSubject.COMPLAINT
            ? await tx.findOne(Complaint, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE })
            : null;
      const timer = await tx.findOne(
        LightTimer,
        { subjectType: type, subjectId: id },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!timer) return;
      if (timer.at > clock.now() && !force) {
        heap.schedule(key, timer.at.getTime());
        return;
      }
      if (subject instanceof WatchedCase) {
        const [calendar, rules] = await Promise.all([catalog.calendar(), loadRules(tx)]);
        await judgeCase(tx, subject, calendar, rules, []);
      } else if (subject instanceof Complaint) {
        await judgeComplaint(tx, subject, await loadRules(tx));
      } else {
        await setTimer(tx, type, id, null);
      }
    });
  }

  async function fireDue(): Promise<void> {
    const due = heap.takeDue(clock.now().getTime());
    if (due.length === 0) return;
    try {
      // What the logs hold now first: a timer must not judge a view of its subject that is
      // older than the facts already committed (say, a clock stop the consumer has not read).
      await consumer.catchUp();
      await complaints.catchUp();
    } catch (error) {
      log.warn({ err: error }, 'catching up before firing timers failed; trying again shortly');
      for (const key of due) heap.schedule(key, clock.now().getTime() + 1000);
      return;
    }
    for (const key of due) {
      if (stopped) return;
      try {
        await fire(key);
      } catch (error) {
        log.warn({ err: error, key }, 'light timer failed; trying again shortly');
        heap.schedule(key, clock.now().getTime() + 1000);
      }
    }
  }

  /**
   * A changed calendar moves thresholds both ways: every pending timer is judged again at
   * once and set to its new moment.
   */
  async function recheckAll(): Promise<void> {
    const timers = await orm.em.fork().find(LightTimer, {});
    for (const timer of timers) {
      if (stopped) return;
      try {
        await fire(keyOf(timer.subjectType, timer.subjectId), true);
      } catch (error) {
        log.warn({ err: error }, 'light timer recheck failed');
      }
    }
  }

  catalog.onChange((change) => {
    if (change !== 'calendar' || stopped) return;
    firing = firing.then(recheckAll);
  });

  async function loadTimers(): Promise<void> {
    const timers = await orm.em.fork().find(LightTimer, {});
    for (const timer of timers)
      heap.schedule(keyOf(timer.subjectType, timer.subjectId), timer.at.getTime());
  }

  return {
    start() {
      // The log first, then the timers: a timer judged on a stale view of its case (say,
      // still waiting for acceptance while the acceptance is in the log) would light for a
      // cause that no longer holds. Catching up is retried while the catalog is not up yet;
      // the subgraph serves meanwhile.
      starting = (async () => {
        while (!stopped) {
          try {
            await consumer.catchUp();
            await complaints.catchUp();
            break;
          } catch (error) {
            log.warn({ err: error }, 'catching up on the event logs failed; trying again');
            await new Promise((resolve) => setTimeout(resolve, 1000));
          }
        }
        if (stopped) return;
        await loadTimers();
        await consumer.start();
        await complaints.start();
        ticker = setInterval(() => {
          firing = firing.then(fireDue);
        }, TICK_MS);
      })();
      return Promise.resolve();
    },
    async settle() {
      await starting;
      await consumer.catchUp();
      await complaints.catchUp();
      await (firing = firing.then(fireDue));
    },
    async stop() {
      stopped = true;
      await starting.catch(() => undefined);
      if (ticker) clearInterval(ticker);
      await firing;
      await consumer.stop();
      await complaints.stop();
    },
  };
}
