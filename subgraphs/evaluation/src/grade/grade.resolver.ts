import { entityReference, parseId, type EntityReference } from '@hall/kit';
import type { FilterQuery } from '@mikro-orm/core';
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
import type { EvaluationContext } from '../context';
import { EVALUATION_OVERSEERS, EVALUATION_READERS, scopedDepartment } from '../evaluation-work';
import { GradeReport, StaffGrade } from './grade.entity';
import { parseQuarter } from './grade.rules';
import { publishGrades } from './grade.transitions';

const Staff = entityReference('Staff', 'evaluation');
const Department = entityReference('Department', 'evaluation');

@Resolver(() => StaffGrade)
export class StaffGradeResolver {
  @Authorized(...EVALUATION_READERS)
  @Query(() => [StaffGrade], {
    description:
      'A published quarter’s grades, best first. Department staff: their own department’s.',
  })
  staffGrades(
    @Arg('quarter') quarter: string,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId: string | null,
    @Ctx() context: EvaluationContext,
  ) {
    const where: FilterQuery<StaffGrade> = { quarter: parseQuarter(quarter).name };
    if (departmentId) where.departmentId = parseId(departmentId, 'departmentId');
    const scope = scopedDepartment(context.caller);
    if (scope !== undefined) where.departmentId = scope;
    return context.em.find(StaffGrade, where, { orderBy: { score: 'desc', staffId: 'asc' } });
  }

  @FieldResolver(() => Staff)
  staff(@Root() grade: StaffGrade): EntityReference {
    return { id: grade.staffId };
  }

  @FieldResolver(() => Department)
  department(@Root() grade: StaffGrade): EntityReference {
    return { id: grade.departmentId };
  }
}

@Resolver(() => GradeReport)
export class GradeReportResolver {
  @Authorized(...EVALUATION_OVERSEERS)
  @Query(() => GradeReport, {
    nullable: true,
    description: 'A quarter’s report; null until published.',
  })
  gradeReport(@Arg('quarter') quarter: string, @Ctx() context: EvaluationContext) {
    return context.em.findOne(GradeReport, { quarter: parseQuarter(quarter).name });
  }

  @Authorized(...EVALUATION_OVERSEERS)
  @Query(() => [GradeReport], { description: 'Every published report, newest first.' })
  gradeReports(@Ctx() context: EvaluationContext) {
    return context.em.find(GradeReport, {}, { orderBy: { quarter: 'desc' } });
  }

  @FieldResolver(() => [StaffGrade], { description: 'The grades, best first.' })
  grades(@Root() report: GradeReport, @Ctx() context: EvaluationContext) {
    return context.em.find(
      StaffGrade,
      { quarter: report.quarter },
      { orderBy: { score: 'desc', staffId: 'asc' } },
    );
  }

  @Authorized('SERVICE_BUREAU_ADMIN')
  @Mutation(() => GradeReport, {
    description:
      'Computes and publishes a finished quarter’s staff grades (e.g. 2026Q4); publishing again returns the published report.',
  })
  publishQuarterlyGrades(@Arg('quarter') quarter: string, @Ctx() context: EvaluationContext) {
    return publishGrades(context, quarter);
  }
}

@Resolver(() => Staff)
export class StaffGradeFieldResolver {
  @Authorized(...EVALUATION_READERS)
  @FieldResolver(() => StaffGrade, {
    nullable: true,
    description: 'The staff member’s published grade of a quarter (e.g. 2026Q4); null if none.',
  })
  async grade(
    @Root() staff: EntityReference,
    @Arg('quarter') quarter: string,
    @Ctx() context: EvaluationContext,
  ) {
    const grade = await context.em.findOne(StaffGrade, {
      quarter: parseQuarter(quarter).name,
      staffId: staff.id,
    });
    const scope = scopedDepartment(context.caller);
    if (grade && scope !== undefined && grade.departmentId !== scope) return null;
    return grade;
  }
}
