import { appendEvents, type DomainEvent } from '@hall/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { LightAction, LightEntry } from './light-entry.entity';
import { LightNotice } from './light-notice.entity';
import {
  AlertLight,
  LEVEL_RANK,
  LightLevel,
  LightStatus,
  LightSubject,
  LIT_STATUSES,
  RuleCode,
} from './light.entity';
import { CURABLE_RULES, type Cause } from './light.rules';

/** The PostgreSQL schema whose event log carries supervision's events. */
export const SUPERVISION_EVENT_SOURCE = 'supervision';

export interface LightSubjectRef {
  type: LightSubject;
  id: string;
  departmentId: string;
}

/** Payload of every light event: what a lobby screen or a subscriber needs to show it. */
export interface LightEventPayload {
  lightId: string;
  subjectType: LightSubject;
  subjectId: string;
  departmentId: string;
  level: LightLevel;
  status: LightStatus;
  rule: RuleCode;
  escalated: boolean;
  cause: string;
}

export function lightEvent(
  type: string,
  light: AlertLight,
  at: Date,
): DomainEvent<LightEventPayload> {
  return {
    type,
    aggregateType: 'AlertLight',
    aggregateId: light.id,
    occurredAt: at,
    payload: {
      lightId: light.id,
      subjectType: light.subjectType,
      subjectId: light.subjectId,
      departmentId: light.departmentId,
      level: light.level,
      status: light.status,
      rule: light.rule,
      escalated: light.escalated,
      cause: light.cause,
    },
  };
}

/**
 * Tells those a light concerns: its department always, supervision staff once it is red,
 * the bureau and the city's leaders once it is escalated (督办).
 */
export function noticesFor(tx: EntityManager, light: AlertLight, at: Date, message: string): void {
  const recipients: { role: string; departmentId: string | null }[] = [
    { role: 'DEPARTMENT_STAFF', departmentId: light.departmentId },
  ];
  if (light.level === LightLevel.RED || light.escalated) {
    recipients.push({ role: 'SUPERVISION_STAFF', departmentId: null });
  }
  if (light.escalated) {
    recipients.push({ role: 'SERVICE_BUREAU_ADMIN', departmentId: null });
    recipients.push({ role: 'CITY_LEADER', departmentId: null });
  }
  for (const recipient of recipients) {
    tx.create(LightNotice, {
      id: randomUUID(),
      lightId: light.id,
      recipientRole: recipient.role,
      departmentId: recipient.departmentId,
      at,
      message,
    });
  }
}

export function addEntry(
  tx: EntityManager,
  light: AlertLight,
  action: LightAction,
  at: Date,
  actor: string,
  note: string | null,
  rule: RuleCode | null = null,
): void {
  tx.create(LightEntry, {
    id: randomUUID(),
    lightId: light.id,
    action,
    rule,
    level: light.level,
    at,
    actor,
    note,
  });
}

/**
 * Brings a subject's light in line with the causes that hold now, inside the caller's
 * transaction: a new cause lights it or makes it rise (levels never fall); a cause already
 * recorded on its lit light, or on one that was resolved or revoked, does nothing again, so
 * evaluating the same facts twice changes nothing. A yellow light goes off by itself once the
 * subject finished in time, or once none of its (curable) causes holds any more; a red one
 * waits for supervision. Returns the subject's lit light after the change, if any.
 */
export async function applyCauses(
  tx: EntityManager,
  subject: LightSubjectRef,
  causes: readonly Cause[],
  now: Date,
  finishedInTime: boolean,
): Promise<AlertLight | null> {
  const lights = await tx.find(AlertLight, { subjectType: subject.type, subjectId: subject.id });
  const entries =
    lights.length === 0
      ? []
      : await tx.find(LightEntry, { lightId: { $in: lights.map((light) => light.id) } });
  let lit = lights.find((light) => LIT_STATUSES.includes(light.status)) ?? null;
  const handled = new Set(
    lights
      .filter((light) =>
        [LightStatus.RESOLVED, LightStatus.REVOKED, ...LIT_STATUSES].includes(light.status),
      )
      .flatMap((light) =>
        entries.filter((entry) => entry.lightId === light.id && entry.rule).map((e) => e.rule!),
      ),
  );
  const events: DomainEvent<object>[] = [];

  for (const cause of causes) {
    if (handled.has(cause.rule)) continue;
    handled.add(cause.rule);
    if (!lit) {
      lit = tx.create(AlertLight, {
        id: randomUUID(),
        subjectType: subject.type,
        subjectId: subject.id,
        departmentId: subject.departmentId,
        level: cause.level,
        status: LightStatus.ON,
        rule: cause.rule,
        cause: cause.note,
        raisedAt: now,
      });
      addEntry(tx, lit, LightAction.RAISED, now, `rule:${cause.rule}`, cause.note, cause.rule);
      noticesFor(tx, lit, now, cause.note);
      events.push(lightEvent('LightRaised', lit, now));
    } else if (LEVEL_RANK[cause.level] > LEVEL_RANK[lit.level]) {
      lit.level = cause.level;
      lit.rule = cause.rule;
      lit.cause = cause.note;
      addEntry(tx, lit, LightAction.ROSE, now, `rule:${cause.rule}`, cause.note, cause.rule);
      noticesFor(tx, lit, now, cause.note);
      events.push(lightEvent('LightRose', lit, now));
    } else {
      addEntry(tx, lit, LightAction.CAUSE_ADDED, now, `rule:${cause.rule}`, cause.note, cause.rule);
    }
  }

  if (lit && lit.level === LightLevel.YELLOW) {
    const holding = new Set(causes.map((cause) => cause.rule));
    const recorded = [
      ...entries.filter((entry) => entry.lightId === lit!.id && entry.rule).map((e) => e.rule!),
      ...causes.map((cause) => cause.rule),
    ];
    const cured =
      recorded.length > 0 &&
      recorded.every((rule) => CURABLE_RULES.has(rule) && !holding.has(rule));
    if (finishedInTime || cured) {
      lit.status = LightStatus.OFF;
      lit.endedAt = now;
      const why = finishedInTime ? 'finished in time' : 'the cause was cured';
      addEntry(tx, lit, LightAction.WENT_OFF, now, 'rule', why);
      events.push(lightEvent('LightWentOff', lit, now));
      lit = null;
    }
  }
  await tx.flush();
  await appendEvents(tx, SUPERVISION_EVENT_SOURCE, events);
  return lit;
}
