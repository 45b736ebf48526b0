import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'The hall’s size in figures, counted from the catalog as it is now.' })
export class HallFigures {
  @Field(() => Int, { description: 'Departments with matters in the hall.' })
  departments!: number;

  @Field(() => Int, { description: 'Departments with their own staff and windows.' })
  staffedDepartments!: number;

  @Field(() => Int, { description: 'Departments served by proxy at the comprehensive window.' })
  proxiedDepartments!: number;

  @Field(() => Int)
  activeMatters!: number;

  @Field(() => Int)
  cancelledMatters!: number;

  @Field(() => Int, { description: 'Windows in service.' })
  windows!: number;

  @Field(() => Int)
  windowsOnFloor1!: number;

  @Field(() => Int)
  windowsOnFloor2!: number;

  @Field(() => Int, { description: 'People working in the hall.' })
  staff!: number;

  @Field(() => Int)
  intermediaryAgencies!: number;

  @Field(() => Int)
  banks!: number;

  @Field(() => Int)
  businessCenters!: number;

  @Field(() => Float, {
    description:
      'Average compression of promised against statutory limits over active matters with a working-day limit.',
  })
  averageCompression!: number;

  @Field(() => Float, { description: 'The largest compression of any active matter.' })
  maxCompression!: number;
}

@ObjectType({ description: 'The government affairs service center (政务服务中心).' })
export class Hall {
  @Field()
  name!: string;

  @Field(() => LocalDateResolver)
  openedOn!: string;
}
