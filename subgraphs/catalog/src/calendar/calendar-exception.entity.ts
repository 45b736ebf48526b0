import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import type { CalendarExceptionKind } from '@hall/kit';

/**
 * A date on which the hall departs from the ordinary Monday-to-Friday week: a public holiday
 * or an official make-up working day. The working calendar is these rows, nothing else.
 */
@Entity({ tableName: 'calendar_exception' })
export class CalendarException {
  @PrimaryKey({ type: 'date' })
  date!: string;

  @Enum({ items: ['HOLIDAY', 'MAKEUP_WORKDAY'] })
  kind!: CalendarExceptionKind;

  @Property({ length: 40 })
  name!: string;
}
