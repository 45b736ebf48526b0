import { startOfHallDate, type LocalDate } from '@hall/kit';

/** A stretch of a hall day, in minutes after midnight (China Standard Time). */
export interface Opening {
  from: number;
  to: number;
  extendedHours: boolean;
}

const at = (hours: number, minutes = 0) => hours * 60 + minutes;

/**
 * The hall's opening hours on a working day; extended-hours windows (延时服务) also serve at
 * noon and into the evening. These are the defaults of the gazette's hall.
 */
export const OPENINGS: readonly Opening[] = [
  { from: at(9), to: at(12), extendedHours: false },
  { from: at(12), to: at(13, 30), extendedHours: true },
  { from: at(13, 30), to: at(17), extendedHours: false },
  { from: at(17), to: at(18, 30), extendedHours: true },
];

export const SLOT_MINUTES = 30;
/** Appointments one window takes per slot. */
export const SLOT_CAPACITY = 2;

export interface Slot {
  startsAt: Date;
  endsAt: Date;
  extendedHours: boolean;
}

/** The appointment slots of a window on a working day. */
export function slotsOf(date: LocalDate, extendedHoursWindow: boolean): Slot[] {
  const midnight = startOfHallDate(date).getTime();
  const slots: Slot[] = [];
  for (const opening of OPENINGS) {
    if (opening.extendedHours && !extendedHoursWindow) continue;
    for (let minute = opening.from; minute < opening.to; minute += SLOT_MINUTES) {
      slots.push({
        startsAt: new Date(midnight + minute * 60_000),
        endsAt: new Date(midnight + (minute + SLOT_MINUTES) * 60_000),
        extendedHours: opening.extendedHours,
      });
    }
  }
  return slots;
}

/** Minutes after the hall's midnight of `instant`. */
export function minuteOfHallDay(instant: Date): number {
  return Math.floor(((instant.getTime() + 8 * 3_600_000) % 86_400_000) / 60_000);
}

/** Whether the hall's ordinary opening hours include `instant`. */
export function isOpenAt(instant: Date): boolean {
  const minute = minuteOfHallDay(instant);
  return OPENINGS.some((o) => !o.extendedHours && minute >= o.from && minute < o.to);
}
