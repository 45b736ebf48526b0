import { containsPattern, loadOrFail } from '@hall/kit';
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
import { CASE_HANDLERS, CASE_READERS } from '../case/case.resolver';
import { ApplicantInput } from '../case/case.input';
import { newApplicant } from '../case/case.registration';
import type { CasesContext } from '../context';
import { Applicant } from './applicant.entity';
import { maskIdentityNumber, maskPhone, maySeePersonalData } from './applicant.rules';

async function mayRead(applicant: Applicant, { caller, loaders }: CasesContext): Promise<boolean> {
  if (caller.kind === 'user' && caller.role === 'DEPARTMENT_STAFF') {
    return maySeePersonalData(caller, await loaders.departmentsOfApplicant.load(applicant.id));
  }
  return maySeePersonalData(caller, []);
}

@Resolver(() => Applicant)
export class ApplicantResolver {
  @Authorized(...CASE_READERS)
  @Query(() => Applicant)
  applicant(@Arg('id', () => ID) id: string, @Ctx() { loaders }: CasesContext) {
    return loadOrFail(loaders.applicantById, 'Applicant', id);
  }

  @Authorized('SERVICE_BUREAU_ADMIN', 'ACCEPTANCE_CLERK')
  @Query(() => [Applicant], {
    description: 'Applicants whose name contains `search` (the desk finds returning applicants).',
  })
  applicants(@Arg('search') search: string, @Ctx() { em }: CasesContext) {
    return em.find(
      Applicant,
      { name: { $ilike: containsPattern(search) } },
      { orderBy: { name: 'asc' }, limit: 20 },
    );
  }

  @FieldResolver(() => String, {
    description:
      'Identity card number or credit code; masked (3706**********1234) unless the caller may see it.',
  })
  async identityNumber(@Root() applicant: Applicant, @Ctx() context: CasesContext) {
    return (await mayRead(applicant, context))
      ? applicant.identityNumber
      : maskIdentityNumber(applicant.identityNumber);
  }

  @FieldResolver(() => String, {
    description: 'Masked (138****5678) unless the caller may see it.',
  })
  async phone(@Root() applicant: Applicant, @Ctx() context: CasesContext) {
    return (await mayRead(applicant, context)) ? applicant.phone : maskPhone(applicant.phone);
  }

  @Authorized(...CASE_HANDLERS)
  @Mutation(() => Applicant)
  async registerApplicant(
    @Arg('input', () => ApplicantInput) input: ApplicantInput,
    @Ctx() { em }: CasesContext,
  ) {
    const applicant = newApplicant(em, input, 'input');
    await em.flush();
    return applicant;
  }
}
