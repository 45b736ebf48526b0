import { badUserInput } from '@hall/kit';

/** Floors with windows. Floor 3 holds the service bureau's offices and the canteen. */
export const SERVICE_FLOORS: readonly number[] = [1, 2];

export function checkServiceFloor(floor: number, field = 'floor'): number {
  if (!SERVICE_FLOORS.includes(floor)) {
    throw badUserInput(`${field} must be a floor with windows (1 or 2), got ${floor}`, { field });
  }
  return floor;
}
