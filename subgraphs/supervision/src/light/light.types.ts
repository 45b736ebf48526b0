import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AppealDecision, AppealKind } from './appeal.entity';
import { LightLevel, LightSubject, RuleCode } from './light.entity';

@InputType({ description: 'Which lights to list; all conditions must hold.' })
export class AlertLightFilter {
  @Field(() => Boolean, { nullable: true, description: 'Lit now (default) or not.' })
  lit?: boolean | null;

  @Field(() => LightLevel, { nullable: true })
  level?: LightLevel | null;

  @Field(() => ID, { nullable: true })
  departmentId?: string | null;

  @Field(() => LightSubject, { nullable: true })
  subjectType?: LightSubject | null;

  @Field(() => Boolean, { nullable: true })
  escalated?: boolean | null;
}

@ObjectType({ description: 'Lights lit now, by level.' })
export class LightCounts {
  @Field(() => Int)
  yellow!: number;

  @Field(() => Int)
  red!: number;

  @Field(() => Int)
  escalated!: number;
}

@ObjectType({ description: 'Lights raised and ended over a period.' })
export class LightFigures {
  @Field(() => LocalDateResolver)
  from!: string;

  @Field(() => LocalDateResolver)
  to!: string;

  @Field(() => Int)
  raisedYellow!: number;

  @Field(() => Int, { description: 'Raised red, or risen to red, in the period.' })
  raisedRed!: number;

  @Field(() => Int)
  resolved!: number;

  @Field(() => Int)
  wentOff!: number;

  @Field(() => Int)
  revoked!: number;
}

@ObjectType({ description: 'A rule of electronic supervision and its settings.' })
export class RuleSettingView {
  @Field(() => RuleCode)
  rule!: RuleCode;

  @Field()
  enabled!: boolean;

  @Field({ description: 'Immediate matters are not judged by this rule.' })
  exemptImmediate!: boolean;

  @Field(() => LightLevel)
  level!: LightLevel;

  @Field(() => [RuleThreshold])
  thresholds!: RuleThreshold[];
}

@ObjectType()
export class RuleThreshold {
  @Field()
  name!: string;

  @Field(() => Float)
  value!: number;
}

@InputType()
export class RuleThresholdInput {
  @Field()
  name!: string;

  @Field(() => Float)
  value!: number;
}

@InputType()
export class RuleSettingInput {
  @Field(() => Boolean, { nullable: true })
  enabled?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  exemptImmediate?: boolean | null;

  @Field(() => LightLevel, { nullable: true })
  level?: LightLevel | null;

  @Field(() => [RuleThresholdInput], { nullable: true })
  thresholds?: RuleThresholdInput[] | null;
}

@InputType()
export class AppealInput {
  @Field(() => AppealKind)
  kind!: AppealKind;

  @Field()
  reason!: string;
}

@InputType()
export class AppealDecisionInput {
  @Field(() => AppealDecision)
  decision!: AppealDecision;

  @Field(() => String, { nullable: true })
  note?: string | null;
}
