import {
  appendEvents,
  checkText,
  conflict,
  actorOf,
  checkDepartmentScope,
  notFound,
  parseId,
  type Caller,
} from '@hall/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { Appeal, AppealDecision, AppealKind } from './appeal.entity';
import { LightAction } from './light-entry.entity';
import {
  AlertLight,
  LEVEL_RANK,
  LightLevel,
  LightStatus,
  LightSubject,
  LIT_STATUSES,
  RuleCode,
} from './light.entity';
import { addEntry, lightEvent, noticesFor, SUPERVISION_EVENT_SOURCE } from './light.reconcile';
import { WatchedCase } from './watched-case.entity';

/** Department staff act on their own department's lights only. */
export function checkLightScope(caller: Caller, departmentId: string): void {
  checkDepartmentScope(caller, departmentId, 'lights', 'act');
}

async function lockedLight(tx: EntityManager, rawId: string, caller: Caller): Promise<AlertLight> {
  const id = parseId(rawId);
  const light = await tx.findOne(AlertLight, { id });
  if (!light) throw notFound('AlertLight', id);
  checkLightScope(caller, light.departmentId);
  return light;
}

function requireStatus(light: AlertLight, allowed: readonly LightStatus[], what: string): void {
  if (!allowed.includes(light.status)) {
    throw conflict(`Light ${light.id} is ${light.status}; it cannot be ${what}`, {
      status: light.status,
    });
  }
}

/**
 * Runs one change of a light in a transaction: the light (its version checked), a line of
 * its history, notices and the event, together or not at all.
 */
export async function changeLight(
  em: EntityManager,
  rawId: string,
  caller: Caller,
  now: Date,
  change: (
    tx: EntityManager,
    light: AlertLight,
  ) => Promise<{ action: LightAction; event: string; note: string | null }>,
): Promise<AlertLight> {
  return em.transactional(async (tx) => {
    const light = await lockedLight(tx, rawId, caller);
    const { action, event, note } = await change(tx, light);
    addEntry(tx, light, action, now, actorOf(caller), note);
    await tx.flush();
    await appendEvents(tx, SUPERVISION_EVENT_SOURCE, [lightEvent(event, light, now)]);
    return light;
  });
}

export const acknowledge = (tx: EntityManager, light: AlertLight) => {
  requireStatus(light, [LightStatus.ON], 'acknowledged');
  light.status = LightStatus.ACKNOWLEDGED;
  return Promise.resolve({
    action: LightAction.ACKNOWLEDGED,
    event: 'LightAcknowledged',
    note: null,
  });
};

export function resolve(note: string, now: Date) {
  return (tx: EntityManager, light: AlertLight) => {
    requireStatus(light, [LightStatus.ON, LightStatus.ACKNOWLEDGED], 'resolved');
    light.status = LightStatus.RESOLVED;
    light.endedAt = now;
    return Promise.resolve({
      action: LightAction.RESOLVED,
      event: 'LightResolved',
      note: checkText(note, 'note', 500),
    });
  };
}

export function escalate(note: string | null, now: Date) {
  return (tx: EntityManager, light: AlertLight) => {
    requireStatus(light, LIT_STATUSES, 'escalated');
    if (light.escalated) throw conflict(`Light ${light.id} is escalated already`);
    light.escalated = true;
    noticesFor(tx, light, now, `督办: ${light.cause}`);
    return Promise.resolve({
      action: LightAction.ESCALATED,
      event: 'LightEscalated',
      note: note?.trim() || null,
    });
  };
}

export function fileAppeal(kind: AppealKind, reason: string, caller: Caller, now: Date) {
  return (tx: EntityManager, light: AlertLight) => {
    requireStatus(light, [LightStatus.ON, LightStatus.ACKNOWLEDGED], 'appealed');
    light.status = LightStatus.APPEALED;
    const text = checkText(reason, 'input.reason', 500);
    tx.create(Appeal, {
      id: randomUUID(),
      lightId: light.id,
      kind,
      reason: text,
      filedBy: actorOf(caller),
      filedAt: now,
    });
    return Promise.resolve({
      action: LightAction.APPEALED,
      event: 'LightAppealed',
      note: `${kind}: ${text}`,
    });
  };
}

/**
 * Supervision's decision on the open appeal of a light. Upheld: a REVOKE or RETURN appeal
 * revokes the light, an ESCALATE appeal escalates it; rejected: the light is lit again as it
 * was.
 */
export function decideAppeal(
  decision: AppealDecision,
  note: string | null,
  caller: Caller,
  now: Date,
) {
  return async (tx: EntityManager, light: AlertLight) => {
    requireStatus(light, [LightStatus.APPEALED], 'decided on');
    const appeal = await tx.findOne(Appeal, { lightId: light.id, decision: null });
    if (!appeal) throw conflict(`Light ${light.id} has no open appeal`);
    appeal.decision = decision;
    appeal.decidedBy = actorOf(caller);
    appeal.decidedAt = now;
    appeal.note = note?.trim() || null;
    if (decision === AppealDecision.REJECTED) {
      light.status = LightStatus.ON;
      return {
        action: LightAction.APPEAL_REJECTED,
        event: 'LightAppealRejected',
        note: appeal.note,
      };
    }
    if (appeal.kind === AppealKind.ESCALATE) {
      light.status = LightStatus.ON;
      light.escalated = true;
      noticesFor(tx, light, now, `督办: ${light.cause}`);
      return { action: LightAction.APPEAL_UPHELD, event: 'LightEscalated', note: appeal.note };
    }
    light.status = LightStatus.REVOKED;
    light.endedAt = now;
    return { action: LightAction.APPEAL_UPHELD, event: 'LightRevoked', note: appeal.note };
  };
}

/**
 * A light raised by hand by supervision staff on a case it watches: it lights the case, or
 * makes its light rise; a lower level than the light's adds the reason to its history.
 */
export async function raiseByHand(
  em: EntityManager,
  rawCaseId: string,
  level: LightLevel,
  reason: string,
  caller: Caller,
  now: Date,
): Promise<AlertLight> {
  const caseId = parseId(rawCaseId, 'caseId');
  const note = checkText(reason, 'reason', 500);
  return em.transactional(async (tx) => {
    const watched = await tx.findOne(WatchedCase, { caseId });
    if (!watched) throw notFound('Case', caseId);
    let light = await tx.findOne(AlertLight, {
      subjectType: LightSubject.CASE,
      subjectId: caseId,
      status: { $in: [...LIT_STATUSES] },
    });
    let event = 'LightRaised';
    if (!light) {
      light = tx.create(AlertLight, {
        id: randomUUID(),
        subjectType: LightSubject.CASE,
        subjectId: caseId,
        departmentId: watched.departmentId,
        level,
        status: LightStatus.ON,
        rule: RuleCode.MANUAL,
        cause: note,
        raisedAt: now,
      });
      addEntry(tx, light, LightAction.RAISED, now, actorOf(caller), note, RuleCode.MANUAL);
      noticesFor(tx, light, now, note);
    } else if (LEVEL_RANK[level] > LEVEL_RANK[light.level]) {
      light.level = level;
      light.rule = RuleCode.MANUAL;
      light.cause = note;
      addEntry(tx, light, LightAction.ROSE, now, actorOf(caller), note, RuleCode.MANUAL);
      noticesFor(tx, light, now, note);
      event = 'LightRose';
    } else {
      addEntry(tx, light, LightAction.CAUSE_ADDED, now, actorOf(caller), note, RuleCode.MANUAL);
      event = 'LightCauseAdded';
    }
    await tx.flush();
    await appendEvents(tx, SUPERVISION_EVENT_SOURCE, [lightEvent(event, light, now)]);
    return light;
  });
}
