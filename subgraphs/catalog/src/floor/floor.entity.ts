import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A floor of the hall building.' })
@Entity({ tableName: 'floor' })
export class Floor {
  @Field(() => Int, { description: '1, 2 or 3.' })
  @PrimaryKey({ type: 'smallint', autoincrement: false })
  number!: number;

  @Field({ description: 'What the floor holds, e.g. 统一受理平台 on floor 1.' })
  @Property({ length: 200 })
  purpose!: string;

  @Field(() => Int, { description: 'Usable area in square metres.' })
  @Property({ type: 'integer' })
  areaSqm!: number;
}
