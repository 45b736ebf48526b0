import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Where the bad reviews’ rectification tickets stand today.' })
export class RectificationFigures {
  @Field(() => Int, { description: 'Tickets not yet rectified nor voided.' })
  open!: number;

  @Field(() => Int, { description: 'Not called back and past callBackBy.' })
  callBackOverdue!: number;

  @Field(() => Int, { description: 'Not rectified and past rectifyBy.' })
  rectificationOverdue!: number;

  @Field(() => Int, { description: 'Overdue either way.' })
  overdue!: number;

  @Field(() => Int)
  rectified!: number;

  @Field(() => Int)
  voided!: number;

  @Field(() => Int, { description: 'Appeals filed and not yet decided.' })
  appealsPending!: number;
}
