import {
  badUserInput,
  checkText,
  conflict,
  actorOf,
  checkDepartmentScope,
  checkVersion,
  optionalText,
  hallDateOf,
  notFound,
  parseId,
  type Caller,
  type DomainEvent,
} from '@hall/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { CasesContext } from '../context';
import { addToFigures } from '../figures/figures.rollup';
import { JointProject, JointProjectStatus } from '../joint-project/joint-project.entity';
import { supplementNoticeIsLate, EXTENSION_WORKING_DAYS } from './case.clock';
import { Case } from './case.entity';
import { appendCaseEvents, caseEvent, clockOf } from './case.events';
import {
  actionsFrom,
  CaseAction,
  CaseStatus,
  DECIDED_STATUSES,
  nextStatus,
  type TransitionAction,
} from './case.machine';
import { CaseStep } from './case-step.entity';
import { ClockStop, ClockStopKind, type SpecialProcedure } from './clock-stop.entity';

/** One step a clerk asks for; the fields an action needs are checked by the action. */
export interface TransitionRequest {
  caseId: string;
  action: TransitionAction;
  expectedVersion?: number | null;
  reason?: string | null;
  missingMaterials?: readonly string[] | null;
  procedure?: SpecialProcedure | null;
  legalBasis?: string | null;
  approver?: string | null;
  feeFen?: number | null;
}

/** Who took a step, and in which role, for the timeline. */
export function stepActorOf(caller: Caller): { actor: string; actorRole: string | null } {
  return { actor: actorOf(caller), actorRole: caller.kind === 'user' ? caller.role : null };
}

/** Department staff act only for their own department's cases. */
export function checkCaseScope(caller: Caller, departmentId: string): void {
  checkDepartmentScope(caller, departmentId, 'cases', 'act');
}

function required(value: string | null | undefined, field: string, max = 500): string {
  if (value == null || value.trim() === '') {
    throw badUserInput(`${field} is required for this step`, { field });
  }
  return checkText(value, field, max);
}

function openStop(stops: readonly ClockStop[]): ClockStop | undefined {
  return stops.find((stop) => stop.endedOn == null);
}

/**
 * Moves a case one step, or refuses and changes nothing. The case, its timeline step, its
 * clock stop, the day's figures and the event that announces the step all commit in one
 * transaction; two clerks moving one case at once cannot both win (the case's version and
 * the step's sequence number are both checked by the database).
 */
export async function moveCase(context: CasesContext, request: TransitionRequest): Promise<Case> {
  const { em, clock, loaders, caller } = context;
  const id = parseId(request.caseId);
  const calendar = await loaders.calendar();
  const now = clock.now();
  const today = hallDateOf(now);
  const { actor, actorRole } = stepActorOf(caller);

  return em.transactional(async (tx) => {
    const subject = await tx.findOne(Case, { id });
    if (!subject) throw notFound('Case', id);
    checkCaseScope(caller, subject.departmentId);
    checkVersion(subject, request.expectedVersion, `Case ${subject.serialNo}`);
    const stops = await tx.find(ClockStop, { caseId: id }, { orderBy: { startedAt: 'asc' } });
    const stopped = openStop(stops);
    const fromStatus = subject.status;
    const to = nextStatus(fromStatus, request.action, stopped?.resumeStatus ?? null);
    if (!to) {
      throw conflict(
        `Case ${subject.serialNo} is ${fromStatus}: ${request.action} is not a step it can take`,
        { status: fromStatus, action: request.action, allowedActions: actionsFrom(fromStatus) },
      );
    }
    const immediate = subject.matterKind === 'IMMEDIATE';
    let reason: string | null = optionalText(request.reason, 'reason', 500);
    const closeStop = () => {
      if (stopped) {
        stopped.endedOn = today;
        stopped.endedAt = now;
      }
    };
    const newStop = (kind: ClockStopKind, extra: Partial<ClockStop> = {}) => {
      const stop = tx.create(ClockStop, {
        id: randomUUID(),
        caseId: id,
        kind,
        startedOn: today,
        startedAt: now,
        resumeStatus: fromStatus,
        reason,
        ...extra,
      });
      stops.push(stop);
    };

    switch (request.action) {
      case CaseAction.ACCEPT:
        subject.acceptedOn = today;
        subject.clockStartedOn ??= today;
        break;
      case CaseAction.REFUSE:
        reason = required(request.reason, 'reason');
        subject.decisionReason = reason;
        closeStop();
        break;
      case CaseAction.REQUEST_SUPPLEMENT: {
        const materials = (request.missingMaterials ?? []).map((material, index) =>
          checkText(material, `missingMaterials[${index}]`, 200),
        );
        if (materials.length === 0 || materials.length > 40) {
          throw badUserInput('missingMaterials must list everything missing, at once (1 to 40)', {
            field: 'missingMaterials',
          });
        }
        subject.missingMaterials = materials;
        if (
          fromStatus === CaseStatus.RECEIVED &&
          supplementNoticeIsLate(calendar, subject.receivedOn, today)
        ) {
          // Art. 32: a late notice counts the case as accepted on the day it was received.
          subject.supplementNoticeLate = true;
          subject.clockStartedOn = subject.receivedOn;
        }
        newStop(ClockStopKind.SUPPLEMENT);
        break;
      }
      case CaseAction.RECEIVE_SUPPLEMENT:
        closeStop();
        if (stopped?.resumeStatus === CaseStatus.RECEIVED) {
          subject.acceptedOn = today;
          subject.clockStartedOn ??= today;
        }
        break;
      case CaseAction.START_REVIEW:
        break;
      case CaseAction.START_SPECIAL_PROCEDURE:
        if (immediate) throw conflict('Immediate matters have no special procedures');
        if (!request.procedure) {
          throw badUserInput('procedure is required', { field: 'procedure' });
        }
        newStop(ClockStopKind.SPECIAL_PROCEDURE, {
          procedure: request.procedure,
          legalBasis: required(request.legalBasis, 'legalBasis'),
          approver: required(request.approver, 'approver', 64),
        });
        break;
      case CaseAction.END_SPECIAL_PROCEDURE:
        closeStop();
        break;
      case CaseAction.EXTEND:
        if (immediate) throw conflict('Immediate matters cannot be extended');
        if (subject.extensionDays > 0) {
          throw conflict(`Case ${subject.serialNo} was extended already; the law allows it once`);
        }
        reason = required(request.reason, 'reason');
        subject.extensionDays = EXTENSION_WORKING_DAYS;
        subject.extensionReason = `${reason} (${required(request.approver, 'approver', 64)})`;
        break;
      case CaseAction.APPROVE:
      case CaseAction.DENY:
        subject.decidedOn = today;
        subject.decisionReason = request.action === CaseAction.DENY ? reason : null;
        if (request.feeFen != null) {
          if (!Number.isInteger(request.feeFen) || request.feeFen < 0) {
            throw badUserInput('feeFen must be a whole number of fen, 0 or more', {
              field: 'feeFen',
            });
          }
          subject.feeFen = request.feeFen;
        }
        break;
      case CaseAction.DELIVER:
        subject.deliveredOn = today;
        break;
      case CaseAction.WITHDRAW:
        closeStop();
        subject.decisionReason = reason;
        break;
    }

    subject.status = to;
    const caseClock = clockOf(subject, stops, calendar, today);
    subject.dueOn = caseClock?.dueOn ?? null;
    subject.statutoryDueOn = caseClock?.statutoryDueOn ?? null;
    if (DECIDED_STATUSES.has(to) && !DECIDED_STATUSES.has(fromStatus)) {
      subject.decidedOnTime = caseClock?.onTime ?? true;
      subject.workingDaysTaken = caseClock?.usedWorkingDays ?? 0;
    }

    tx.create(CaseStep, {
      id: randomUUID(),
      caseId: id,
      sequence: subject.version + 1,
      action: request.action,
      fromStatus,
      toStatus: to,
      at: now,
      hallDate: today,
      actor,
      actorRole,
      reason,
    });
    await tx.flush();

    const figureAt = {
      hallDate: today,
      matterId: subject.matterId,
      departmentId: subject.departmentId,
    };
    if (to === CaseStatus.ACCEPTED) await addToFigures(tx, figureAt, { accepted: 1 });
    if (request.action === CaseAction.APPROVE || request.action === CaseAction.DENY) {
      await addToFigures(tx, figureAt, {
        completed: 1,
        completedOnTime: subject.decidedOnTime ? 1 : 0,
        denied: request.action === CaseAction.DENY ? 1 : 0,
        workingDaysTaken: subject.workingDaysTaken ?? 0,
      });
    }
    const events: DomainEvent<object>[] = [
      caseEvent(
        subject,
        { action: request.action, fromStatus, actor, reason },
        stops,
        caseClock,
        now,
      ),
    ];
    if (subject.jointProjectId && DECIDED_STATUSES.has(to)) {
      const project = await completeJointProjectWhenDone(tx, subject.jointProjectId, today);
      if (project) {
        events.push({
          type: 'JointProjectCompleted',
          aggregateType: 'JointProject',
          aggregateId: project.id,
          occurredAt: now,
          payload: { jointProjectId: project.id, code: project.code, signedOffOn: today },
        });
      }
    }
    await appendCaseEvents(tx, events);
    return subject;
  });
}

/** A joint project completes, and is signed off, on the day its last member is decided. */
async function completeJointProjectWhenDone(
  tx: EntityManager,
  projectId: string,
  today: string,
): Promise<JointProject | null> {
  const undecided = await tx.count(Case, {
    jointProjectId: projectId,
    status: {
      $nin: [...DECIDED_STATUSES, CaseStatus.NOT_ACCEPTED, CaseStatus.WITHDRAWN],
    },
  });
  if (undecided > 0) return null;
  const project = await tx.findOneOrFail(JointProject, { id: projectId });
  if (project.status !== JointProjectStatus.IN_PROGRESS) return null;
  project.status = JointProjectStatus.COMPLETED;
  project.signedOffOn = today;
  await tx.flush();
  return project;
}
