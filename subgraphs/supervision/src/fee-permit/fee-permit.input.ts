import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { FeePermitStatus } from './fee-permit.entity';

@InputType({ description: 'A fee a department means to charge an enterprise.' })
export class RequestFeePermitInput {
  @Field(() => ID, { description: 'Department staff may only name their own department.' })
  departmentId!: string;

  @Field()
  enterpriseName!: string;

  @Field()
  enterpriseCreditCode!: string;

  @Field()
  feeItem!: string;

  @Field()
  legalBasis!: string;

  @Field(() => Int, { description: 'The standard’s lowest amount, in fen (0 or more).' })
  minimumFen!: number;

  @Field(() => Int, { description: 'The standard’s highest amount, in fen.' })
  maximumFen!: number;

  @Field(() => Int, { description: 'Within the standard: from minimumFen to maximumFen.' })
  requestedFen!: number;
}

@InputType({ description: 'Which fee permits to list; all conditions must hold.' })
export class FeePermitFilter {
  @Field(() => [FeePermitStatus], { nullable: true })
  statuses?: FeePermitStatus[] | null;

  @Field(() => ID, { nullable: true })
  departmentId?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  requestedFrom?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  requestedTo?: string | null;
}
