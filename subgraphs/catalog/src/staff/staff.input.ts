import { Field, ID, InputType } from 'type-graphql';
import { StaffEmployer, StaffPosition } from './staff.entity';

@InputType()
export class StaffFilter {
  @Field(() => ID, { nullable: true })
  departmentId?: string;

  @Field(() => ID, { nullable: true })
  windowId?: string;

  @Field(() => StaffPosition, { nullable: true })
  position?: StaffPosition;

  @Field({ nullable: true, description: 'Part of the name or staff number.' })
  search?: string;
}

@InputType()
export class CreateStaffInput {
  @Field()
  staffNo!: string;

  @Field()
  name!: string;

  @Field(() => StaffPosition)
  position!: StaffPosition;

  @Field(() => StaffEmployer)
  employer!: StaffEmployer;

  @Field(() => ID, { nullable: true, description: 'Required when employed by a department.' })
  departmentId?: string;

  @Field(() => ID, { nullable: true, description: 'Required when employed by an organisation.' })
  organizationId?: string;

  @Field(() => ID, { nullable: true })
  windowId?: string;
}

@InputType()
export class UpdateStaffInput {
  @Field({ nullable: true })
  name?: string;

  @Field(() => StaffPosition, { nullable: true })
  position?: StaffPosition;

  @Field(() => ID, { nullable: true, description: 'Moves the person to another window.' })
  windowId?: string;

  @Field({ nullable: true, description: 'True takes the person off the window.' })
  clearWindow?: boolean;

  @Field({ nullable: true })
  active?: boolean;
}
