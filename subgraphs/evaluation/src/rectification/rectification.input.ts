import { Field, ID, InputType } from 'type-graphql';
import { RectificationStatus } from './rectification.entity';

@InputType({ description: 'Which rectification tickets to list; all conditions must hold.' })
export class RectificationFilter {
  @Field(() => [RectificationStatus], { nullable: true })
  statuses?: RectificationStatus[] | null;

  @Field(() => ID, { nullable: true })
  departmentId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only tickets past callBackBy (not called back) or rectifyBy (not rectified).',
  })
  overdue?: boolean | null;
}
