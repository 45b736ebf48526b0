import {
  badUserInput,
  conflict,
  entityReference,
  hallDateOf,
  loadOrFail,
  notFound,
  parseId,
} from '@hall/kit';
import { LocalDateResolver } from 'graphql-scalars';
import { randomUUID } from 'node:crypto';
import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Applicant } from '../applicant/applicant.entity';
import { ApplicantInput } from '../case/case.input';
import { activeMatter, applicantFor } from '../case/case.registration';
import { today, type CasesContext } from '../context';
import { appendTicketEvent } from '../queue/queue.events';
import { nextTicketNumber } from '../queue/queue.resolver';
import { QueueTicket, TicketStatus } from '../queue/queue-ticket.entity';
import { Appointment, AppointmentStatus } from './appointment.entity';
import { SLOT_CAPACITY, slotsOf } from './hall-hours';

@ObjectType({ description: 'A time slot of a window that can be booked.' })
export class AppointmentSlot {
  @Field()
  startsAt!: Date;

  @Field()
  endsAt!: Date;

  @Field()
  extendedHours!: boolean;

  @Field(() => Int)
  capacity!: number;

  @Field(() => Int)
  booked!: number;

  @Field(() => Int)
  available!: number;
}

@InputType()
export class BookAppointmentInput {
  @Field(() => ID)
  matterId!: string;

  @Field(() => ID)
  windowId!: string;

  @Field({ description: 'The start of a slot listed by appointmentSlots.' })
  startsAt!: Date;

  @Field(() => ID, { nullable: true })
  applicantId?: string | null;

  @Field(() => ApplicantInput, { nullable: true })
  applicant?: ApplicantInput | null;
}

const Window = entityReference('Window', 'cases');
const Matter = entityReference('Matter', 'cases');
const BOOKERS = ['SERVICE_BUREAU_ADMIN', 'ACCEPTANCE_CLERK', 'DEPARTMENT_STAFF'] as const;

@Resolver(() => Appointment)
export class AppointmentResolver {
  @Query(() => [AppointmentSlot], {
    description: 'The slots of a window on a date, with what is still free; none on days off.',
  })
  async appointmentSlots(
    @Arg('windowId', () => ID) windowId: string,
    @Arg('date', () => LocalDateResolver) date: string,
    @Ctx() context: CasesContext,
  ) {
    const id = parseId(windowId, 'windowId');
    const window = await context.loaders.catalog.window(id);
    if (!window) throw notFound('Window', id);
    const calendar = await context.loaders.calendar();
    if (!window.active || !calendar.isWorkingDay(date)) return [];
    const booked = await context.em.execute<{ starts_at: Date; n: number }[]>(
      `select starts_at, count(*)::int as n from cases.appointment
        where window_id = ? and hall_date = ? and status <> 'CANCELLED' group by starts_at`,
      [id, date],
    );
    const byStart = new Map(booked.map((row) => [new Date(row.starts_at).getTime(), row.n]));
    return slotsOf(date, window.extendedHours).map((slot) => {
      const taken = byStart.get(slot.startsAt.getTime()) ?? 0;
      return {
        ...slot,
        capacity: SLOT_CAPACITY,
        booked: taken,
        available: Math.max(0, SLOT_CAPACITY - taken),
      };
    });
  }

  @Authorized(...BOOKERS)
  @Query(() => [Appointment], { description: 'A day’s appointments, by time.' })
  appointments(
    @Arg('date', () => LocalDateResolver) date: string,
    @Arg('windowId', () => ID, { nullable: true }) windowId: string | null,
    @Ctx() { em }: CasesContext,
  ) {
    return em.find(
      Appointment,
      { hallDate: date, ...(windowId && { windowId: parseId(windowId, 'windowId') }) },
      { orderBy: { startsAt: 'asc' }, limit: 500 },
    );
  }

  @FieldResolver(() => Window)
  window(@Root() appointment: Appointment) {
    return { id: appointment.windowId };
  }

  @FieldResolver(() => Matter)
  matter(@Root() appointment: Appointment) {
    return { id: appointment.matterId };
  }

  @FieldResolver(() => Applicant)
  applicant(@Root() appointment: Appointment, @Ctx() { loaders }: CasesContext) {
    return loaders.applicantById.load(appointment.applicantId);
  }

  @FieldResolver(() => QueueTicket, { nullable: true })
  ticket(@Root() appointment: Appointment, @Ctx() { loaders }: CasesContext) {
    return appointment.ticketId ? loaders.ticketById.load(appointment.ticketId) : null;
  }

  @Authorized(...BOOKERS)
  @Mutation(() => Appointment, {
    description: 'Books a slot (预约服务); refused when the slot is past, not offered or full.',
  })
  async bookAppointment(
    @Arg('input', () => BookAppointmentInput) input: BookAppointmentInput,
    @Ctx() context: CasesContext,
  ) {
    const matter = await activeMatter(context, input.matterId, 'input.matterId');
    const windowId = parseId(input.windowId, 'input.windowId');
    const window = await context.loaders.catalog.window(windowId);
    if (!window) throw notFound('Window', windowId);
    if (window.kind === 'DEPARTMENT' && window.departmentId !== matter.departmentId) {
      throw badUserInput(`Window ${window.code} does not serve matter ${matter.code}`, {
        field: 'input.windowId',
      });
    }
    const date = hallDateOf(input.startsAt);
    const calendar = await context.loaders.calendar();
    const slot = calendar.isWorkingDay(date)
      ? slotsOf(date, window.extendedHours).find(
          (candidate) => candidate.startsAt.getTime() === input.startsAt.getTime(),
        )
      : undefined;
    if (!slot) {
      throw badUserInput('startsAt is not a slot this window offers', { field: 'input.startsAt' });
    }
    if (slot.startsAt <= context.clock.now()) {
      throw badUserInput('That slot has begun already', { field: 'input.startsAt' });
    }
    return context.em.transactional(async (tx) => {
      await tx.execute(`select pg_advisory_xact_lock(hashtext(?))`, [
        `slot:${windowId}:${slot.startsAt.toISOString()}`,
      ]);
      const taken = await tx.count(Appointment, {
        windowId,
        startsAt: slot.startsAt,
        status: { $ne: AppointmentStatus.CANCELLED },
      });
      if (taken >= SLOT_CAPACITY) throw conflict('That slot is fully booked');
      const applicant = await applicantFor(tx, input, 'input');
      const [row] = await tx.execute<{ n: string }[]>(
        `select nextval('cases.appointment_serial') as n`,
      );
      return tx.create(Appointment, {
        id: randomUUID(),
        code: `Y${date.replaceAll('-', '').slice(2)}${String(row!.n).padStart(5, '0')}`,
        matterId: matter.id,
        windowId,
        departmentId: matter.departmentId,
        applicantId: applicant.id,
        hallDate: date,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        extendedHours: slot.extendedHours,
        status: AppointmentStatus.BOOKED,
      });
    });
  }

  @Authorized(...BOOKERS)
  @Mutation(() => Appointment)
  async cancelAppointment(@Arg('id', () => ID) id: string, @Ctx() context: CasesContext) {
    const appointment = await loadOrFail(context.loaders.appointmentById, 'Appointment', id);
    if (appointment.status !== AppointmentStatus.BOOKED) {
      throw conflict(`Appointment ${appointment.code} is ${appointment.status}`);
    }
    appointment.status = AppointmentStatus.CANCELLED;
    await context.em.flush();
    return appointment;
  }

  @Authorized(...BOOKERS)
  @Mutation(() => QueueTicket, {
    description: 'Checks an appointment in on its day: its ticket goes ahead of walk-ins.',
  })
  async checkInAppointment(@Arg('id', () => ID) id: string, @Ctx() context: CasesContext) {
    const appointment = await loadOrFail(context.loaders.appointmentById, 'Appointment', id);
    if (appointment.status !== AppointmentStatus.BOOKED) {
      throw conflict(`Appointment ${appointment.code} is ${appointment.status}`);
    }
    const hallDate = today(context);
    if (appointment.hallDate !== hallDate) {
      throw conflict(`Appointment ${appointment.code} is for ${appointment.hallDate}`);
    }
    const now = context.clock.now();
    return context.em.transactional(async (tx) => {
      const ticket = tx.create(QueueTicket, {
        id: randomUUID(),
        hallDate,
        number: await nextTicketNumber(tx, hallDate, 'Y'),
        departmentId: appointment.departmentId ?? null,
        matterId: appointment.matterId,
        priority: true,
        appointmentId: appointment.id,
        status: TicketStatus.WAITING,
        takenAt: now,
      });
      const current = await tx.findOneOrFail(Appointment, { id: appointment.id });
      current.status = AppointmentStatus.CHECKED_IN;
      current.ticketId = ticket.id;
      await tx.flush();
      await appendTicketEvent(tx, 'TicketTaken', ticket, now);
      return ticket;
    });
  }
}
