import {
  checkPageArgs,
  connectionOf,
  entityReference,
  PageArgs,
  parseId,
  toConnection,
  type EntityReference,
} from '@hall/kit';
import type { FilterQuery } from '@mikro-orm/core';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { EvaluationContext } from '../context';
import {
  CALLERS_BACK,
  checkDepartmentScope,
  EVALUATION_READERS,
  scopedDepartment,
} from '../evaluation-work';
import { CallBack } from './call-back.entity';
import { CallBackFilter, RecordCallBackInput } from './call-back.input';
import { recordCallBack } from './call-back.transitions';

export const CallBackConnection = connectionOf(CallBack);

const Case = entityReference('Case', 'evaluation');
const Department = entityReference('Department', 'evaluation');

@Resolver(() => CallBack)
export class CallBackResolver {
  @Authorized(...EVALUATION_READERS)
  @Query(() => CallBackConnection, {
    description: 'Call-backs, newest first. Department staff see their own department’s only.',
  })
  async callBacks(
    @Args() page: PageArgs,
    @Arg('filter', () => CallBackFilter, { nullable: true }) filter: CallBackFilter | null,
    @Ctx() context: EvaluationContext,
  ) {
    const where: FilterQuery<CallBack> = {};
    if (filter?.caseId) where.caseId = parseId(filter.caseId, 'filter.caseId');
    if (filter?.departmentId)
      where.departmentId = parseId(filter.departmentId, 'filter.departmentId');
    const scope = scopedDepartment(context.caller);
    if (scope !== undefined) where.departmentId = scope;
    if (filter?.flagged != null) where.flagged = filter.flagged;
    const cursor = await context.em.findByCursor(CallBack, where, {
      ...checkPageArgs(page),
      orderBy: { calledAt: 'desc', id: 'desc' },
    });
    return toConnection(cursor);
  }

  @FieldResolver(() => Case)
  case(@Root() callBack: CallBack): EntityReference {
    return { id: callBack.caseId };
  }

  @FieldResolver(() => Department)
  department(@Root() callBack: CallBack): EntityReference {
    return { id: callBack.departmentId };
  }

  @Authorized(...CALLERS_BACK)
  @Mutation(() => CallBack, {
    description: 'Records a call-back (回访) to a decided case’s applicant.',
  })
  recordCallBack(
    @Arg('input', () => RecordCallBackInput) input: RecordCallBackInput,
    @Ctx() context: EvaluationContext,
  ) {
    return recordCallBack(context, input);
  }
}

@Resolver(() => Case)
export class CaseCallBackResolver {
  @Authorized(...EVALUATION_READERS)
  @FieldResolver(() => [CallBack], {
    description: 'The call-backs to the case’s applicant, newest first.',
  })
  async callBacks(@Root() subject: EntityReference, @Ctx() context: EvaluationContext) {
    const calls = await context.loaders.callBacksByCase.load(subject.id);
    for (const call of calls) checkDepartmentScope(context.caller, call.departmentId, 'call-backs');
    return calls;
  }
}
