import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import { InspectionStatus } from './inspection-request.entity';

@InputType({ description: 'A department’s request to inspect an enterprise.' })
export class RequestInspectionInput {
  @Field(() => ID, { description: 'Department staff may only name their own department.' })
  departmentId!: string;

  @Field()
  enterpriseName!: string;

  @Field()
  enterpriseCreditCode!: string;

  @Field()
  purpose!: string;

  @Field()
  legalBasis!: string;

  @Field(() => LocalDateResolver, { description: 'Not before today.' })
  plannedOn!: string;
}

@InputType({ description: 'Which inspection requests to list; all conditions must hold.' })
export class InspectionFilter {
  @Field(() => [InspectionStatus], { nullable: true })
  statuses?: InspectionStatus[] | null;

  @Field(() => ID, { nullable: true })
  departmentId?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  requestedFrom?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  requestedTo?: string | null;
}
