import type { Caller } from '@hall/kit';

/**
 * Requests a caller may send per minute, by kind of caller. Each caller has a token bucket
 * that holds a minute's worth of requests and refills continuously, so a burst of that size
 * passes and the rate holds over time.
 */
export interface RateLimits {
  /** Staff, displays and every first-party role; default 600. */
  staffPerMinute: number;
  /** Partner banks, read through their contract; default 60. */
  partnerPerMinute: number;
  /** Callers without a token, per IP address; default 120. */
  anonymousPerMinute: number;
  /**
   * Subjects never limited: the platform's own machine clients, such as the hall simulator,
   * which plays a whole hall's day at 60 times real speed. Empty by default.
   */
  exemptSubjects: readonly string[];
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  staffPerMinute: 600,
  partnerPerMinute: 60,
  anonymousPerMinute: 120,
  exemptSubjects: [],
};

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Past this many buckets, the full ones (callers idle for a minute or more) are dropped. */
const PRUNE_ABOVE = 10_000;

/**
 * Per-caller token buckets, in this gateway instance's memory: with several instances each
 * counts on its own, so a caller spread over N instances gets up to N times the rate. That
 * bounds abuse without a shared store; a deployment that needs exact global limits puts
 * them in front of the gateways.
 */
export class CallerRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly exempt: ReadonlySet<string>;

  constructor(
    private readonly limits: RateLimits = DEFAULT_RATE_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    this.exempt = new Set(limits.exemptSubjects);
  }

  /** Takes one request from the caller's bucket; `address` keys anonymous callers. */
  take(caller: Caller, address: string): RateDecision {
    if (caller.kind === 'user' && this.exempt.has(caller.subject)) return { allowed: true };
    const perMinute =
      caller.kind === 'anonymous'
        ? this.limits.anonymousPerMinute
        : caller.role === 'PARTNER'
          ? this.limits.partnerPerMinute
          : this.limits.staffPerMinute;
    // The role is part of the key: one subject holding tokens of two roles has two budgets.
    const key =
      caller.kind === 'anonymous' ? `anonymous:${address}` : `${caller.role}:${caller.subject}`;
    const now = this.now();
    const perMs = perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: perMinute, updatedAt: now };
    bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.updatedAt) * perMs);
    bucket.updatedAt = now;
    if (!this.buckets.has(key)) {
      if (this.buckets.size >= PRUNE_ABOVE) this.prune(now);
      this.buckets.set(key, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)),
    };
  }

  private prune(now: number): void {
    for (const [key, bucket] of this.buckets) {
      // A bucket untouched for a minute is full again: forgetting it changes nothing.
      if (now - bucket.updatedAt >= 60_000) this.buckets.delete(key);
    }
  }
}
