import {
  createEventTail,
  type EventCursor,
  type EventTail,
  type Logger,
  type RecordedEvent,
} from '@hall/kit';

/** A light's change as the supervision log recorded it, with the light as the change left it. */
export interface LightChange {
  cursor: EventCursor;
  /** `LightRaised`, `LightRose`, `LightWentOff`, ... */
  type: string;
  at: Date;
  lightId: string;
  departmentId: string;
  level: string;
  status: string;
  escalated: boolean;
}

export type Unsubscribe = () => void;

export interface LiveHallOptions {
  databaseUrl: string;
  /** The least time between two hall ticks; default 1000. */
  tickIntervalMs?: number;
  /**
   * A tick at least this often even when nothing happens, so figures that move with time
   * alone (the day changing) reach the screens; default 30 000.
   */
  refreshIntervalMs?: number;
  /** How long a tail waits for a NOTIFY before it looks anyway; default 1000. */
  pollIntervalMs?: number;
  log: Logger;
}

/** `a` sorts after `b` in log order. */
export function isAfter(a: EventCursor, b: EventCursor | null): boolean {
  if (!b) return true;
  const [at, bt] = [BigInt(a.transactionId), BigInt(b.transactionId)];
  return at === bt ? BigInt(a.position) > BigInt(b.position) : at > bt;
}

function lightChangeOf(event: RecordedEvent): LightChange | undefined {
  if (event.aggregateType !== 'AlertLight') return undefined;
  const payload = event.payload;
  if (typeof payload.lightId !== 'string' || typeof payload.departmentId !== 'string') {
    return undefined;
  }
  return {
    cursor: { transactionId: event.transactionId, position: event.position },
    type: event.type,
    at: event.occurredAt,
    lightId: payload.lightId,
    departmentId: payload.departmentId,
    level: String(payload.level),
    status: String(payload.status),
    escalated: payload.escalated === true,
  };
}

/**
 * Throttles a stream of "something changed" into numbered ticks: the first change ticks at
 * once, later ones within the interval fold into one tick at its end. Subscribers read the
 * figures once per tick, however many changes it stands for.
 */
class Ticker {
  tick = 0;
  private lastAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<(tick: number) => void>();

  constructor(private readonly intervalMs: number) {}

  listen(listener: (tick: number) => void): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    if (this.timer) return;
    const wait = this.lastAt + this.intervalMs - Date.now();
    if (wait <= 0) this.emit();
    else this.timer = setTimeout(() => this.emit(), wait);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private emit(): void {
    this.timer = undefined;
    this.lastAt = Date.now();
    this.tick += 1;
    for (const listener of this.listeners) listener(this.tick);
  }
}

/**
 * What happens in the hall, as this gateway instance sees it: it follows the cases and
 * supervision event logs from the moment it starts, hands every light change to the
 * subscribers listening, and ticks whenever the hall's figures or its lights may have
 * changed. Every instance follows the logs itself, so each delivers every event to its own
 * subscribers; it keeps nothing but its place in the logs.
 */
export class LiveHall {
  /** Ticks when the hall's figures (queue, windows, cases, lights) may have changed. */
  readonly hallTicks: Ticker;
  /** Ticks when the lights lit may have changed. */
  readonly lightTicks: Ticker;
  private readonly lightListeners = new Set<(change: LightChange) => void>();
  private readonly changeListeners = new Set<() => void>();
  private readonly cases: EventTail;
  private readonly supervision: EventTail;
  private refresh: NodeJS.Timeout | undefined;

  constructor(private readonly options: LiveHallOptions) {
    const interval = options.tickIntervalMs ?? 1000;
    this.hallTicks = new Ticker(interval);
    this.lightTicks = new Ticker(interval);
    const tailOptions = {
      databaseUrl: options.databaseUrl,
      pollIntervalMs: options.pollIntervalMs,
      logger: options.log,
    };
    this.cases = createEventTail({
      ...tailOptions,
      source: 'cases',
      name: 'gateway.hall',
      onEvents: () => {
        this.changed();
        this.hallTicks.changed();
      },
    });
    this.supervision = createEventTail({
      ...tailOptions,
      source: 'supervision',
      name: 'gateway.lights',
      onEvents: (events) => this.onSupervisionEvents(events),
    });
  }

  async start(): Promise<void> {
    await Promise.all([this.cases.start(), this.supervision.start()]);
    this.refresh = setInterval(
      () => this.hallTicks.changed(),
      this.options.refreshIntervalMs ?? 30_000,
    );
    this.refresh.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.refresh);
    this.hallTicks.stop();
    this.lightTicks.stop();
    await Promise.all([this.cases.stop(), this.supervision.stop()]);
  }

  /** Where the supervision log stands: a subscriber starting now follows from here. */
  get lightsHead(): EventCursor | null {
    return this.supervision.head;
  }

  onLightChange(listener: (change: LightChange) => void): Unsubscribe {
    this.lightListeners.add(listener);
    return () => this.lightListeners.delete(listener);
  }

  /**
   * Light changes after `after`, a page at a time, for a subscriber resuming from its cursor.
   * `next` is where to read on from; `null` when the page reached the end of the log.
   */
  async lightChangesAfter(
    after: EventCursor,
    limit: number,
  ): Promise<{ changes: LightChange[]; next: EventCursor | null }> {
    const events = await this.supervision.read(after, limit);
    const changes = events.flatMap((event) => lightChangeOf(event) ?? []);
    const last = events.at(-1);
    return {
      changes,
      next:
        events.length === limit && last
          ? { transactionId: last.transactionId, position: last.position }
          : null,
    };
  }

  /**
   * Called at once, unthrottled, for every batch of events either log brings: anything read
   * before may be out of date now.
   */
  onChange(listener: () => void): Unsubscribe {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
  }

  private onSupervisionEvents(events: readonly RecordedEvent[]): void {
    this.changed();
    let lights = false;
    for (const event of events) {
      const change = lightChangeOf(event);
      if (!change) continue;
      lights = true;
      for (const listener of this.lightListeners) listener(change);
    }
    if (lights) {
      this.lightTicks.changed();
      this.hallTicks.changed();
    }
  }
}

export type { Ticker };
