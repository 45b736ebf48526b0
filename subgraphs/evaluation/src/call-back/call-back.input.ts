import { Field, ID, InputType } from 'type-graphql';
import { ServiceQuality, TimeTaken } from './call-back.entity';

@InputType({ description: 'One call to the applicant of a finished case.' })
export class RecordCallBackInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => Boolean)
  reached!: boolean;

  @Field(() => ServiceQuality, { nullable: true, description: 'Required when reached.' })
  serviceQuality?: ServiceQuality | null;

  @Field(() => TimeTaken, { nullable: true, description: 'Required when reached.' })
  timeTaken?: TimeTaken | null;

  @Field(() => String, {
    nullable: true,
    description: 'An integrity concern the applicant raised; the call is flagged.',
  })
  integrityConcern?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType({ description: 'Which call-backs to list; all conditions must hold.' })
export class CallBackFilter {
  @Field(() => ID, { nullable: true })
  caseId?: string | null;

  @Field(() => ID, { nullable: true })
  departmentId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only calls with integrity concerns.' })
  flagged?: boolean | null;
}
