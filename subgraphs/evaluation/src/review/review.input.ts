import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { PanelKind } from './review.entity';

@InputType({ description: 'A rater panel of a round.' })
export class ReviewPanelInput {
  @Field(() => PanelKind)
  kind!: PanelKind;

  @Field(() => Int)
  raters!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'The panel’s weight; the default weights when every panel leaves it out.',
  })
  weight?: number | null;
}

@InputType({ description: 'A new round of the department review.' })
export class OpenReviewRoundInput {
  @Field(() => Int)
  year!: number;

  @Field()
  name!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Today unless given.' })
  openedOn?: string | null;

  @Field(() => [ReviewPanelInput])
  panels!: ReviewPanelInput[];

  @Field(() => [ID], { description: 'The hall’s departments reviewed.' })
  departmentIds!: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'Other units reviewed that have no place in the hall, by name.',
  })
  otherUnits?: string[] | null;
}

@InputType({ description: 'One unit’s score from a panel, 0 to 100.' })
export class ReviewScoreInput {
  @Field(() => ID)
  unitId!: string;

  @Field(() => Float)
  score!: number;
}
