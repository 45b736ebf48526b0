import { badUserInput, checkText, conflict, hallDateOf, notFound, parseId } from '@hall/kit';
import { randomUUID } from 'node:crypto';
import type { SupervisionContext } from '../context';
import {
  Complaint,
  ComplaintChannel,
  ComplaintStatus,
  ComplaintSubject,
  type Satisfaction,
} from './complaint.entity';
import { appendSupervisionEvents, COMPLAINT_EVENT_TYPES, complaintEvent } from './complaint.events';
import type { RegisterComplaintInput } from './complaint.input';
import {
  acceptByOf,
  answerByOf,
  complaintActionsFrom,
  ComplaintAction,
  nextComplaintStatus,
} from './complaint.rules';
import { checkPhone } from './personal-data';
import { actorOf, checkVersion, nextYearlyNumber } from './supervision-work';

/**
 * Registers a complaint received today: its acceptBy deadline (5 working days on the hall's
 * calendar), its record number and the ComplaintReceived event commit together.
 */
export async function registerComplaint(
  context: SupervisionContext,
  input: RegisterComplaintInput,
): Promise<Complaint> {
  const departmentId = parseId(input.departmentId, 'input.departmentId');
  const subjectId = parseId(input.subjectId, 'input.subjectId');
  if (input.subjectType === ComplaintSubject.DEPARTMENT && subjectId !== departmentId) {
    throw badUserInput('A complaint about a department names it as subjectId and departmentId', {
      field: 'input.subjectId',
    });
  }
  const complainantName = checkText(input.complainantName, 'input.complainantName', 50);
  const phone = input.complainantPhone?.trim() ? input.complainantPhone : null;
  if (phone === null && input.channel !== ComplaintChannel.LETTER) {
    throw badUserInput('complainantPhone is required unless the complaint came by letter', {
      field: 'input.complainantPhone',
    });
  }
  const complainantPhone = phone === null ? null : checkPhone(phone, 'input.complainantPhone');
  const content = checkText(input.content, 'input.content', 4000);
  const calendar = await context.loaders.calendar();
  const now = context.clock.now();
  const receivedOn = hallDateOf(now);
  const actor = actorOf(context.caller);

  return context.em.transactional(async (tx) => {
    const code = await nextYearlyNumber(tx, {
      table: 'complaint',
      column: 'code',
      prefix: 'TS',
      year: receivedOn.slice(0, 4),
      digits: 4,
    });
    const complaint = tx.create(Complaint, {
      id: randomUUID(),
      code,
      channel: input.channel,
      subjectType: input.subjectType,
      subjectId,
      departmentId,
      complainantName,
      complainantPhone,
      content,
      receivedOn,
      receivedAt: now,
      status: ComplaintStatus.RECEIVED,
      acceptBy: acceptByOf(calendar, receivedOn),
      registeredBy: actor,
    });
    await tx.flush();
    await appendSupervisionEvents(tx, [
      complaintEvent(complaint, COMPLAINT_EVENT_TYPES.RECEIVED, null, actor, now),
    ]);
    return complaint;
  });
}

/** One step supervision asks for; the fields an action needs are checked by the action. */
export interface ComplaintStep {
  complaintId: string;
  action: ComplaintAction;
  expectedVersion?: number | null;
  reason?: string | null;
  answer?: string | null;
  satisfaction?: Satisfaction | null;
}

/**
 * Moves a complaint one step, or refuses and writes nothing: CONFLICT when the step is not
 * one its status allows or the caller's version is stale. Acceptance sets answerBy (10
 * working days on); the change and its event commit in one transaction.
 */
export async function moveComplaint(
  context: SupervisionContext,
  step: ComplaintStep,
): Promise<Complaint> {
  const id = parseId(step.complaintId);
  const reason =
    step.action === ComplaintAction.REJECT ? checkText(step.reason ?? '', 'reason', 1000) : null;
  const answer =
    step.action === ComplaintAction.ANSWER ? checkText(step.answer ?? '', 'answer', 4000) : null;
  if (step.action === ComplaintAction.CLOSE && !step.satisfaction) {
    throw badUserInput('satisfaction is required to close a complaint', { field: 'satisfaction' });
  }
  const calendar = await context.loaders.calendar();
  const now = context.clock.now();
  const today = hallDateOf(now);
  const actor = actorOf(context.caller);

  return context.em.transactional(async (tx) => {
    const complaint = await tx.findOne(Complaint, { id });
    if (!complaint) throw notFound('Complaint', id);
    checkVersion(complaint, step.expectedVersion, `Complaint ${complaint.code}`);
    const fromStatus = complaint.status;
    const to = nextComplaintStatus(fromStatus, step.action);
    if (!to) {
      throw conflict(
        `Complaint ${complaint.code} is ${fromStatus}: ${step.action} is not a step it can take`,
        {
          status: fromStatus,
          action: step.action,
          allowedActions: complaintActionsFrom(fromStatus),
        },
      );
    }
    switch (step.action) {
      case ComplaintAction.ACCEPT:
        complaint.acceptedOn = today;
        complaint.answerBy = answerByOf(calendar, today);
        break;
      case ComplaintAction.REJECT:
        complaint.rejectedOn = today;
        complaint.rejectionReason = reason;
        break;
      case ComplaintAction.ANSWER:
        complaint.answeredOn = today;
        complaint.answer = answer;
        break;
      case ComplaintAction.CLOSE:
        complaint.closedOn = today;
        complaint.satisfaction = step.satisfaction ?? null;
        break;
    }
    complaint.status = to;
    await tx.flush();
    await appendSupervisionEvents(tx, [
      complaintEvent(complaint, COMPLAINT_EVENT_TYPES[step.action], fromStatus, actor, now),
    ]);
    return complaint;
  });
}
