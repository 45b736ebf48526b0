import { appendEvents, type DomainEvent } from '@hall/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CASES_EVENT_SOURCE } from '../case/case.events';
import type { QueueTicket } from './queue-ticket.entity';

/** Announces a ticket's change: the lobby screen's figures move with these. */
export function appendTicketEvent(
  tx: EntityManager,
  type: 'TicketTaken' | 'TicketCalled' | 'TicketServing' | 'TicketFinished' | 'TicketNoShow',
  ticket: QueueTicket,
  occurredAt: Date,
): Promise<void> {
  const event: DomainEvent = {
    type,
    aggregateType: 'QueueTicket',
    aggregateId: ticket.id,
    occurredAt,
    payload: {
      ticketId: ticket.id,
      number: ticket.number,
      hallDate: ticket.hallDate,
      status: ticket.status,
      departmentId: ticket.departmentId ?? null,
      windowId: ticket.windowId ?? null,
      priority: ticket.priority,
    },
  };
  return appendEvents(tx, CASES_EVENT_SOURCE, [event]);
}

export function appendWindowEvent(
  tx: EntityManager,
  type: 'WindowOpened' | 'WindowClosed',
  windowId: string,
  hallDate: string,
  occurredAt: Date,
): Promise<void> {
  return appendEvents(tx, CASES_EVENT_SOURCE, [
    {
      type,
      aggregateType: 'Window',
      aggregateId: windowId,
      occurredAt,
      payload: { windowId, hallDate },
    },
  ]);
}
