import {
  appendEvents,
  badUserInput,
  checkText,
  conflict,
  entityReference,
  hallDateOf,
  loadOrFail,
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
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Applicant } from '../applicant/applicant.entity';
import { Case, CaseChannel } from '../case/case.entity';
import { CASES_EVENT_SOURCE, clockOf } from '../case/case.events';
import { ApplicantInput } from '../case/case.input';
import { activeMatter, applicantFor, registerInTransaction } from '../case/case.registration';
import { CASE_HANDLERS, CASE_READERS } from '../case/case.resolver';
import { today, type CasesContext } from '../context';
import { JointProject, JointProjectStatus } from './joint-project.entity';

@InputType()
export class StartJointProjectInput {
  @Field()
  name!: string;

  @Field(() => ID, { description: 'The lead unit (牵头单位); one of the members’ departments.' })
  leadDepartmentId!: string;

  @Field(() => [ID], { description: 'One matter per permit needed; two departments at least.' })
  matterIds!: string[];

  @Field({ defaultValue: false })
  doubleKey: boolean = false;

  @Field(() => ID, { nullable: true, description: 'The proxy agent; required for double-key.' })
  proxyAgentStaffId?: string | null;

  @Field(() => ID, { nullable: true })
  applicantId?: string | null;

  @Field(() => ApplicantInput, { nullable: true })
  applicant?: ApplicantInput | null;
}

const Department = entityReference('Department', 'cases');
const Staff = entityReference('Staff', 'cases');

/** Joint projects are numbered per year: BL2026-0007. */
async function nextProjectCode(context: CasesContext, year: string): Promise<string> {
  const [row] = await context.em.execute<{ n: string }[]>(
    `select nextval('cases.joint_project_serial') as n`,
  );
  return `BL${year}-${String(row!.n).padStart(4, '0')}`;
}

@Resolver(() => JointProject)
export class JointProjectResolver {
  @Authorized(...CASE_READERS)
  @Query(() => JointProject)
  jointProject(@Arg('id', () => ID) id: string, @Ctx() { loaders }: CasesContext) {
    return loadOrFail(loaders.jointProjectById, 'JointProject', id);
  }

  @Authorized(...CASE_READERS)
  @Query(() => [JointProject], { description: 'Joint projects, newest first (at most 100).' })
  jointProjects(
    @Arg('status', () => JointProjectStatus, { nullable: true }) status: JointProjectStatus | null,
    @Ctx() { em }: CasesContext,
  ) {
    return em.find(JointProject, status ? { status } : {}, {
      orderBy: { startedOn: 'desc', code: 'desc' },
      limit: 100,
    });
  }

  @FieldResolver(() => [Case], { description: 'The member cases, one per department.' })
  members(@Root() project: JointProject, @Ctx() { loaders }: CasesContext) {
    return loaders.casesByJointProject.load(project.id);
  }

  @FieldResolver(() => Department)
  leadDepartment(@Root() project: JointProject) {
    return { id: project.leadDepartmentId };
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'The proxy agent (代办员).' })
  proxyAgent(@Root() project: JointProject) {
    return project.proxyAgentStaffId ? { id: project.proxyAgentStaffId } : null;
  }

  @FieldResolver(() => Applicant)
  applicant(@Root() project: JointProject, @Ctx() { loaders }: CasesContext) {
    return loaders.applicantById.load(project.applicantId);
  }

  @FieldResolver(() => LocalDateResolver, {
    description:
      'When the whole project is due: the latest due date of its members, or the promised limit from the start while members wait for acceptance.',
  })
  async dueOn(@Root() project: JointProject, @Ctx() context: CasesContext) {
    const [members, calendar] = await Promise.all([
      context.loaders.casesByJointProject.load(project.id),
      context.loaders.calendar(),
    ]);
    let due = calendar.addWorkingDays(project.startedOn, project.promisedLimitDays);
    for (const member of members) {
      const stops = await context.loaders.stopsByCase.load(member.id);
      const memberDue = clockOf(member, stops, calendar, today(context))?.dueOn;
      if (memberDue && memberDue > due) due = memberDue;
    }
    return due;
  }

  @Authorized(...CASE_HANDLERS)
  @Mutation(() => JointProject, {
    description:
      'Starts a parallel approval (并联审批): one member case per matter, all received today.',
  })
  async startJointProject(
    @Arg('input', () => StartJointProjectInput) input: StartJointProjectInput,
    @Ctx() context: CasesContext,
  ) {
    const matterIds = [
      ...new Set(input.matterIds.map((id, i) => parseId(id, `input.matterIds[${i}]`))),
    ];
    if (matterIds.length < 2 || matterIds.length > 20) {
      throw badUserInput('A joint project needs 2 to 20 different matters', {
        field: 'input.matterIds',
      });
    }
    const matters = await Promise.all(
      matterIds.map((id, i) => activeMatter(context, id, `input.matterIds[${i}]`)),
    );
    const departments = new Set(matters.map((matter) => matter.departmentId));
    if (departments.size < 2) {
      throw badUserInput('A joint project spans two departments at least', {
        field: 'input.matterIds',
      });
    }
    const leadDepartmentId = parseId(input.leadDepartmentId, 'input.leadDepartmentId');
    if (!departments.has(leadDepartmentId)) {
      throw badUserInput('The lead department must be one of the members’ departments', {
        field: 'input.leadDepartmentId',
      });
    }
    const proxyAgentStaffId = input.proxyAgentStaffId
      ? parseId(input.proxyAgentStaffId, 'input.proxyAgentStaffId')
      : null;
    if (input.doubleKey && !proxyAgentStaffId) {
      throw badUserInput('A double-key project gets a proxy agent: name one', {
        field: 'input.proxyAgentStaffId',
      });
    }
    const now = context.clock.now();
    const startedOn = hallDateOf(now);
    const name = checkText(input.name, 'input.name', 200);
    const code = await nextProjectCode(context, startedOn.slice(0, 4));
    return context.em.transactional(async (tx) => {
      const applicant = await applicantFor(tx, input, 'input');
      const project = tx.create(JointProject, {
        id: randomUUID(),
        code,
        name,
        applicantId: applicant.id,
        leadDepartmentId,
        doubleKey: input.doubleKey,
        proxyAgentStaffId,
        status: JointProjectStatus.IN_PROGRESS,
        startedOn,
        promisedLimitDays: Math.max(...matters.map((matter) => matter.promisedLimitDays)),
      });
      await tx.flush();
      for (const matter of matters) {
        await registerInTransaction(context, tx, {
          matter,
          applicantId: applicant.id,
          // The proxy agent does the running for a double-key project, free of charge.
          channel: proxyAgentStaffId ? CaseChannel.PROXY : CaseChannel.WINDOW,
          proxyAgentStaffId,
          jointProjectId: project.id,
        });
      }
      await appendEvents(tx, CASES_EVENT_SOURCE, [
        {
          type: 'JointProjectStarted',
          aggregateType: 'JointProject',
          aggregateId: project.id,
          occurredAt: now,
          payload: {
            jointProjectId: project.id,
            code: project.code,
            leadDepartmentId,
            departmentIds: [...departments],
            doubleKey: project.doubleKey,
            promisedLimitDays: project.promisedLimitDays,
          },
        },
      ]);
      return project;
    });
  }

  @Authorized(...CASE_HANDLERS)
  @Mutation(() => JointProject, {
    description: 'Sets the one joint site survey (联合踏勘) of the project, on a working day.',
  })
  async scheduleJointSiteSurvey(
    @Arg('id', () => ID) id: string,
    @Arg('on', () => LocalDateResolver) on: string,
    @Ctx() context: CasesContext,
  ) {
    const project = await loadOrFail(context.loaders.jointProjectById, 'JointProject', id);
    if (project.status !== JointProjectStatus.IN_PROGRESS) {
      throw conflict(`Joint project ${project.code} is ${project.status}`);
    }
    if (project.siteSurveyOn) {
      throw conflict(
        `Joint project ${project.code} has its joint site survey on ${project.siteSurveyOn} already`,
      );
    }
    const calendar = await context.loaders.calendar();
    if (on < today(context) || !calendar.isWorkingDay(on)) {
      throw badUserInput('The survey must be on a working day from today on', { field: 'on' });
    }
    project.siteSurveyOn = on;
    await context.em.flush();
    return project;
  }
}
