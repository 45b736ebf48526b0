import { Field, InputType, Int } from 'type-graphql';
import { DepartmentPresence } from './department.entity';

@InputType()
export class DepartmentFilter {
  @Field(() => DepartmentPresence, { nullable: true })
  presence?: DepartmentPresence;

  @Field(() => Int, { nullable: true })
  floor?: number;

  @Field({ nullable: true, description: 'Part of the full or short name.' })
  search?: string;
}

@InputType()
export class CreateDepartmentInput {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field()
  shortName!: string;

  @Field()
  nameEn!: string;

  @Field(() => DepartmentPresence)
  presence!: DepartmentPresence;

  @Field(() => Int, { description: 'Where its windows are: 1 or 2.' })
  floor!: number;
}

@InputType()
export class UpdateDepartmentInput {
  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true })
  shortName?: string;

  @Field({ nullable: true })
  nameEn?: string;

  @Field(() => DepartmentPresence, { nullable: true })
  presence?: DepartmentPresence;

  @Field(() => Int, { nullable: true })
  floor?: number;
}
