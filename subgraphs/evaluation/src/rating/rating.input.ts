import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { RatingChannel, RatingLevel, RatingStatus, RatingSubject } from './rating.entity';

@InputType({ description: 'The four dimensions of a rating, each 1 (worst) to 5 (best).' })
export class RatingDimensionsInput {
  @Field(() => Int, { nullable: true })
  satisfaction?: number | null;

  @Field(() => Int, { nullable: true })
  speed?: number | null;

  @Field(() => Int, { nullable: true })
  competence?: number | null;

  @Field(() => Int, { nullable: true })
  attitude?: number | null;
}

@InputType({ description: 'The applicant’s rating of a finished case.' })
export class SubmitCaseRatingInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => RatingLevel)
  level!: RatingLevel;

  @Field(() => RatingChannel)
  channel!: RatingChannel;

  @Field(() => RatingDimensionsInput, { nullable: true })
  dimensions?: RatingDimensionsInput | null;

  @Field(() => String, { nullable: true })
  comment?: string | null;

  @Field(() => ID, { nullable: true, description: 'The window that served, when known.' })
  windowId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The staff member who served, when known.' })
  staffId?: string | null;

  @Field(() => String, { nullable: true, description: 'The rater’s name (real-name rating).' })
  raterName?: string | null;

  @Field(() => String, { nullable: true })
  raterPhone?: string | null;
}

@InputType({ description: 'A rating of a visit to a window, given on the window pad.' })
export class RecordVisitRatingInput {
  @Field(() => ID)
  departmentId!: string;

  @Field(() => ID)
  windowId!: string;

  @Field(() => ID, { nullable: true })
  staffId?: string | null;

  @Field(() => RatingLevel)
  level!: RatingLevel;

  @Field(() => RatingChannel, { nullable: true, description: 'WINDOW_PAD unless given.' })
  channel?: RatingChannel | null;

  @Field(() => RatingDimensionsInput, { nullable: true })
  dimensions?: RatingDimensionsInput | null;

  @Field(() => String, { nullable: true })
  comment?: string | null;

  @Field(() => String, { nullable: true })
  raterName?: string | null;

  @Field(() => String, { nullable: true })
  raterPhone?: string | null;
}

@InputType({ description: 'Which ratings to list; all conditions must hold.' })
export class RatingFilter {
  @Field(() => [RatingStatus], { nullable: true })
  statuses?: RatingStatus[] | null;

  @Field(() => RatingSubject, { nullable: true })
  subject?: RatingSubject | null;

  @Field(() => [RatingLevel], { nullable: true })
  levels?: RatingLevel[] | null;

  @Field(() => ID, { nullable: true })
  departmentId?: string | null;

  @Field(() => ID, { nullable: true })
  windowId?: string | null;

  @Field(() => ID, { nullable: true })
  staffId?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  ratedFrom?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  ratedTo?: string | null;
}
