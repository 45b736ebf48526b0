import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum AppealKind {
  REVOKE = 'REVOKE',
  RETURN = 'RETURN',
  ESCALATE = 'ESCALATE',
}
registerEnumType(AppealKind, {
  name: 'AppealKind',
  valuesConfig: {
    REVOKE: { description: '申请撤销: the light is wrong (e.g. a legal clock stop was missed).' },
    RETURN: { description: '退回: the light belongs to another department.' },
    ESCALATE: { description: '申请上报: the cause lies beyond the department; escalate it.' },
  },
});

export enum AppealDecision {
  UPHELD = 'UPHELD',
  REJECTED = 'REJECTED',
}
registerEnumType(AppealDecision, { name: 'AppealDecision' });

/** A department's appeal against a light, and supervision's decision on it. */
@ObjectType({ description: 'An appeal (申诉) against an alert light.' })
@Entity({ tableName: 'light_appeal' })
export class Appeal {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @Property({ type: 'uuid' })
  lightId!: string;

  @Field(() => AppealKind)
  @Enum({ items: () => AppealKind })
  kind!: AppealKind;

  @Field()
  @Property({ type: 'text' })
  reason!: string;

  @Field()
  @Property({ length: 64 })
  filedBy!: string;

  @Field()
  @Property({ type: 'timestamptz' })
  filedAt!: Date;

  @Field(() => AppealDecision, { nullable: true })
  @Enum({ items: () => AppealDecision, nullable: true })
  decision?: AppealDecision | null;

  @Field(() => String, { nullable: true })
  @Property({ length: 64, nullable: true })
  decidedBy?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  decidedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note?: string | null;
}
