/**
 * The one source of "now" for domain code. Deadlines, lights and the simulator all read
 * time through a Clock, so tests and the simulator can move it; domain code never calls
 * `new Date()` itself.
 */
export interface Clock {
  now(): Date;
}

/** Wall-clock time. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

/**
 * A clock that only moves when told. Tests set it to a chosen instant and advance it across
 * weekends and holidays.
 */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date | string): void {
    this.current = new Date(instant).getTime();
  }

  advance(milliseconds: number): void {
    this.current += milliseconds;
  }
}

/**
 * Wall time that runs `speed` times faster than real time from `origin` on; the hall
 * simulator uses it to play a working day in minutes. `speed` 1 with no origin equals the
 * system clock.
 */
export class AcceleratedClock implements Clock {
  /**
   * @param realStart the real instant (ms since epoch) `origin` maps to; processes that pass
   *   the same one agree on "now".
   */
  constructor(
    private readonly origin: Date,
    private readonly speed: number,
    private readonly realStart: number = Date.now(),
  ) {
    if (!(speed > 0)) throw new RangeError(`clock speed must be positive, got ${speed}`);
  }

  now(): Date {
    return new Date(this.origin.getTime() + (Date.now() - this.realStart) * this.speed);
  }
}
