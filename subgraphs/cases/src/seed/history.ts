import type { CatalogSeedPlan } from '@hall/catalog';
import {
  addDays,
  SeededRandom,
  stableId,
  startOfHallDate,
  WorkingCalendar,
  type LocalDate,
} from '@hall/kit';
import { CaseChannel } from '../case/case.entity';
import { computeCaseClock, EXTENSION_WORKING_DAYS } from '../case/case.clock';
import { CaseAction, CaseStatus, TRANSITIONS, type TransitionAction } from '../case/case.machine';
import { ClockStopKind, SpecialProcedure } from '../case/clock-stop.entity';
import { ApplicantFactory, type ApplicantRow } from './applicants';

/** Every run builds the same history from this seed (and the day it runs on). */
export const CASES_SEED = 20100104;

/**
 * Cases per year. 2010 and 2011 are the gazette's (3,398 and 3,643, all decided on time);
 * the hall's calendar holds 2023 on, so the recent years are those, at a similar scale and
 * growing; the current year is filled up to the day before the seed runs.
 */
export const CASE_YEARS: readonly { year: number; cases: number; lateShare: number }[] = [
  { year: 2010, cases: 3398, lateShare: 0 },
  { year: 2011, cases: 3643, lateShare: 0 },
  { year: 2023, cases: 3912, lateShare: 0.002 },
  { year: 2024, cases: 4105, lateShare: 0.002 },
  { year: 2025, cases: 4286, lateShare: 0.003 },
  { year: 2026, cases: 4420, lateShare: 0.003 },
];

/** Of the cases still open when the seed runs, the share that will miss their due date. */
const OPEN_LATE_SHARE = 0.04;

export interface CaseRow {
  id: string;
  serial_no: string;
  matter_id: string;
  department_id: string;
  matter_kind: string;
  promised_limit_days: number;
  statutory_limit_days: number;
  applicant_id: string;
  channel: CaseChannel;
  first_contact_window_id: string | null;
  first_contact_staff_id: string | null;
  proxy_agent_staff_id: string | null;
  partner_organization_id: string | null;
  joint_project_id: string | null;
  status: CaseStatus;
  received_at: string;
  received_on: LocalDate;
  accepted_on: LocalDate | null;
  clock_started_on: LocalDate | null;
  supplement_notice_late: boolean;
  missing_materials: string[];
  extension_days: number;
  extension_reason: string | null;
  decided_on: LocalDate | null;
  delivered_on: LocalDate | null;
  due_on: LocalDate | null;
  statutory_due_on: LocalDate | null;
  decided_on_time: boolean | null;
  working_days_taken: number | null;
  decision_reason: string | null;
  fee_fen: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface StepRow {
  id: string;
  case_id: string;
  sequence: number;
  action: CaseAction;
  from_status: CaseStatus | null;
  to_status: CaseStatus;
  at: string;
  hall_date: LocalDate;
  actor: string;
  actor_role: string | null;
  reason: string | null;
}

export interface StopRow {
  id: string;
  case_id: string;
  kind: ClockStopKind;
  procedure: SpecialProcedure | null;
  legal_basis: string | null;
  approver: string | null;
  reason: string | null;
  started_on: LocalDate;
  started_at: string;
  ended_on: LocalDate | null;
  ended_at: string | null;
  resume_status: CaseStatus;
}

export interface FigureRow {
  hall_date: LocalDate;
  matter_id: string;
  department_id: string;
  registered: number;
  accepted: number;
  completed: number;
  completed_on_time: number;
  denied: number;
  working_days_taken: number;
}

export interface CasesSeedPlan {
  applicants: ApplicantRow[];
  cases: CaseRow[];
  steps: StepRow[];
  stops: StopRow[];
  figures: FigureRow[];
  /** The last serial number handed out; the live sequence continues after it. */
  lastSerial: number;
}

type Matter = CatalogSeedPlan['matters'][number];

const KIND_WEIGHT: Record<string, number> = {
  IMMEDIATE: 3,
  PROMISED: 2,
  JOINT: 0.6,
  REPORTED: 0.4,
};
const DENIAL_REASONS = [
  '申请材料不符合法定条件',
  '现场核查不符合规划要求',
  '申请事项不属于许可范围',
  '安全条件未达到标准',
];
const REFUSAL_REASONS = ['申请事项不属于本部门职权范围', '申请人不具备主体资格'];
const SUPPLEMENT_MATERIALS = ['法定代表人身份证明', '经营场所产权证明或租赁合同', '现场平面布置图'];
const PROCEDURE_BASIS: Record<SpecialProcedure, string> = {
  HEARING: '《行政许可法》第四十六条',
  INSPECTION: '《行政许可法》第三十四条',
  TESTING: '《行政许可法》第四十五条',
  APPRAISAL: '《行政许可法》第四十五条',
  EXPERT_REVIEW: '《行政许可法》第四十五条',
  PUBLIC_NOTICE: '《行政许可法》第四十六条',
};

function weightedPicker(matters: readonly Matter[], random: SeededRandom): () => Matter {
  const cumulative: number[] = [];
  let total = 0;
  for (const matter of matters) {
    total += KIND_WEIGHT[matter.kind] ?? 1;
    cumulative.push(total);
  }
  return () => {
    const target = random.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! > target) high = mid;
      else low = mid + 1;
    }
    return matters[low]!;
  };
}

/** An instant on `date` at `minute` minutes after the hall's midnight. */
function instantOn(date: LocalDate, minute: number): Date {
  return new Date(startOfHallDate(date).getTime() + minute * 60_000);
}

interface PlannedStep {
  action: TransitionAction | CaseAction.REGISTER;
  on: LocalDate;
  reason?: string;
}

/**
 * The hall's case history up to the day before `today`, built from the catalog's seed plan
 * alone (pure and deterministic: the same day gives the same rows). Cases whose planned
 * steps run past yesterday are cut there and stay open, in whatever step they reached, with
 * a few set to miss their limit: the simulated day starts with lights about to come on.
 */
export function buildCasesSeed(catalog: CatalogSeedPlan, today: LocalDate): CasesSeedPlan {
  const random = new SeededRandom(CASES_SEED);
  const calendar = new WorkingCalendar(catalog.calendar);
  const applicantsOf = new ApplicantFactory(random);
  const acceptanceWindows = catalog.windows.filter((w) => w.kind === 'UNIFIED_ACCEPTANCE');
  const clerksByWindow = new Map<string, string>();
  for (const member of catalog.staff) {
    if (member.windowId && !clerksByWindow.has(member.windowId)) {
      clerksByWindow.set(member.windowId, member.id);
    }
  }
  const proxyClerks = catalog.staff.filter((member) => member.position === 'PROXY_CLERK');
  const banks = catalog.organizations.filter((organization) => organization.kind === 'BANK');
  const matterById = new Map(catalog.matters.map((matter) => [matter.id, matter]));
  const pickAnyMatter = weightedPicker(catalog.matters, random);
  const pickActiveMatter = weightedPicker(
    catalog.matters.filter((matter) => matter.status === 'ACTIVE'),
    random,
  );
  const yesterday = addDays(today, -1);

  const plan: CasesSeedPlan = {
    applicants: [],
    cases: [],
    steps: [],
    stops: [],
    figures: [],
    lastSerial: 0,
  };
  const figures = new Map<string, FigureRow>();
  const addFigure = (on: LocalDate, matter: Matter, field: keyof FigureRow, amount = 1) => {
    const key = `${on}|${matter.id}`;
    let row = figures.get(key);
    if (!row) {
      row = {
        hall_date: on,
        matter_id: matter.id,
        department_id: matter.departmentId,
        registered: 0,
        accepted: 0,
        completed: 0,
        completed_on_time: 0,
        denied: 0,
        working_days_taken: 0,
      };
      figures.set(key, row);
    }
    (row[field] as number) += amount;
  };

  for (const { year, cases: perYear, lateShare } of CASE_YEARS) {
    const first = `${year}-01-01`;
    const last = `${year}-12-31` < yesterday ? `${year}-12-31` : yesterday;
    if (first > last) continue;
    const workingDays: LocalDate[] = [];
    for (let day = first; day <= last; day = addDays(day, 1)) {
      if (calendar.isWorkingDay(day)) workingDays.push(day);
    }
    if (workingDays.length === 0) continue;
    // A part year gets its share of the year's cases.
    const fullYearDays = calendar.countWorkingDays(`${year - 1}-12-31`, `${year}-12-31`);
    const count = Math.round((perYear * workingDays.length) / Math.max(fullYearDays, 1));
    const pickMatter = year < 2013 ? pickAnyMatter : pickActiveMatter;
    const recentApplicants: ApplicantRow[] = [];

    for (let index = 0; index < count; index += 1) {
      const receivedOn = workingDays[Math.floor((index * workingDays.length) / count)]!;
      const matter = pickMatter();
      const receivedMinute = random.int(9 * 60, 16 * 60 + 30);
      const receivedAt = instantOn(receivedOn, receivedMinute);

      let applicant: ApplicantRow;
      if (recentApplicants.length > 50 && random.chance(0.3)) {
        applicant = random.pick(recentApplicants);
      } else {
        applicant = applicantsOf.next(receivedAt);
        plan.applicants.push(applicant);
        recentApplicants.push(applicant);
        if (recentApplicants.length > 400) recentApplicants.shift();
      }

      const channel =
        year < 2013
          ? random.chance(0.95)
            ? CaseChannel.WINDOW
            : CaseChannel.PROXY
          : random.pick([
              CaseChannel.WINDOW,
              CaseChannel.WINDOW,
              CaseChannel.WINDOW,
              CaseChannel.WINDOW,
              CaseChannel.ONLINE,
              CaseChannel.ONLINE,
              CaseChannel.APPOINTMENT,
              CaseChannel.PROXY,
            ]);
      const window =
        channel === CaseChannel.ONLINE || acceptanceWindows.length === 0
          ? null
          : random.pick(acceptanceWindows);
      const proxyAgent =
        channel === CaseChannel.PROXY && proxyClerks.length > 0
          ? random.pick(proxyClerks).id
          : null;

      // The steps this case will take, by date; cut at yesterday below.
      const planned: PlannedStep[] = [{ action: CaseAction.REGISTER, on: receivedOn }];
      const stops: {
        kind: ClockStopKind;
        procedure: SpecialProcedure | null;
        from: LocalDate;
        to: LocalDate;
        resume: CaseStatus;
      }[] = [];
      const promised = matter.promisedLimitDays;
      const openNow = calendar.addWorkingDays(receivedOn, promised + 15) >= today;
      const late = random.chance(openNow ? OPEN_LATE_SHARE : lateShare) && promised > 0;
      let clockStart = receivedOn;
      let extension = 0;
      let extensionReason: string | null = null;
      let decisionReason: string | null = null;

      if (promised > 0 && random.chance(0.01)) {
        decisionReason = random.pick(REFUSAL_REASONS);
        planned.push({ action: CaseAction.REFUSE, on: receivedOn, reason: decisionReason });
      } else {
        if (promised > 0 && random.chance(0.06)) {
          const arrives = calendar.addWorkingDays(receivedOn, random.int(1, 4));
          planned.push({ action: CaseAction.REQUEST_SUPPLEMENT, on: receivedOn });
          planned.push({ action: CaseAction.RECEIVE_SUPPLEMENT, on: arrives });
          stops.push({
            kind: ClockStopKind.SUPPLEMENT,
            procedure: null,
            from: receivedOn,
            to: arrives,
            resume: CaseStatus.RECEIVED,
          });
          clockStart = arrives;
        } else {
          planned.push({ action: CaseAction.ACCEPT, on: receivedOn });
        }
        if (promised === 0) {
          const denied = random.chance(0.02);
          if (denied) decisionReason = random.pick(DENIAL_REASONS);
          planned.push({
            action: denied ? CaseAction.DENY : CaseAction.APPROVE,
            on: clockStart,
            ...(denied && { reason: decisionReason! }),
          });
        } else {
          planned.push({ action: CaseAction.START_REVIEW, on: clockStart });
          let paused = 0;
          const withdraw = random.chance(0.005);
          const extend = !withdraw && promised >= 5 && random.chance(0.02);
          if (extend) {
            extension = EXTENSION_WORKING_DAYS;
            extensionReason = '案情复杂，需组织专家论证 (分管负责人批准)';
          }
          const limit = promised + extension;
          // An extended case was extended because it needed more than the promised days.
          const used = late
            ? limit + random.int(1, 3)
            : random.int(extend ? promised : Math.max(1, Math.ceil(limit * 0.2)), limit);
          if (extend) {
            planned.push({
              action: CaseAction.EXTEND,
              on: calendar.addWorkingDays(clockStart, promised - 1),
              reason: '案情复杂，需组织专家论证',
            });
          } else if (!withdraw && promised >= 5 && used >= 2 && random.chance(0.04)) {
            const procedure = random.pick(Object.values(SpecialProcedure));
            const from = calendar.addWorkingDays(clockStart, random.int(1, used - 1));
            const length = random.int(2, 6);
            const to = calendar.addWorkingDays(from, length);
            paused += length;
            planned.push({ action: CaseAction.START_SPECIAL_PROCEDURE, on: from });
            planned.push({ action: CaseAction.END_SPECIAL_PROCEDURE, on: to });
            stops.push({
              kind: ClockStopKind.SPECIAL_PROCEDURE,
              procedure,
              from,
              to,
              resume: CaseStatus.UNDER_REVIEW,
            });
          }
          const decidedOn = calendar.addWorkingDays(clockStart, used + paused);
          if (withdraw) {
            planned.push({
              action: CaseAction.WITHDRAW,
              on: calendar.addWorkingDays(clockStart, 1),
              reason: '申请人主动撤回申请',
            });
          } else {
            const denied = random.chance(0.04);
            if (denied) decisionReason = random.pick(DENIAL_REASONS);
            planned.push({
              action: denied ? CaseAction.DENY : CaseAction.APPROVE,
              on: decidedOn,
              ...(denied && { reason: decisionReason! }),
            });
          }
        }
        const decision = planned.at(-1)!;
        if (decision.action === CaseAction.APPROVE || decision.action === CaseAction.DENY) {
          planned.push({
            action: CaseAction.DELIVER,
            on: calendar.addWorkingDays(decision.on, random.int(0, 3)),
          });
        }
      }

      plan.lastSerial += 1;
      const serialNo = `${receivedOn.replaceAll('-', '')}-${matter.code}-${String(plan.lastSerial).padStart(6, '0')}`;
      const caseId = stableId('case', serialNo);
      // Order by date (steps of one day keep their planned order), then cut at yesterday.
      const taken = planned
        .map((step, order) => ({ step, order }))
        .sort((a, b) =>
          a.step.on === b.step.on ? a.order - b.order : a.step.on < b.step.on ? -1 : 1,
        )
        .map(({ step }) => step)
        .filter((step) => step.on <= yesterday);

      let status: CaseStatus = CaseStatus.RECEIVED;
      let minute = receivedMinute;
      let previousDay = receivedOn;
      let acceptedOn: LocalDate | null = null;
      let decidedOn: LocalDate | null = null;
      let deliveredOn: LocalDate | null = null;
      let extended = 0;
      let lastAt = receivedAt;
      const resumeStack: CaseStatus[] = [];
      for (const [index, step] of taken.entries()) {
        if (step.on !== previousDay) {
          minute = random.int(9 * 60, 15 * 60);
          previousDay = step.on;
        } else if (index > 0) {
          minute += random.int(1, 20);
        }
        const at = instantOn(step.on, minute);
        lastAt = at;
        const from = index === 0 ? null : status;
        let to: CaseStatus;
        if (step.action === CaseAction.REGISTER) to = CaseStatus.RECEIVED;
        else if (
          step.action === CaseAction.RECEIVE_SUPPLEMENT ||
          step.action === CaseAction.END_SPECIAL_PROCEDURE
        ) {
          const resume = resumeStack.pop() ?? CaseStatus.UNDER_REVIEW;
          to = resume === CaseStatus.RECEIVED ? CaseStatus.ACCEPTED : resume;
        } else {
          const target = TRANSITIONS[step.action].to;
          to = target === 'resumes' ? CaseStatus.UNDER_REVIEW : target;
        }
        if (
          step.action === CaseAction.REQUEST_SUPPLEMENT ||
          step.action === CaseAction.START_SPECIAL_PROCEDURE
        ) {
          resumeStack.push(status);
        }
        if (to === CaseStatus.ACCEPTED) {
          acceptedOn = step.on;
          addFigure(step.on, matter, 'accepted');
        }
        if (step.action === CaseAction.EXTEND) extended = extension;
        if (step.action === CaseAction.APPROVE || step.action === CaseAction.DENY)
          decidedOn = step.on;
        if (step.action === CaseAction.DELIVER) deliveredOn = step.on;
        plan.steps.push({
          id: stableId('case-step', `${serialNo}:${index + 1}`),
          case_id: caseId,
          sequence: index + 1,
          action: step.action,
          from_status: from,
          to_status: to,
          at: at.toISOString(),
          hall_date: step.on,
          actor: channel === CaseChannel.PROXY && proxyAgent ? `staff:${proxyAgent}` : 'clerk',
          actor_role: index === 0 ? 'ACCEPTANCE_CLERK' : 'DEPARTMENT_STAFF',
          reason: step.reason ?? null,
        });
        status = to;
      }
      addFigure(receivedOn, matter, 'registered');

      const keptStops = stops
        .filter((stop) => stop.from <= yesterday)
        .map((stop, index) => ({
          id: stableId('clock-stop', `${serialNo}:${index}`),
          case_id: caseId,
          kind: stop.kind,
          procedure: stop.procedure,
          legal_basis: stop.procedure ? PROCEDURE_BASIS[stop.procedure] : null,
          approver: stop.procedure ? '分管负责人' : null,
          reason: stop.kind === ClockStopKind.SUPPLEMENT ? '申请材料不齐全' : null,
          started_on: stop.from,
          started_at: instantOn(stop.from, 15 * 60).toISOString(),
          ended_on: stop.to <= yesterday ? stop.to : null,
          ended_at: stop.to <= yesterday ? instantOn(stop.to, 10 * 60).toISOString() : null,
          resume_status: stop.resume,
        }));
      plan.stops.push(...keptStops);
      const clockStartedOn = acceptedOn ? clockStart : null;
      const clock = clockStartedOn
        ? computeCaseClock(
            {
              promisedLimitDays: promised,
              statutoryLimitDays: matter.statutoryLimitDays,
              startedOn: clockStartedOn,
              extensionDays: extended,
              joint: false,
              stops: keptStops.map((stop) => ({
                startedOn: stop.started_on,
                endedOn: stop.ended_on,
              })),
              decidedOn,
            },
            calendar,
            today,
          )
        : null;
      if (decidedOn && clock) {
        addFigure(decidedOn, matter, 'completed');
        if (clock.onTime) addFigure(decidedOn, matter, 'completed_on_time');
        if (taken.some((step) => step.action === CaseAction.DENY))
          addFigure(decidedOn, matter, 'denied');
        addFigure(decidedOn, matter, 'working_days_taken', clock.usedWorkingDays);
      }
      const lastStep = taken.at(-1)!;
      plan.cases.push({
        id: caseId,
        serial_no: serialNo,
        matter_id: matter.id,
        department_id: matter.departmentId,
        matter_kind: matter.kind,
        promised_limit_days: promised,
        statutory_limit_days: matter.statutoryLimitDays,
        applicant_id: applicant.id,
        channel,
        first_contact_window_id: window?.id ?? null,
        first_contact_staff_id: window ? (clerksByWindow.get(window.id) ?? null) : null,
        proxy_agent_staff_id: proxyAgent,
        partner_organization_id:
          banks.length > 0 && random.chance(0.03) ? random.pick(banks).id : null,
        joint_project_id: null,
        status,
        received_at: receivedAt.toISOString(),
        received_on: receivedOn,
        accepted_on: acceptedOn,
        clock_started_on: clockStartedOn,
        supplement_notice_late: false,
        missing_materials: stops.some((stop) => stop.kind === ClockStopKind.SUPPLEMENT)
          ? [random.pick(SUPPLEMENT_MATERIALS)]
          : [],
        extension_days: extended,
        extension_reason: extended > 0 ? extensionReason : null,
        decided_on: decidedOn,
        delivered_on: deliveredOn,
        due_on: clock?.dueOn ?? null,
        statutory_due_on: clock?.statutoryDueOn ?? null,
        decided_on_time: decidedOn && clock ? clock.onTime : null,
        working_days_taken: decidedOn && clock ? clock.usedWorkingDays : null,
        decision_reason:
          status === CaseStatus.NOT_ACCEPTED ||
          taken.some((s) => s.action === CaseAction.DENY || s.action === CaseAction.WITHDRAW)
            ? (lastStep.reason ?? decisionReason)
            : null,
        fee_fen:
          decidedOn && taken.some((s) => s.action === CaseAction.APPROVE)
            ? matterById.get(matter.id)!.feeFen
            : 0,
        version: taken.length,
        created_at: receivedAt.toISOString(),
        updated_at: lastAt.toISOString(),
      });
    }
  }
  plan.figures = [...figures.values()];
  return plan;
}
