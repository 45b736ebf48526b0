import { Field, ID, InputType, Int } from 'type-graphql';
import { WindowKind } from './window.entity';

@InputType()
export class WindowFilter {
  @Field(() => Int, { nullable: true })
  floor?: number;

  @Field(() => WindowKind, { nullable: true })
  kind?: WindowKind;

  @Field(() => ID, { nullable: true, description: 'Windows of this department.' })
  departmentId?: string;

  @Field({ nullable: true, description: 'Only windows in (or out of) service.' })
  active?: boolean;

  @Field({ nullable: true, description: 'Part of the label or code.' })
  search?: string;
}

@InputType()
export class CreateWindowInput {
  @Field({ description: 'e.g. 2F-113' })
  code!: string;

  @Field()
  label!: string;

  @Field(() => WindowKind)
  kind!: WindowKind;

  @Field(() => Int)
  floor!: number;

  @Field(() => ID, { nullable: true, description: 'Required for DEPARTMENT windows.' })
  departmentId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Required for agency, bank and business center windows.',
  })
  organizationId?: string;

  @Field({ defaultValue: false })
  extendedHours!: boolean;
}

@InputType()
export class UpdateWindowInput {
  @Field({ nullable: true })
  label?: string;

  @Field({ nullable: true })
  extendedHours?: boolean;

  @Field({ nullable: true, description: 'False takes the window out of service.' })
  active?: boolean;
}
