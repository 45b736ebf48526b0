import { Entity, Enum, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum PanelKind {
  ENTERPRISE_HEADS = 'ENTERPRISE_HEADS',
  CITIZEN_REPRESENTATIVES = 'CITIZEN_REPRESENTATIVES',
  CITY_LEADERS = 'CITY_LEADERS',
  TOWN_HEADS = 'TOWN_HEADS',
}
registerEnumType(PanelKind, {
  name: 'ReviewPanelKind',
  valuesConfig: {
    ENTERPRISE_HEADS: { description: '企业负责人' },
    CITIZEN_REPRESENTATIVES: { description: '群众代表' },
    CITY_LEADERS: { description: '市级领导' },
    TOWN_HEADS: { description: '镇街负责人 (town and district heads)' },
  },
});

export enum ReviewRoundStatus {
  OPEN = 'OPEN',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(ReviewRoundStatus, { name: 'ReviewRoundStatus' });

/**
 * A round of the department review (集中评议), held twice a year: panels of raters score each
 * reviewed unit from 0 to 100; a unit's score is the weighted mean of its panel scores.
 */
@ObjectType({ description: 'A round of the department review (集中评议).' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'review_round' })
export class ReviewRound {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => Int)
  @Property({ type: 'smallint', unique: true })
  year!: number;

  @Field()
  @Property({ length: 100 })
  name!: string;

  @Field(() => Int, { description: 'How many sittings the round holds in its year.' })
  @Property({ type: 'smallint' })
  sittings: number & Opt = 2;

  @Field(() => ReviewRoundStatus)
  @Enum({ items: () => ReviewRoundStatus })
  status!: ReviewRoundStatus;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  openedOn!: string;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  publishedOn?: string | null;

  @Field(() => Int, { description: 'Goes up with every change.' })
  @Property({ version: true })
  version: number & Opt = 1;
}

/** A panel of raters of one kind in a round, with its weight in the score. */
@ObjectType({ description: 'A rater panel of a review round.' })
@Entity({ tableName: 'review_panel' })
export class ReviewPanel {
  @PrimaryKey({ type: 'uuid' })
  roundId!: string;

  @Field(() => PanelKind)
  @PrimaryKey({ type: 'string', length: 32 })
  kind!: PanelKind;

  @Field(() => Int, { description: 'How many raters sat on the panel.' })
  @Property({ type: 'int' })
  raters!: number;

  @Field(() => Float, { description: 'The panel’s weight; a round’s weights sum to 1.' })
  @Property({ type: 'double' })
  weight!: number;
}

/** A unit reviewed in a round: a department of the hall, or another unit the city reviews. */
@ObjectType({ description: 'A unit reviewed in a round.' })
@Entity({ tableName: 'review_unit' })
@Index({ properties: ['departmentId'] })
export class ReviewUnit {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  roundId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The unit’s name when it has no place in the hall; else read department.name.',
  })
  @Property({ length: 100, nullable: true })
  name?: string | null;

  /** The catalog department, or null for a unit reviewed that has no place in the hall. */
  @Property({ type: 'uuid', nullable: true })
  departmentId?: string | null;
}

/** One panel's score of one unit in a round, 0 to 100. */
@Entity({ tableName: 'review_score' })
export class ReviewScore {
  @PrimaryKey({ type: 'uuid' })
  unitId!: string;

  @PrimaryKey({ type: 'string', length: 32 })
  kind!: PanelKind;

  @Property({ type: 'uuid' })
  roundId!: string;

  @Property({ type: 'double' })
  score!: number;
}
