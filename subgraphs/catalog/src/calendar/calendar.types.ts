import type { DayKind } from '@hall/kit';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';

export enum CalendarDayKind {
  WORKDAY = 'WORKDAY',
  WEEKEND = 'WEEKEND',
  HOLIDAY = 'HOLIDAY',
  MAKEUP_WORKDAY = 'MAKEUP_WORKDAY',
}
registerEnumType(CalendarDayKind, {
  name: 'CalendarDayKind',
  valuesConfig: {
    HOLIDAY: { description: 'Public holiday (法定节假日): closed though a weekday.' },
    MAKEUP_WORKDAY: { description: 'Make-up working day (调休上班): open though a weekend day.' },
  },
});

export enum CalendarExceptionKindValue {
  HOLIDAY = 'HOLIDAY',
  MAKEUP_WORKDAY = 'MAKEUP_WORKDAY',
}
registerEnumType(CalendarExceptionKindValue, { name: 'CalendarExceptionKind' });

@ObjectType({ description: 'One date of the hall’s working calendar.' })
export class CalendarDay {
  @Field(() => LocalDateResolver)
  date!: string;

  @Field(() => CalendarDayKind)
  kind!: DayKind;

  @Field()
  isWorkingDay!: boolean;

  @Field(() => String, { nullable: true, description: 'The festival, e.g. 春节.' })
  name!: string | null;
}

@InputType()
export class CalendarExceptionInput {
  @Field(() => LocalDateResolver)
  date!: string;

  @Field(() => CalendarExceptionKindValue)
  kind!: CalendarExceptionKindValue;

  @Field({ description: 'The festival it belongs to, e.g. 国庆节.' })
  name!: string;
}
