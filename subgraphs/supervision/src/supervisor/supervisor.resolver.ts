import {
  badUserInput,
  checkPageArgs,
  checkText,
  conflict,
  connectionOf,
  entityReference,
  hallDateOf,
  loadOrFail,
  notFound,
  PageArgs,
  parseId,
  toConnection,
  type EntityReference,
} from '@hall/kit';
import type { FilterQuery } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { ComplaintSubject } from '../complaint/complaint.entity';
import { checkPhone, maskPhone } from '../complaint/personal-data';
import {
  actorOf,
  checkDepartmentScope,
  checkVersion,
  maySeePersonalData,
  scopedDepartment,
  SUPERVISION_OVERSEERS,
  SUPERVISION_READERS,
  SUPERVISION_WORKERS,
} from '../complaint/supervision-work';
import type { SupervisionContext } from '../context';
import { SocialSupervisor } from './social-supervisor.entity';
import { SupervisorReport, SupervisorReportStatus } from './supervisor-report.entity';
import { AppointSocialSupervisorInput, RecordSupervisorReportInput } from './supervisor.input';

export const SupervisorReportConnection = connectionOf(SupervisorReport);

const Department = entityReference('Department', 'supervision');

@InputType({ description: 'Which reports to list; all conditions must hold.' })
export class SupervisorReportFilter {
  @Field(() => ID, { nullable: true })
  supervisorId?: string | null;

  @Field(() => ID, { nullable: true })
  departmentId?: string | null;

  @Field(() => SupervisorReportStatus, { nullable: true })
  status?: SupervisorReportStatus | null;
}

@Resolver(() => SocialSupervisor)
export class SocialSupervisorResolver {
  @Authorized(...SUPERVISION_OVERSEERS)
  @Query(() => [SocialSupervisor], { description: 'The social supervisors, by appointment.' })
  socialSupervisors(
    @Arg('active', () => Boolean, {
      nullable: true,
      description: 'Only serving (or dismissed) ones.',
    })
    active: boolean | null,
    @Ctx() { em }: SupervisionContext,
  ) {
    return em.find(SocialSupervisor, active == null ? {} : { active }, {
      orderBy: { appointedOn: 'asc', name: 'asc' },
    });
  }

  @Authorized(...SUPERVISION_OVERSEERS)
  @Query(() => SocialSupervisor)
  socialSupervisor(@Arg('id', () => ID) id: string, @Ctx() { loaders }: SupervisionContext) {
    return loadOrFail(loaders.socialSupervisorById, 'SocialSupervisor', id);
  }

  @FieldResolver(() => String, {
    description: 'Masked unless the caller is supervision or the bureau.',
  })
  phone(@Root() supervisor: SocialSupervisor, @Ctx() { caller }: SupervisionContext) {
    return maySeePersonalData(caller) ? supervisor.phone : maskPhone(supervisor.phone);
  }

  @FieldResolver(() => [SupervisorReport], { description: 'Its reports, newest first.' })
  async reports(@Root() supervisor: SocialSupervisor, @Ctx() context: SupervisionContext) {
    const reports = await context.loaders.reportsBySupervisor.load(supervisor.id);
    const scope = scopedDepartment(context.caller);
    return scope === undefined
      ? reports
      : reports.filter((report) => report.departmentId === scope);
  }

  @Authorized(...SUPERVISION_WORKERS)
  @Mutation(() => SocialSupervisor, { description: 'Appoints a social supervisor from today.' })
  async appointSocialSupervisor(
    @Arg('input', () => AppointSocialSupervisorInput) input: AppointSocialSupervisorInput,
    @Ctx() { em, clock }: SupervisionContext,
  ) {
    const supervisor = em.create(SocialSupervisor, {
      id: randomUUID(),
      name: checkText(input.name, 'input.name', 50),
      enterpriseName: checkText(input.enterpriseName, 'input.enterpriseName', 100),
      phone: checkPhone(input.phone, 'input.phone'),
      appointedOn: hallDateOf(clock.now()),
    });
    await em.flush();
    return supervisor;
  }

  @Authorized(...SUPERVISION_WORKERS)
  @Mutation(() => SocialSupervisor, { description: 'Ends a supervisor’s appointment today.' })
  async dismissSocialSupervisor(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() { em, clock }: SupervisionContext,
  ) {
    const supervisorId = parseId(id);
    return em.transactional(async (tx) => {
      const supervisor = await tx.findOne(SocialSupervisor, { id: supervisorId });
      if (!supervisor) throw notFound('SocialSupervisor', supervisorId);
      checkVersion(supervisor, expectedVersion, `Social supervisor ${supervisor.name}`);
      if (!supervisor.active) throw conflict(`${supervisor.name} was dismissed already`);
      supervisor.active = false;
      supervisor.dismissedOn = hallDateOf(clock.now());
      await tx.flush();
      return supervisor;
    });
  }
}

@Resolver(() => SupervisorReport)
export class SupervisorReportResolver {
  @Authorized(...SUPERVISION_READERS)
  @Query(() => SupervisorReportConnection, {
    description: 'Social supervisors’ reports, newest first. Department staff: their own only.',
  })
  async supervisorReports(
    @Args() page: PageArgs,
    @Arg('filter', () => SupervisorReportFilter, { nullable: true })
    filter: SupervisorReportFilter | null,
    @Ctx() context: SupervisionContext,
  ) {
    const where: FilterQuery<SupervisorReport> = {};
    if (filter?.supervisorId) {
      where.supervisorId = parseId(filter.supervisorId, 'filter.supervisorId');
    }
    if (filter?.departmentId) {
      where.departmentId = parseId(filter.departmentId, 'filter.departmentId');
    }
    const scope = scopedDepartment(context.caller);
    if (scope !== undefined) where.departmentId = scope;
    if (filter?.status) where.status = filter.status;
    const cursor = await context.em.findByCursor(SupervisorReport, where, {
      ...checkPageArgs(page),
      orderBy: { createdAt: 'desc', id: 'desc' },
    });
    return toConnection(cursor);
  }

  @FieldResolver(() => SocialSupervisor)
  supervisor(@Root() report: SupervisorReport, @Ctx() { loaders }: SupervisionContext) {
    return loaders.socialSupervisorById.load(report.supervisorId);
  }

  @FieldResolver(() => Department, { description: 'The department concerned.' })
  department(@Root() report: SupervisorReport): EntityReference {
    return { id: report.departmentId };
  }

  @Authorized(...SUPERVISION_WORKERS)
  @Mutation(() => SupervisorReport, {
    description: 'Records what a serving social supervisor reported, received today.',
  })
  async recordSupervisorReport(
    @Arg('input', () => RecordSupervisorReportInput) input: RecordSupervisorReportInput,
    @Ctx() context: SupervisionContext,
  ) {
    const supervisorId = parseId(input.supervisorId, 'input.supervisorId');
    const departmentId = parseId(input.departmentId, 'input.departmentId');
    const subjectId = parseId(input.subjectId, 'input.subjectId');
    if (input.subjectType === ComplaintSubject.DEPARTMENT && subjectId !== departmentId) {
      throw badUserInput('A report about a department names it as subjectId and departmentId', {
        field: 'input.subjectId',
      });
    }
    const content = checkText(input.content, 'input.content', 4000);
    const { em, clock, caller } = context;
    const supervisor = await em.findOne(SocialSupervisor, { id: supervisorId });
    if (!supervisor) throw notFound('SocialSupervisor', supervisorId);
    if (!supervisor.active) {
      throw conflict(`${supervisor.name} is no longer a social supervisor`);
    }
    const report = em.create(SupervisorReport, {
      id: randomUUID(),
      supervisorId,
      subjectType: input.subjectType,
      subjectId,
      departmentId,
      content,
      receivedOn: hallDateOf(clock.now()),
      status: SupervisorReportStatus.RECEIVED,
      recordedBy: actorOf(caller),
    });
    await em.flush();
    return report;
  }

  @Authorized(...SUPERVISION_WORKERS)
  @Mutation(() => SupervisorReport, {
    description: 'Handles a report and records the reply given to the supervisor; once only.',
  })
  async replyToSupervisorReport(
    @Arg('id', () => ID) id: string,
    @Arg('reply') reply: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() context: SupervisionContext,
  ) {
    const reportId = parseId(id);
    const text = checkText(reply, 'reply', 4000);
    return context.em.transactional(async (tx) => {
      const report = await tx.findOne(SupervisorReport, { id: reportId });
      if (!report) throw notFound('SupervisorReport', reportId);
      checkDepartmentScope(context.caller, report.departmentId, 'reports');
      checkVersion(report, expectedVersion, `Report ${reportId}`);
      if (report.status !== SupervisorReportStatus.RECEIVED) {
        throw conflict('The report was handled already', { status: report.status });
      }
      report.status = SupervisorReportStatus.HANDLED;
      report.handledOn = hallDateOf(context.clock.now());
      report.reply = text;
      await tx.flush();
      return report;
    });
  }
}
