import type { SeededRandom } from '@hall/kit';
import { MatterKind, MatterStatus } from '../matter/matter.entity';

/** The 2012 clean-up cut the time limits of all matters by 45% on average, 70% at most. */
export const TARGET_AVERAGE_COMPRESSION = 0.45;
export const MAX_COMPRESSION = 0.7;

interface LimitDraft {
  kind: MatterKind;
  status: MatterStatus;
  statutoryLimitDays: number;
  promisedLimitDays: number;
}

const compression = (draft: LimitDraft) => 1 - draft.promisedLimitDays / draft.statutoryLimitDays;

/**
 * Sets the promised limit of every non-immediate matter so that, over the active ones, the
 * average compression rounds to 45% and the largest is exactly 70%, none above it: the
 * figures of the 2012 clean-up. Immediate matters keep 0 (same day) and take no part.
 */
export function compressMatterLimits(drafts: LimitDraft[], random: SeededRandom): void {
  const timed = drafts.filter((draft) => draft.kind !== MatterKind.IMMEDIATE);
  for (const draft of timed) {
    const target = 0.2 + random.next() * (MAX_COMPRESSION - 0.2);
    draft.promisedLimitDays = Math.max(1, Math.round(draft.statutoryLimitDays * (1 - target)));
    while (compression(draft) > MAX_COMPRESSION + 1e-9) draft.promisedLimitDays += 1;
  }
  const active = timed.filter((draft) => draft.status === MatterStatus.ACTIVE);
  // The matter with the deepest cut lands exactly on 70% (a 20-day limit promised in 6).
  const deepest = active.find((draft) => draft.statutoryLimitDays % 10 === 0);
  if (!deepest) throw new Error('no matter can carry the 70% cut');
  deepest.promisedLimitDays = Math.round(deepest.statutoryLimitDays * (1 - MAX_COMPRESSION));

  const average = () => active.reduce((sum, draft) => sum + compression(draft), 0) / active.length;
  for (let guard = 0; Math.abs(average() - TARGET_AVERAGE_COMPRESSION) > 0.002; guard++) {
    if (guard > 10_000) throw new Error('could not reach the target compression');
    const draft = random.pick(active);
    if (draft === deepest) continue;
    if (average() < TARGET_AVERAGE_COMPRESSION) {
      const shorter = { ...draft, promisedLimitDays: draft.promisedLimitDays - 1 };
      if (shorter.promisedLimitDays >= 1 && compression(shorter) <= MAX_COMPRESSION) {
        draft.promisedLimitDays -= 1;
      }
    } else if (draft.promisedLimitDays < draft.statutoryLimitDays) {
      draft.promisedLimitDays += 1;
    }
  }
}
