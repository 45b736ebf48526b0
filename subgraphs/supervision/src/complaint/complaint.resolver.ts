import {
  checkPageArgs,
  connectionOf,
  entityReference,
  loadOrFail,
  PageArgs,
  parseId,
  toConnection,
  type EntityReference,
} from '@hall/kit';
import type { FilterQuery } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { SupervisionContext } from '../context';
import { Complaint, ComplaintStatus, ComplaintSubject, Satisfaction } from './complaint.entity';
import { ComplaintFigures } from './complaint.figures';
import { ComplaintFilter, RegisterComplaintInput } from './complaint.input';
import { ComplaintAction, complaintActionsFrom, currentDeadline } from './complaint.rules';
import { moveComplaint, registerComplaint } from './complaint.transitions';
import { maskName, maskPhone } from './personal-data';
import {
  checkDepartmentScope,
  checkPeriod,
  COMPLAINT_REGISTRARS,
  maySeePersonalData,
  scopedDepartment,
  SUPERVISION_OVERSEERS,
  SUPERVISION_READERS,
  SUPERVISION_WORKERS,
  today,
} from './supervision-work';

export const ComplaintConnection = connectionOf(Complaint);

/** Types of other subgraphs a complaint points at, known here by their key alone. */
export const COMPLAINT_REFERENCE_TYPES = ['Window', 'Staff', 'Case'] as const;

const Department = entityReference('Department', 'supervision');
const Window = entityReference('Window', 'supervision');
const Staff = entityReference('Staff', 'supervision');
const Case = entityReference('Case', 'supervision');

function subjectOf(complaint: Complaint, type: ComplaintSubject): EntityReference | null {
  return complaint.subjectType === type ? { id: complaint.subjectId } : null;
}

@Resolver(() => Complaint)
export class ComplaintResolver {
  @Authorized(...SUPERVISION_READERS)
  @Query(() => Complaint, { description: 'Department staff read their own department’s only.' })
  async complaint(@Arg('id', () => ID) id: string, @Ctx() context: SupervisionContext) {
    const found = await loadOrFail(context.loaders.complaintById, 'Complaint', id);
    checkDepartmentScope(context.caller, found.departmentId, 'complaints');
    return found;
  }

  @Authorized(...SUPERVISION_READERS)
  @Query(() => ComplaintConnection, {
    description: 'Complaints, newest first. Department staff see their own department’s only.',
  })
  async complaints(
    @Args() page: PageArgs,
    @Arg('filter', () => ComplaintFilter, { nullable: true }) filter: ComplaintFilter | null,
    @Ctx() context: SupervisionContext,
  ) {
    const where: FilterQuery<Complaint> = {};
    if (filter?.statuses?.length) where.status = { $in: filter.statuses };
    if (filter?.departmentId) {
      where.departmentId = parseId(filter.departmentId, 'filter.departmentId');
    }
    const scope = scopedDepartment(context.caller);
    if (scope !== undefined) where.departmentId = scope;
    if (filter?.channel) where.channel = filter.channel;
    if (filter?.subjectType) where.subjectType = filter.subjectType;
    if (filter?.receivedFrom || filter?.receivedTo) {
      where.receivedOn = {
        ...(filter.receivedFrom && { $gte: filter.receivedFrom }),
        ...(filter.receivedTo && { $lte: filter.receivedTo }),
      };
    }
    if (filter?.overdue != null) {
      const day = today(context);
      const overdue: FilterQuery<Complaint> = {
        $or: [
          { status: ComplaintStatus.RECEIVED, acceptBy: { $lt: day } },
          { status: ComplaintStatus.ACCEPTED, answerBy: { $lt: day } },
        ],
      };
      Object.assign(where, filter.overdue ? overdue : { $not: overdue });
    }
    const cursor = await context.em.findByCursor(Complaint, where, {
      ...checkPageArgs(page),
      orderBy: { receivedAt: 'desc', id: 'desc' },
    });
    return toConnection(cursor);
  }

  @FieldResolver(() => String, {
    description: 'Masked to the surname (王**) unless the caller is supervision or the bureau.',
  })
  complainantName(@Root() complaint: Complaint, @Ctx() { caller }: SupervisionContext) {
    return maySeePersonalData(caller)
      ? complaint.complainantName
      : maskName(complaint.complainantName);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Masked (138****5678) unless the caller is supervision or the bureau.',
  })
  complainantPhone(@Root() complaint: Complaint, @Ctx() { caller }: SupervisionContext) {
    if (!complaint.complainantPhone) return null;
    return maySeePersonalData(caller)
      ? complaint.complainantPhone
      : maskPhone(complaint.complainantPhone);
  }

  @FieldResolver(() => Department, { description: 'The department concerned.' })
  department(@Root() complaint: Complaint): EntityReference {
    return { id: complaint.departmentId };
  }

  @FieldResolver(() => Window, { nullable: true, description: 'When the subject is a window.' })
  window(@Root() complaint: Complaint) {
    return subjectOf(complaint, ComplaintSubject.WINDOW);
  }

  @FieldResolver(() => Staff, {
    nullable: true,
    description: 'When the subject is a staff member.',
  })
  staff(@Root() complaint: Complaint) {
    return subjectOf(complaint, ComplaintSubject.STAFF);
  }

  @FieldResolver(() => Case, { nullable: true, description: 'When the subject is a case.' })
  case(@Root() complaint: Complaint) {
    return subjectOf(complaint, ComplaintSubject.CASE);
  }

  @FieldResolver(() => [ComplaintAction], { description: 'The steps the complaint can take now.' })
  allowedActions(@Root() complaint: Complaint) {
    return complaintActionsFrom(complaint.status);
  }

  @FieldResolver(() => LocalDateResolver, {
    nullable: true,
    description: 'The deadline it runs against now: acceptBy, then answerBy; null once answered.',
  })
  deadline(@Root() complaint: Complaint) {
    return currentDeadline(complaint);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Working days left to the deadline as of today; negative once overdue.',
  })
  async remainingWorkingDays(@Root() complaint: Complaint, @Ctx() context: SupervisionContext) {
    const deadline = currentDeadline(complaint);
    if (!deadline) return null;
    const calendar = await context.loaders.calendar();
    return calendar.countWorkingDays(today(context), deadline);
  }

  @FieldResolver(() => Boolean, { description: 'Past the deadline it runs against today.' })
  overdue(@Root() complaint: Complaint, @Ctx() context: SupervisionContext) {
    const deadline = currentDeadline(complaint);
    return deadline !== null && deadline < today(context);
  }

  @Authorized(...COMPLAINT_REGISTRARS)
  @Mutation(() => Complaint, {
    description:
      'Registers a complaint received today; it must be accepted or rejected by acceptBy.',
  })
  registerComplaint(
    @Arg('input', () => RegisterComplaintInput) input: RegisterComplaintInput,
    @Ctx() context: SupervisionContext,
  ) {
    return registerComplaint(context, input);
  }

  @Authorized(...SUPERVISION_WORKERS)
  @Mutation(() => Complaint, { description: 'Accepts a complaint (受理); answerBy is set.' })
  acceptComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() context: SupervisionContext,
  ) {
    return moveComplaint(context, {
      complaintId: id,
      action: ComplaintAction.ACCEPT,
      expectedVersion,
    });
  }

  @Authorized(...SUPERVISION_WORKERS)
  @Mutation(() => Complaint, { description: 'Rejects a complaint (不予受理), with the reason.' })
  rejectComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('reason') reason: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() context: SupervisionContext,
  ) {
    return moveComplaint(context, {
      complaintId: id,
      action: ComplaintAction.REJECT,
      reason,
      expectedVersion,
    });
  }

  @Authorized(...SUPERVISION_WORKERS)
  @Mutation(() => Complaint, { description: 'Records the answer given to the complainant.' })
  answerComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('answer') answer: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() context: SupervisionContext,
  ) {
    return moveComplaint(context, {
      complaintId: id,
      action: ComplaintAction.ANSWER,
      answer,
      expectedVersion,
    });
  }

  @Authorized(...SUPERVISION_WORKERS)
  @Mutation(() => Complaint, {
    description: 'Closes an answered complaint with the complainant’s satisfaction (办结).',
  })
  closeComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('satisfaction', () => Satisfaction) satisfaction: Satisfaction,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() context: SupervisionContext,
  ) {
    return moveComplaint(context, {
      complaintId: id,
      action: ComplaintAction.CLOSE,
      satisfaction,
      expectedVersion,
    });
  }
}

@Resolver()
export class ComplaintFiguresResolver {
  @Authorized(...SUPERVISION_OVERSEERS)
  @Query(() => ComplaintFigures, {
    description: 'The whole hall’s complaints received over a period, and where they stand.',
  })
  complaintFigures(
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Ctx() context: SupervisionContext,
  ) {
    return context.loaders.complaintFigures.load({
      departmentId: null,
      ...checkPeriod(from, to),
      today: today(context),
    });
  }
}

@Resolver(() => Department)
export class DepartmentComplaintFiguresResolver {
  @Authorized(...SUPERVISION_READERS)
  @FieldResolver(() => ComplaintFigures, {
    description:
      'The complaints about the department received over a period. Department staff: their own only.',
  })
  complaintFigures(
    @Root() department: EntityReference,
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Ctx() context: SupervisionContext,
  ) {
    checkDepartmentScope(context.caller, department.id, 'complaint figures');
    return context.loaders.complaintFigures.load({
      departmentId: department.id,
      ...checkPeriod(from, to),
      today: today(context),
    });
  }
}
