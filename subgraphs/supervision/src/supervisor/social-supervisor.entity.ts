import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * A social supervisor (行风建设社会监督员): an enterprise head the city appoints to watch the
 * departments' attitude, efficiency, conduct and fees and to pass on what people say. The
 * phone is personal data, masked for all but supervision and the bureau.
 */
@ObjectType({ description: 'A social supervisor (社会监督员), an enterprise head.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'social_supervisor' })
export class SocialSupervisor {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field()
  @Property({ length: 50 })
  name!: string;

  @Field({ description: 'The enterprise the supervisor heads.' })
  @Property({ length: 100 })
  enterpriseName!: string;

  @Property({ length: 20 })
  phone!: string;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  appointedOn!: string;

  @Field(() => Boolean, { description: 'Still serving; a dismissed supervisor files no reports.' })
  @Property()
  active: boolean & Opt = true;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  dismissedOn?: string | null;

  @Field(() => Int)
  @Property({ version: true })
  version: number & Opt = 1;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}
