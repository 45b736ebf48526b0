import { hallDateOf, SeededRandom, startOfHallDate, type Clock, type Logger } from '@hall/kit';
import { SIMULATOR_OPERATIONS, type SimulatorCaseStep } from './simulator-operations';

/**
 * The hall's living day, played through the gateway like any client: visitors take tickets
 * over the opening hours (about 820 a day, busiest mid-morning), windows call and serve them,
 * some register cases and clerks move today's cases on. Seeded cases still open are left to
 * run towards their limits, so lights come on as the day goes by.
 */
export interface SimulatorOptions {
  gatewayUrl: string;
  /** A token whose role may register and move cases and run the queue. */
  token: string;
  /** The platform's clock; usually faster than real time. */
  clock: Clock;
  log: Logger;
  /** Deterministic choices. */
  seed?: number;
  /** Real milliseconds between two steps of the simulation. */
  tickMs?: number;
  /** Visitors on an ordinary day. */
  visitorsPerDay?: number;
  /** How many unified acceptance and department windows open for the day. */
  windowsOpen?: { unified: number; department: number };
}

export interface HallSimulator {
  /**
   * Plays the hall up to the clock's now: arrivals since the last step, windows calling and
   * serving, cases moving. The first step loads the catalog it needs through the gateway.
   */
  step(): Promise<void>;
  /** Steps every `tickMs` until stopped; a failed step is logged and tried again. */
  start(): void;
  /** Stops after the step in flight. */
  stop(): Promise<void>;
}

/** Relative arrivals per hour of the day (09:00-17:00), summing to the daily total. */
const ARRIVAL_PROFILE: Record<number, number> = {
  9: 1.3,
  10: 1.5,
  11: 1.2,
  12: 0.5,
  13: 0.7,
  14: 1.2,
  15: 1.1,
  16: 0.8,
};
const PROFILE_TOTAL = Object.values(ARRIVAL_PROFILE).reduce((sum, weight) => sum + weight, 0);
const OPENS_AT = 9 * 60;
const CLOSES_AT = 17 * 60;
const DEFAULT_WINDOWS_OPEN = { unified: 8, department: 36 };

interface MatterFacts {
  id: string;
  kind: string;
  department: { id: string };
}

interface WindowFacts {
  id: string;
  kind: string;
  department: { id: string } | null;
}

interface WindowState {
  window: WindowFacts;
  /** The ticket at the window and when the visitor is done (hall time, ms). */
  serving?: {
    ticketId: string;
    matterId: string | null;
    /** When the called visitor reaches the window, or is given up on. */
    arrivesAt: number;
    until: number;
    noShow: boolean;
    started: boolean;
  };
  idleUntil: number;
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚';
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The subject of the simulator's token; the gateway does not rate-limit it. */
export const SIMULATOR_SUBJECT = 'hall-simulator';

export function createHallSimulator(options: SimulatorOptions): HallSimulator {
  const random = new SeededRandom(options.seed ?? 20121224);
  const tickMs = options.tickMs ?? 250;
  const visitorsPerDay = options.visitorsPerDay ?? 820;
  const windowsOpen = options.windowsOpen ?? DEFAULT_WINDOWS_OPEN;
  const log = options.log;
  let stopped = false;
  let loop: Promise<void> = Promise.resolve();

  async function ask<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(options.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
      body: JSON.stringify({ query, variables }),
    });
    const answer = (await response.json()) as {
      data?: T;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    if (answer.errors?.length || !answer.data) {
      throw new Error(answer.errors?.map((error) => error.message).join('; ') ?? 'no data');
    }
    return answer.data;
  }

  async function all<T>(field: 'matters' | 'windows'): Promise<T[]> {
    const rows: T[] = [];
    let after: string | null = null;
    do {
      const page: Record<
        string,
        { nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }
      > = await ask(SIMULATOR_OPERATIONS[field], { after });
      const connection = page[field]!;
      rows.push(...connection.nodes);
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    } while (after);
    return rows;
  }

  function applicant() {
    const first17 = `370687${random.int(1955, 2003)}${String(random.int(1, 12)).padStart(2, '0')}${String(random.int(1, 28)).padStart(2, '0')}${String(random.int(0, 999)).padStart(3, '0')}`;
    let sum = 0;
    for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
    return {
      kind: 'PERSON',
      name: random.pick([...SURNAMES]) + random.pick([...GIVEN]) + random.pick([...GIVEN]),
      identityNumber: first17 + ID_CHECK[sum % 11]!,
      phone: `13${String(random.int(0, 999_999_999)).padStart(9, '0')}`,
    };
  }

  async function prepare(): Promise<() => Promise<void>> {
    const matters = await all<MatterFacts>('matters');
    const windows = await all<WindowFacts>('windows');
    const unified = windows
      .filter((window) => window.kind === 'UNIFIED_ACCEPTANCE')
      .slice(0, windowsOpen.unified);
    const departmentWindows = random
      .shuffle(windows.filter((window) => window.kind === 'DEPARTMENT' && window.department))
      .slice(0, windowsOpen.department);
    const servedDepartments = new Set(departmentWindows.map((window) => window.department!.id));
    const walkInMatters = matters.filter((matter) => servedDepartments.has(matter.department.id));
    const states: WindowState[] = [...unified, ...departmentWindows].map((window) => ({
      window,
      idleUntil: 0,
    }));
    let day = '';
    let workingDay = false;
    let arrivals = 0;
    let lastTick = options.clock.now().getTime();
    let nextCaseSweep = 0;
    log.info({ matters: matters.length, windows: states.length }, 'hall simulator running');

    const tick = async (): Promise<void> => {
      const now = options.clock.now();
      const nowMs = now.getTime();
      const today = hallDateOf(now);
      if (today !== day) {
        day = today;
        arrivals = 0;
        const [calendarDay] = (
          await ask<{ workingCalendar: { isWorkingDay: boolean }[] }>(
            SIMULATOR_OPERATIONS.workingDay,
            { day },
          )
        ).workingCalendar;
        workingDay = calendarDay?.isWorkingDay ?? false;
        for (const state of states) state.serving = undefined;
      }
      const minute = Math.floor((nowMs - startOfHallDate(today).getTime()) / 60_000);
      const open = workingDay && minute >= OPENS_AT && minute < CLOSES_AT;
      if (open) {
        const elapsedMinutes = Math.max(0, (nowMs - lastTick) / 60_000);
        const weight = ARRIVAL_PROFILE[Math.floor(minute / 60)] ?? 0;
        arrivals += (visitorsPerDay * weight * elapsedMinutes) / (PROFILE_TOTAL * 60);
        while (arrivals >= 1 && !stopped) {
          arrivals -= 1;
          // Most visitors come for a department's matter; some only register or ask.
          const matter =
            random.chance(0.75) && walkInMatters.length > 0 ? random.pick(walkInMatters) : null;
          await ask(SIMULATOR_OPERATIONS.takeTicket, {
            matterId: matter?.id ?? null,
          });
        }
        for (const state of states) {
          if (stopped) break;
          await stepWindow(state, nowMs);
        }
        if (nowMs >= nextCaseSweep) {
          nextCaseSweep = nowMs + 5 * 60_000;
          await moveTodaysCases(today);
        }
      } else if (workingDay && minute >= CLOSES_AT) {
        for (const state of states) state.serving = undefined;
      }
      lastTick = nowMs;
    };

    async function stepWindow(state: WindowState, nowMs: number): Promise<void> {
      const serving = state.serving;
      if (serving) {
        if (nowMs < serving.arrivesAt) return;
        if (serving.noShow) {
          state.serving = undefined;
          await ask(SIMULATOR_OPERATIONS.markNoShow, { id: serving.ticketId });
          return;
        }
        if (!serving.started) {
          serving.started = true;
          await ask(SIMULATOR_OPERATIONS.startServing, {
            id: serving.ticketId,
          });
        }
        if (nowMs < serving.until) return;
        state.serving = undefined;
        state.idleUntil = nowMs + random.int(0, 3) * 60_000;
        await ask(SIMULATOR_OPERATIONS.finishTicket, { id: serving.ticketId });
        if (serving.matterId && random.chance(0.6))
          await registerCase(serving.matterId, state.window);
        return;
      }
      if (nowMs < state.idleUntil) return;
      const { callNextTicket: ticket } = await ask<{
        callNextTicket: { id: string; matter: { id: string } | null } | null;
      }>(SIMULATOR_OPERATIONS.callNextTicket, {
        windowId: state.window.id,
      });
      if (!ticket) {
        state.idleUntil = nowMs + 60_000;
        return;
      }
      // The called visitor walks over in a minute or two (a few never come), then takes 4 to
      // 18 minutes at the window.
      const arrivesAt = nowMs + random.int(1, 2) * 60_000;
      state.serving = {
        ticketId: ticket.id,
        matterId: ticket.matter?.id ?? null,
        arrivesAt,
        until: arrivesAt + random.int(4, 18) * 60_000,
        noShow: random.chance(0.03),
        started: false,
      };
    }

    async function registerCase(matterId: string, window: WindowFacts): Promise<void> {
      const matter = matters.find((candidate) => candidate.id === matterId);
      const { registerCase: registered } = await ask<{ registerCase: { id: string } }>(
        SIMULATOR_OPERATIONS.registerCase,
        { input: { matterId, windowId: window.id, applicant: applicant() } },
      );
      await ask(SIMULATOR_OPERATIONS.acceptCase, { id: registered.id });
      if (matter?.kind === 'IMMEDIATE') {
        await ask(SIMULATOR_OPERATIONS.approveCase, { id: registered.id });
      }
    }

    /** Moves some of today's and recent cases a step: review, a decision, a delivery. */
    async function moveTodaysCases(today: string): Promise<void> {
      const { cases } = await ask<{
        cases: { nodes: { id: string; status: string; receivedOn: string }[] };
      }>(SIMULATOR_OPERATIONS.openCases, { from: today });
      for (const subject of cases.nodes) {
        if (stopped || !random.chance(0.35)) continue;
        const mutation: SimulatorCaseStep | null =
          subject.status === 'ACCEPTED'
            ? 'startReview'
            : subject.status === 'UNDER_REVIEW'
              ? random.chance(0.1)
                ? 'requestSupplement'
                : 'approveCase'
              : subject.status === 'SUPPLEMENT_REQUESTED'
                ? 'receiveSupplement'
                : subject.status === 'RECEIVED'
                  ? 'acceptCase'
                  : null;
        if (!mutation) continue;
        await ask(SIMULATOR_OPERATIONS[mutation], { id: subject.id });
      }
    }
    return tick;
  }

  let ticking: Promise<() => Promise<void>> | undefined;
  const step = async () => {
    ticking ??= prepare();
    try {
      await (
        await ticking
      )();
    } catch (error) {
      ticking = undefined;
      throw error;
    }
  };

  return {
    step,
    start() {
      loop = (async () => {
        while (!stopped) {
          try {
            await step();
          } catch (error) {
            if (stopped) return;
            log.warn({ err: error }, 'hall simulator step failed; starting over shortly');
            await new Promise((resolve) => setTimeout(resolve, 2000));
          }
          await new Promise((resolve) => setTimeout(resolve, tickMs));
        }
      })();
    },
    async stop() {
      stopped = true;
      await loop;
    },
  };
}

/** Creates the simulator and starts its loop at once. */
export function startHallSimulator(options: SimulatorOptions): HallSimulator {
  const simulator = createHallSimulator(options);
  simulator.start();
  return simulator;
}
