import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * Who is told of a light: the department for every light, supervision staff for red ones,
 * the bureau and the city's leaders for escalated ones (督办).
 */
@ObjectType({ description: 'A notice of a light to a role (and department).' })
@Entity({ tableName: 'light_notice' })
@Index({ properties: ['recipientRole', 'departmentId'] })
export class LightNotice {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @Property({ type: 'uuid' })
  lightId!: string;

  @Field()
  @Property({ length: 32 })
  recipientRole!: string;

  /** For department staff: whose department; null for hall-wide roles. */
  @Property({ type: 'uuid', nullable: true })
  departmentId?: string | null;

  @Field()
  @Property({ type: 'timestamptz' })
  at!: Date;

  @Field()
  @Property({ type: 'text' })
  message!: string;
}
