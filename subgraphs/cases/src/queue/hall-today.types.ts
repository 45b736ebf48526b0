import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';

/**
 * The hall as the lobby screen shows it: live counts of the day. An entity only so that the
 * supervision subgraph can add the lights lit now; it is reached through `hallToday` alone,
 * so this subgraph offers no lookup by key.
 */
@ObjectType({ description: 'The hall today, live (大厅实时).' })
@Directive('@key(fields: "hallDate", resolvable: false)')
export class HallToday {
  @Field(() => LocalDateResolver)
  hallDate!: string;

  @Field(() => Int, {
    description: 'Queue tickets taken today: people who came to transact or ask.',
  })
  visitorsToday!: number;

  @Field(() => Int)
  waiting!: number;

  @Field(() => Int, { description: 'Called to a window or at one now.' })
  beingServed!: number;

  @Field(() => Int)
  served!: number;

  @Field(() => Int)
  noShows!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Minutes from ticket to call, over today’s called tickets.',
  })
  averageWaitMinutes!: number | null;

  @Field(() => Int, { description: 'Windows open for business now.' })
  windowsOpen!: number;

  @Field(() => Int)
  casesRegistered!: number;

  @Field(() => Int, { description: 'Cases decided today.' })
  casesCompleted!: number;

  @Field(() => Float, { nullable: true, description: 'Of today’s decisions, the share on time.' })
  onTimeRate!: number | null;
}
