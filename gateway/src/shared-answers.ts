import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { readScope, type Caller, type Clock } from '@hall/kit';
import type { FormattedExecutionResult } from 'graphql';

export interface SharedAnswersOptions {
  /**
   * How old an answer may be when it is handed to another caller, in milliseconds of both
   * real and hall time; 0 turns sharing off.
   */
  maxAgeMs: number;
  /** The hall's clock: moving it (the simulator, a test) makes every kept answer stale. */
  clock: Clock;
  /** Distinct answers kept at once before the stale ones are swept; default 1000. */
  maxEntries?: number;
}

interface SharedAnswer {
  /** Real time (performance.now) and hall time (ms) when the read started. */
  startedAt: number;
  startedAtHall: number;
  /** `undefined` when the read failed in a way no one else should be handed. */
  answer: Promise<FormattedExecutionResult | undefined>;
}

interface CallerContext {
  caller: Caller;
  internal?: boolean;
}

/**
 * Identical queries share one read: a query (never a mutation) with the same document,
 * operation name and variables from a caller of the same role and scope is handed the answer
 * of the read already in flight, or of one that started less than `maxAgeMs` ago. Fifty
 * dashboards polling the same figures cost one pass through the planner and the subgraphs.
 *
 * Freshness contract: an answer is never handed on once anything may have changed it. Every
 * mutation through this gateway, and every event the gateway's log tails see (cases and
 * supervision, from any instance), drops all kept answers, and so does a move of the hall
 * clock. A caller therefore always reads its own writes through the same gateway; a write
 * through another instance is seen once the event reaches this one's tail, and one the logs
 * do not carry (a catalog edit, a rating through another instance) within `maxAgeMs`.
 * Answers that carry errors are not kept. Queries the gateway runs itself (`internal`: for
 * its subscriptions, which share reads per event already, and queries sent over WebSocket)
 * are neither served nor kept; mutations sent over WebSocket drop kept answers all the same.
 */
export class SharedAnswers {
  private readonly answers = new Map<string, SharedAnswer>();
  private readonly maxEntries: number;

  constructor(private readonly options: SharedAnswersOptions) {
    this.maxEntries = options.maxEntries ?? 1000;
  }

  /** Something may have changed: no answer read before now is handed on. */
  invalidate(): void {
    this.answers.clear();
  }

  plugin<TContext extends CallerContext>(): ApolloServerPlugin<TContext> {
    const sharing = this;
    return {
      async requestDidStart() {
        let settle: ((answer: FormattedExecutionResult | undefined) => void) | undefined;
        let owned: { key: string; entry: SharedAnswer } | undefined;
        let mutation = false;
        return {
          async responseForOperation({ operation, source, operationName, request, contextValue }) {
            if (!operation) return null;
            // Mutations sent over WebSocket run as internal operations too, and count.
            if (operation.operation === 'mutation') {
              mutation = true;
              sharing.invalidate();
              return null;
            }
            if (
              contextValue.internal ||
              operation.operation !== 'query' ||
              source === undefined ||
              sharing.options.maxAgeMs <= 0
            ) {
              return null;
            }
            const key = `${readScope(contextValue.caller)}\n${operationName ?? ''}\n${JSON.stringify(
              request.variables ?? {},
            )}\n${source}`;
            const kept = sharing.fresh(key);
            if (kept) {
              const answer = await kept.answer;
              return answer ? sharedResponse(answer) : null;
            }
            const entry: SharedAnswer = {
              startedAt: performance.now(),
              startedAtHall: sharing.options.clock.now().getTime(),
              answer: new Promise((resolve) => {
                settle = resolve;
              }),
            };
            sharing.keep(key, entry);
            owned = { key, entry };
            return null;
          },
          async willSendResponse({ response }) {
            // A mutation's effects are committed by now; a read that started while it ran
            // may not show them.
            if (mutation) sharing.invalidate();
            if (!settle || !owned) return;
            const body = response.body;
            const answer =
              body.kind === 'single' && !body.singleResult.errors?.length
                ? body.singleResult
                : undefined;
            if (!answer) sharing.forget(owned.key, owned.entry);
            settle(answer);
            settle = undefined;
          },
        };
      },
    };
  }

  private fresh(key: string): SharedAnswer | undefined {
    const kept = this.answers.get(key);
    if (!kept) return undefined;
    const maxAge = this.options.maxAgeMs;
    const hallAge = this.options.clock.now().getTime() - kept.startedAtHall;
    if (performance.now() - kept.startedAt < maxAge && hallAge >= 0 && hallAge < maxAge) {
      return kept;
    }
    this.answers.delete(key);
    return undefined;
  }

  private keep(key: string, entry: SharedAnswer): void {
    if (this.answers.size >= this.maxEntries) {
      for (const [candidate] of this.answers) this.fresh(candidate);
      if (this.answers.size >= this.maxEntries) this.answers.clear();
    }
    this.answers.set(key, entry);
  }

  private forget(key: string, entry: SharedAnswer): void {
    if (this.answers.get(key) === entry) this.answers.delete(key);
  }
}

function sharedResponse(answer: FormattedExecutionResult): GraphQLResponse {
  return {
    http: { status: undefined, headers: new HeaderMap() },
    body: { kind: 'single', singleResult: answer },
  };
}
