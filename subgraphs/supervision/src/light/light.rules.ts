import { computeCaseClock } from '@hall/cases';
import { addDays, hallDateOf, startOfHallDate, type WorkingCalendar } from '@hall/kit';
import { LightLevel, RuleCode } from './light.entity';
import type { WatchedCase } from './watched-case.entity';

/** How a rule behaves: its switch, level, immediate-matter exemption and thresholds. */
export interface RuleConfig {
  rule: RuleCode;
  enabled: boolean;
  /** Immediate matters (即办件) are not judged by this rule. */
  exemptImmediate: boolean;
  level: LightLevel;
  thresholds: Record<string, number>;
}

export type AutomaticRule = Exclude<RuleCode, RuleCode.MANUAL>;

/**
 * The defaults of DOMAIN.md: yellow when 1 working day or less is left or 80% of the promised
 * time is used; red once the promised or the statutory limit has passed; a step over its own
 * limit (acceptance within 1 working day of receipt, delivery within 10 of the decision,
 * Art. 44); red for irregularities.
 */
export const DEFAULT_RULES: Readonly<Record<AutomaticRule, RuleConfig>> = {
  DEADLINE_NEAR: {
    rule: RuleCode.DEADLINE_NEAR,
    enabled: true,
    exemptImmediate: true,
    level: LightLevel.YELLOW,
    thresholds: { remainingWorkingDays: 1, elapsedRatio: 0.8 },
  },
  PROMISED_LIMIT_PASSED: {
    rule: RuleCode.PROMISED_LIMIT_PASSED,
    enabled: true,
    exemptImmediate: false,
    level: LightLevel.RED,
    thresholds: {},
  },
  STATUTORY_LIMIT_PASSED: {
    rule: RuleCode.STATUTORY_LIMIT_PASSED,
    enabled: true,
    exemptImmediate: false,
    level: LightLevel.RED,
    thresholds: {},
  },
  STEP_OVER_LIMIT: {
    rule: RuleCode.STEP_OVER_LIMIT,
    enabled: true,
    exemptImmediate: true,
    level: LightLevel.YELLOW,
    thresholds: { acceptanceWorkingDays: 1, deliveryWorkingDays: 10 },
  },
  SUPPLEMENT_NOTICE_LATE: {
    rule: RuleCode.SUPPLEMENT_NOTICE_LATE,
    enabled: true,
    exemptImmediate: false,
    level: LightLevel.RED,
    thresholds: {},
  },
  DENIAL_WITHOUT_REASON: {
    rule: RuleCode.DENIAL_WITHOUT_REASON,
    enabled: true,
    exemptImmediate: false,
    level: LightLevel.RED,
    thresholds: {},
  },
  FEE_IRREGULAR: {
    rule: RuleCode.FEE_IRREGULAR,
    enabled: true,
    exemptImmediate: false,
    level: LightLevel.RED,
    thresholds: {},
  },
  COMPLAINT_OVERDUE: {
    rule: RuleCode.COMPLAINT_OVERDUE,
    enabled: true,
    exemptImmediate: false,
    level: LightLevel.RED,
    thresholds: {},
  },
};

/** Rules whose cause can go away again (the light then goes off by itself). */
export const CURABLE_RULES: ReadonlySet<RuleCode> = new Set([
  RuleCode.DEADLINE_NEAR,
  RuleCode.STEP_OVER_LIMIT,
]);

export type RuleBook = Readonly<Record<AutomaticRule, RuleConfig>>;

/** A reason to light, found by a rule. */
export interface Cause {
  rule: RuleCode;
  level: LightLevel;
  note: string;
}

export interface Evaluation {
  causes: Cause[];
  /** When to look again: the nearest threshold ahead, or null when none is. */
  nextCheckAt: Date | null;
  /** The case is over (decided, refused, withdrawn) and was within its limit. */
  finishedInTime: boolean;
}

const OPEN = new Set([
  'RECEIVED',
  'SUPPLEMENT_REQUESTED',
  'ACCEPTED',
  'UNDER_REVIEW',
  'SPECIAL_PROCEDURE',
  'EXTENDED',
]);
const DECIDED = new Set(['COMPLETED_APPROVED', 'COMPLETED_DENIED']);

function applies(config: RuleConfig, matterKind: string): boolean {
  return config.enabled && !(config.exemptImmediate && matterKind === 'IMMEDIATE');
}

/** The start of the hall day after `date`: the first moment a limit ending on `date` is past. */
function dayAfter(date: string): Date {
  return startOfHallDate(addDays(date, 1));
}

/**
 * What the timed rules say of a case at `now`: the causes that hold and the next moment one
 * could start to hold. Pure; the same facts, calendar and instant always give the same answer,
 * which is what makes a restarted process fire each threshold exactly once.
 */
export function evaluateCase(
  watched: WatchedCase,
  calendar: WorkingCalendar,
  now: Date,
  rules: RuleBook,
): Evaluation {
  const today = hallDateOf(now);
  const causes: Cause[] = [];
  const ahead: Date[] = [];
  const open = OPEN.has(watched.status);
  const clock = computeCaseClock(
    {
      promisedLimitDays: watched.promisedLimitDays,
      statutoryLimitDays: watched.statutoryLimitDays,
      startedOn: watched.clockStartedOn ?? null,
      extensionDays: watched.extensionDays,
      joint: watched.jointProjectId != null,
      stops: watched.stops,
      decidedOn: watched.decidedOn ?? null,
    },
    calendar,
    today,
  );
  const stopped = watched.stops.some((stop) => stop.endedOn === null);
  const kind = watched.matterKind;

  if (clock && (open || DECIDED.has(watched.status) || watched.status === 'DELIVERED')) {
    const near = rules.DEADLINE_NEAR;
    if (open && applies(near, kind)) {
      const remaining = near.thresholds.remainingWorkingDays ?? 1;
      const ratio = near.thresholds.elapsedRatio ?? 0.8;
      const byRemaining = calendar.subtractWorkingDays(clock.dueOn, remaining);
      const byRatio = calendar.addWorkingDays(
        clock.startedOn,
        Math.ceil(ratio * clock.limitDays) + clock.pausedWorkingDays,
      );
      const yellowOn = byRemaining < byRatio ? byRemaining : byRatio;
      if (today >= yellowOn && today <= clock.dueOn) {
        causes.push({
          rule: RuleCode.DEADLINE_NEAR,
          level: near.level,
          note: `${watched.serialNo}: ${clock.remainingWorkingDays} working day(s) left, ${Math.round(clock.elapsedRatio * 100)}% used, due ${clock.dueOn}`,
        });
      } else if (today < yellowOn && !stopped) {
        ahead.push(startOfHallDate(yellowOn));
      }
    }
    const limits: [AutomaticRule, string, string][] = [
      [RuleCode.PROMISED_LIMIT_PASSED, clock.dueOn, 'promised'],
      [RuleCode.STATUTORY_LIMIT_PASSED, clock.statutoryDueOn, 'statutory'],
    ];
    for (const [rule, dueOn, name] of limits) {
      const config = rules[rule];
      if (!applies(config, kind)) continue;
      const until = watched.decidedOn ?? today;
      if (until > dueOn) {
        causes.push({
          rule: config.rule,
          level: config.level,
          note: `${watched.serialNo}: the ${name} limit passed on ${dueOn}`,
        });
      } else if (open && !stopped) {
        ahead.push(dayAfter(dueOn));
      }
    }
  }

  const step = rules.STEP_OVER_LIMIT;
  if (applies(step, kind)) {
    const stepLimit = (from: string, days: number, what: string) => {
      const by = calendar.addWorkingDays(from, days);
      if (today > by) {
        causes.push({
          rule: RuleCode.STEP_OVER_LIMIT,
          level: step.level,
          note: `${watched.serialNo}: ${what} was due by ${by}`,
        });
      } else {
        ahead.push(dayAfter(by));
      }
    };
    if (watched.status === 'RECEIVED') {
      stepLimit(watched.receivedOn, step.thresholds.acceptanceWorkingDays ?? 1, 'acceptance');
    } else if (DECIDED.has(watched.status) && watched.decidedOn) {
      stepLimit(watched.decidedOn, step.thresholds.deliveryWorkingDays ?? 10, 'delivery');
    }
  }

  const finished = !open;
  const nextCheckAt =
    ahead.length === 0 ? null : new Date(Math.min(...ahead.map((at) => at.getTime())));
  return {
    causes,
    nextCheckAt,
    finishedInTime: finished && (clock === null || clock.onTime),
  };
}

/** What a complaint needs for its deadlines: the complaint entity fits. */
export interface ComplaintDeadlines {
  code: string;
  status: string;
  acceptBy: string;
  answerBy?: string | null;
}

/**
 * A complaint is overdue once it was not accepted or rejected by `acceptBy` (5 working days
 * after receipt), or not answered by `answerBy` (10 working days after acceptance).
 */
export function evaluateComplaint(
  complaint: ComplaintDeadlines,
  now: Date,
  rules: RuleBook,
): Evaluation {
  const config = rules.COMPLAINT_OVERDUE;
  const today = hallDateOf(now);
  const causes: Cause[] = [];
  let nextCheckAt: Date | null = null;
  const deadline =
    complaint.status === 'RECEIVED'
      ? { by: complaint.acceptBy, what: 'accepted or rejected' }
      : complaint.status === 'ACCEPTED' && complaint.answerBy
        ? { by: complaint.answerBy, what: 'answered' }
        : null;
  if (config.enabled && deadline) {
    if (today > deadline.by) {
      causes.push({
        rule: RuleCode.COMPLAINT_OVERDUE,
        level: config.level,
        note: `complaint ${complaint.code}: not ${deadline.what} by ${deadline.by}`,
      });
    } else {
      nextCheckAt = dayAfter(deadline.by);
    }
  }
  return { causes, nextCheckAt, finishedInTime: !deadline && causes.length === 0 };
}
