import { Field, ID, InputType, Int } from 'type-graphql';
import { MatterCategory, MatterKind, MatterStatus } from './matter.entity';

@InputType()
export class MatterFilter {
  @Field(() => ID, { nullable: true })
  departmentId?: string;

  @Field(() => MatterKind, { nullable: true })
  kind?: MatterKind;

  @Field(() => MatterCategory, { nullable: true })
  category?: MatterCategory;

  @Field(() => MatterStatus, {
    nullable: true,
    defaultValue: MatterStatus.ACTIVE,
    description: 'ACTIVE unless asked; null for both.',
  })
  status?: MatterStatus | null;

  @Field(() => Int, { nullable: true, description: 'Matters of departments served on this floor.' })
  floor?: number;

  @Field({ nullable: true })
  siteSurvey?: boolean;

  @Field({ nullable: true, description: 'Part of the name or code.' })
  search?: string;
}

@InputType()
export class CreateMatterInput {
  @Field(() => ID)
  departmentId!: string;

  @Field()
  name!: string;

  @Field(() => MatterKind)
  kind!: MatterKind;

  @Field(() => MatterCategory)
  category!: MatterCategory;

  @Field(() => Int)
  statutoryLimitDays!: number;

  @Field(() => Int)
  promisedLimitDays!: number;

  @Field(() => Int, { defaultValue: 0 })
  feeFen!: number;

  @Field(() => String, { nullable: true })
  feeStandard?: string | null;

  @Field(() => [String])
  requiredMaterials!: string[];

  @Field({ defaultValue: false })
  siteSurvey!: boolean;

  @Field()
  legalBasis!: string;
}

@InputType()
export class UpdateMatterInput {
  @Field({ nullable: true })
  name?: string;

  @Field(() => MatterKind, { nullable: true })
  kind?: MatterKind;

  @Field(() => MatterCategory, { nullable: true })
  category?: MatterCategory;

  @Field(() => Int, { nullable: true })
  statutoryLimitDays?: number;

  @Field(() => Int, { nullable: true })
  promisedLimitDays?: number;

  @Field(() => Int, { nullable: true })
  feeFen?: number;

  @Field(() => String, { nullable: true })
  feeStandard?: string | null;

  @Field(() => [String], { nullable: true })
  requiredMaterials?: string[];

  @Field({ nullable: true })
  siteSurvey?: boolean;

  @Field({ nullable: true })
  legalBasis?: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The version read; the update is refused with CONFLICT if it changed since.',
  })
  expectedVersion?: number;
}
