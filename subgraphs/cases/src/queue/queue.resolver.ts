import {
  conflict,
  entityReference,
  hallDateOf,
  loadOrFail,
  notFound,
  parseId,
  type EntityReference,
} from '@hall/kit';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { today, type CasesContext } from '../context';
import { HallToday } from './hall-today.types';
import { appendTicketEvent, appendWindowEvent } from './queue.events';
import { QueueTicket, TicketStatus } from './queue-ticket.entity';
import { WindowSession } from './window-session.entity';

const Window = entityReference('Window', 'cases');
const Department = entityReference('Department', 'cases');
const Matter = entityReference('Matter', 'cases');

/** Who runs the queue: the ticket machine and desk, window clerks, the bureau. */
const QUEUE_OPERATORS = ['SERVICE_BUREAU_ADMIN', 'ACCEPTANCE_CLERK', 'DEPARTMENT_STAFF'] as const;

/** The next number of the day for a prefix: A for walk-ins, Y for appointments. */
export async function nextTicketNumber(
  tx: EntityManager,
  hallDate: string,
  prefix: 'A' | 'Y',
): Promise<string> {
  // One taker at a time per day and prefix; the unique (date, number) index backs it up.
  await tx.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`ticket:${hallDate}:${prefix}`]);
  const [row] = await tx.execute<{ n: number }[]>(
    `select count(*)::int + 1 as n from cases.queue_ticket where hall_date = ? and number like ?`,
    [hallDate, `${prefix}%`],
  );
  return `${prefix}${String(row!.n).padStart(3, '0')}`;
}

async function openSession(tx: EntityManager, windowId: string, now: Date): Promise<boolean> {
  const hallDate = hallDateOf(now);
  const open = await tx.findOne(WindowSession, { windowId, hallDate, closedAt: null });
  if (open) return false;
  tx.create(WindowSession, { id: randomUUID(), windowId, hallDate, openedAt: now });
  await appendWindowEvent(tx, 'WindowOpened', windowId, hallDate, now);
  return true;
}

@Resolver(() => QueueTicket)
export class QueueResolver {
  @Query(() => HallToday, { description: 'The hall today, as the lobby screen shows it.' })
  async hallToday(@Ctx() context: CasesContext): Promise<HallToday> {
    const hallDate = today(context);
    const [tickets] = await context.em.execute<
      {
        visitors: number;
        waiting: number;
        being_served: number;
        served: number;
        no_shows: number;
        average_wait: number | null;
        windows_open: number;
      }[]
    >(
      `select count(*)::int as visitors,
              count(*) filter (where status = 'WAITING')::int as waiting,
              count(*) filter (where status in ('CALLED', 'SERVING'))::int as being_served,
              count(*) filter (where status = 'FINISHED')::int as served,
              count(*) filter (where status = 'NO_SHOW')::int as no_shows,
              round((avg(extract(epoch from called_at - taken_at)) / 60)::numeric, 1)::float as average_wait,
              (select count(distinct window_id)::int from cases.window_session
                where hall_date = ? and closed_at is null) as windows_open
         from cases.queue_ticket where hall_date = ?`,
      [hallDate, hallDate],
    );
    const figures = await context.loaders.figures.load({
      dimension: 'hall',
      id: null,
      from: hallDate,
      to: hallDate,
    });
    return {
      hallDate,
      visitorsToday: tickets?.visitors ?? 0,
      waiting: tickets?.waiting ?? 0,
      beingServed: tickets?.being_served ?? 0,
      served: tickets?.served ?? 0,
      noShows: tickets?.no_shows ?? 0,
      averageWaitMinutes: tickets?.average_wait ?? null,
      windowsOpen: tickets?.windows_open ?? 0,
      casesRegistered: figures.registered,
      casesCompleted: figures.completed,
      onTimeRate: figures.onTimeRate,
    };
  }

  @Query(() => [QueueTicket], { description: 'Today’s tickets in calling order, by status.' })
  queue(
    @Arg('status', () => TicketStatus, { defaultValue: TicketStatus.WAITING }) status: TicketStatus,
    @Ctx() context: CasesContext,
  ) {
    return context.em.find(
      QueueTicket,
      { hallDate: today(context), status },
      { orderBy: { priority: 'desc', takenAt: 'asc' }, limit: 500 },
    );
  }

  @Query(() => QueueTicket)
  queueTicket(@Arg('id', () => ID) id: string, @Ctx() { loaders }: CasesContext) {
    return loadOrFail(loaders.ticketById, 'QueueTicket', id);
  }

  @FieldResolver(() => Window, { nullable: true })
  window(@Root() ticket: QueueTicket): EntityReference | null {
    return ticket.windowId ? { id: ticket.windowId } : null;
  }

  @FieldResolver(() => Department, { nullable: true })
  department(@Root() ticket: QueueTicket): EntityReference | null {
    return ticket.departmentId ? { id: ticket.departmentId } : null;
  }

  @FieldResolver(() => Matter, { nullable: true })
  matter(@Root() ticket: QueueTicket): EntityReference | null {
    return ticket.matterId ? { id: ticket.matterId } : null;
  }

  @Authorized(...QUEUE_OPERATORS)
  @Mutation(() => QueueTicket, {
    description:
      'Takes a ticket for a matter (its department’s windows serve it) or, with none, for the unified acceptance windows.',
  })
  async takeTicket(
    @Arg('matterId', () => ID, { nullable: true }) matterId: string | null,
    @Ctx() context: CasesContext,
  ) {
    let departmentId: string | null = null;
    let matter: string | null = null;
    if (matterId) {
      matter = parseId(matterId, 'matterId');
      const terms = await context.loaders.catalog.matter(matter);
      if (!terms) throw notFound('Matter', matter);
      departmentId = terms.departmentId;
    }
    const now = context.clock.now();
    return context.em.transactional(async (tx) => {
      const hallDate = hallDateOf(now);
      const ticket = tx.create(QueueTicket, {
        id: randomUUID(),
        hallDate,
        number: await nextTicketNumber(tx, hallDate, 'A'),
        departmentId,
        matterId: matter,
        priority: false,
        status: TicketStatus.WAITING,
        takenAt: now,
      });
      await tx.flush();
      await appendTicketEvent(tx, 'TicketTaken', ticket, now);
      return ticket;
    });
  }

  @Authorized(...QUEUE_OPERATORS)
  @Mutation(() => QueueTicket, {
    nullable: true,
    description:
      'Calls the next ticket to a window: appointments first, then walk-ins in order; null when nobody waits. Two windows never call the same ticket.',
  })
  async callNextTicket(@Arg('windowId', () => ID) windowId: string, @Ctx() context: CasesContext) {
    const id = parseId(windowId, 'windowId');
    const window = await context.loaders.catalog.window(id);
    if (!window) throw notFound('Window', id);
    if (!window.active) throw conflict(`Window ${window.code} is not in service`);
    const scopeDepartment = window.kind === 'DEPARTMENT' ? window.departmentId : null;
    const now = context.clock.now();
    const hallDate = hallDateOf(now);
    return context.em.transactional(async (tx) => {
      await openSession(tx, id, now);
      const [next] = await tx.execute<{ id: string }[]>(
        `select t.id from cases.queue_ticket t
           left join cases.appointment a on a.id = t.appointment_id
          where t.hall_date = ? and t.status = 'WAITING'
            and ${scopeDepartment ? 't.department_id = ?' : 't.department_id is null'}
            and (a.window_id is null or a.window_id = ?)
          order by t.priority desc, t.taken_at asc
          limit 1 for update of t skip locked`,
        scopeDepartment ? [hallDate, scopeDepartment, id] : [hallDate, id],
      );
      if (!next) return null;
      const ticket = await tx.findOneOrFail(QueueTicket, { id: next.id });
      ticket.status = TicketStatus.CALLED;
      ticket.windowId = id;
      ticket.calledAt = now;
      await tx.flush();
      await appendTicketEvent(tx, 'TicketCalled', ticket, now);
      return ticket;
    });
  }

  @Authorized(...QUEUE_OPERATORS)
  @Mutation(() => QueueTicket, { description: 'The called visitor reached the window.' })
  startServing(@Arg('id', () => ID) id: string, @Ctx() context: CasesContext) {
    return this.moveTicket(context, id, [TicketStatus.CALLED], TicketStatus.SERVING);
  }

  @Authorized(...QUEUE_OPERATORS)
  @Mutation(() => QueueTicket, { description: 'The visitor was served.' })
  finishTicket(@Arg('id', () => ID) id: string, @Ctx() context: CasesContext) {
    return this.moveTicket(
      context,
      id,
      [TicketStatus.CALLED, TicketStatus.SERVING],
      TicketStatus.FINISHED,
    );
  }

  @Authorized(...QUEUE_OPERATORS)
  @Mutation(() => QueueTicket, { description: 'The called visitor did not come.' })
  markNoShow(@Arg('id', () => ID) id: string, @Ctx() context: CasesContext) {
    return this.moveTicket(context, id, [TicketStatus.CALLED], TicketStatus.NO_SHOW);
  }

  @Authorized(...QUEUE_OPERATORS)
  @Mutation(() => Boolean, { description: 'Opens a window for today; false when it was open.' })
  async openWindow(@Arg('windowId', () => ID) windowId: string, @Ctx() context: CasesContext) {
    const id = parseId(windowId, 'windowId');
    if (!(await context.loaders.catalog.window(id))) throw notFound('Window', id);
    return context.em.transactional((tx) => openSession(tx, id, context.clock.now()));
  }

  @Authorized(...QUEUE_OPERATORS)
  @Mutation(() => Boolean, { description: 'Closes a window for today; false when it was closed.' })
  async closeWindow(@Arg('windowId', () => ID) windowId: string, @Ctx() context: CasesContext) {
    const id = parseId(windowId, 'windowId');
    const now = context.clock.now();
    return context.em.transactional(async (tx) => {
      const open = await tx.findOne(WindowSession, {
        windowId: id,
        hallDate: hallDateOf(now),
        closedAt: null,
      });
      if (!open) return false;
      open.closedAt = now;
      await appendWindowEvent(tx, 'WindowClosed', id, open.hallDate, now);
      return true;
    });
  }

  private async moveTicket(
    context: CasesContext,
    rawId: string,
    from: TicketStatus[],
    to: TicketStatus,
  ): Promise<QueueTicket> {
    const id = parseId(rawId);
    const now = context.clock.now();
    return context.em.transactional(async (tx) => {
      const ticket = await tx.findOne(
        QueueTicket,
        { id },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!ticket) throw notFound('QueueTicket', id);
      if (!from.includes(ticket.status)) {
        throw conflict(`Ticket ${ticket.number} is ${ticket.status}; it cannot become ${to}`, {
          status: ticket.status,
        });
      }
      ticket.status = to;
      if (to === TicketStatus.SERVING) ticket.servedAt = now;
      else ticket.finishedAt = now;
      await tx.flush();
      const type =
        to === TicketStatus.SERVING
          ? 'TicketServing'
          : to === TicketStatus.FINISHED
            ? 'TicketFinished'
            : 'TicketNoShow';
      await appendTicketEvent(tx, type, ticket, now);
      return ticket;
    });
  }
}
