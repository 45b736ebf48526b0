import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { LightLevel, type RuleCode } from './light.entity';

/** A rule's settings as changed by the bureau; rules without a row use the defaults. */
@Entity({ tableName: 'rule_setting' })
export class RuleSetting {
  @PrimaryKey({ type: 'string', length: 32 })
  rule!: RuleCode;

  @Property({ type: 'boolean' })
  enabled!: boolean;

  @Property({ type: 'boolean' })
  exemptImmediate!: boolean;

  @Enum({ items: () => LightLevel })
  level!: LightLevel;

  @Property({ type: 'json' })
  thresholds!: Record<string, number>;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}
