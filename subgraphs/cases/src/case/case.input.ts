import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ApplicantKind } from '../applicant/applicant.entity';
import { PARTNER_TAG } from '../partner/partner-tag';
import { CaseChannel } from './case.entity';
import { CaseStatus } from './case.machine';
import { SpecialProcedure } from './clock-stop.entity';

@InputType({ description: 'A new applicant, registered with the case.' })
export class ApplicantInput {
  @Field(() => ApplicantKind)
  kind!: ApplicantKind;

  @Field()
  name!: string;

  @Field({ description: 'Identity card number (person) or unified social credit code.' })
  identityNumber!: string;

  @Field()
  phone!: string;
}

@InputType()
export class RegisterCaseInput {
  @Field(() => ID)
  matterId!: string;

  @Field(() => ID, { nullable: true, description: 'An applicant already registered.' })
  applicantId?: string | null;

  @Field(() => ApplicantInput, { nullable: true, description: 'Or a new one.' })
  applicant?: ApplicantInput | null;

  @Field(() => CaseChannel, { defaultValue: CaseChannel.WINDOW })
  channel: CaseChannel = CaseChannel.WINDOW;

  @Field(() => ID, { nullable: true, description: 'The window that first received the applicant.' })
  windowId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The clerk who first received the applicant.' })
  staffId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The partner bank the case concerns.' })
  partnerOrganizationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The appointment the applicant came by.' })
  appointmentId?: string | null;
}

@InputType({ description: 'Which cases to list; all conditions must hold.' })
export class CaseFilter {
  @Field(() => [CaseStatus], { nullable: true })
  statuses?: CaseStatus[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only cases still owed a decision.' })
  open?: boolean | null;

  @Field(() => ID, { nullable: true })
  departmentId?: string | null;

  @Field(() => ID, { nullable: true })
  matterId?: string | null;

  @Field(() => ID, { nullable: true })
  applicantId?: string | null;

  @Field(() => ID, { nullable: true })
  partnerOrganizationId?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  receivedFrom?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  receivedTo?: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Open cases due on or before this date (nearing or past their limit).',
  })
  dueBy?: string | null;
}

@InputType()
export class SpecialProcedureInput {
  @Field(() => SpecialProcedure)
  procedure!: SpecialProcedure;

  @Field()
  legalBasis!: string;

  @Field({ description: 'Who approved it.' })
  approver!: string;

  @Field(() => String, { nullable: true })
  reason?: string | null;
}

/** A case's clock as of today (or its decision), recomputed from its recorded stops. */
@ObjectType({ description: 'A case’s time limit, counted in working days.' })
export class CaseClockView {
  @Field(() => LocalDateResolver)
  startedOn!: string;

  @Field(() => Int, { description: 'Promised working days, plus any extension.' })
  limitDays!: number;

  @Field(() => Int)
  pausedWorkingDays!: number;

  @Field()
  paused!: boolean;

  @Directive(PARTNER_TAG)
  @Field(() => LocalDateResolver)
  dueOn!: string;

  @Field(() => LocalDateResolver)
  statutoryDueOn!: string;

  @Field(() => Int)
  usedWorkingDays!: number;

  @Field(() => Int, { description: 'Negative once overdue.' })
  remainingWorkingDays!: number;

  @Field(() => Float, { description: 'Share of the limit used; above 1 once overdue.' })
  elapsedRatio!: number;

  @Field()
  onTime!: boolean;
}
