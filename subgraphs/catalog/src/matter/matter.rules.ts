import { badUserInput, checkInteger } from '@hall/kit';
import { MatterCategory, MatterKind } from './matter.entity';

/** Art. 42 of the Administrative Licensing Law: joint handling may run 45 + 15 working days. */
export const MAX_STATUTORY_LIMIT_DAYS = 60;
/** One hundred thousand yuan: no administrative fee of the hall comes near it. */
export const MAX_FEE_FEN = 10_000_000;

export interface MatterTerms {
  kind: MatterKind;
  category: MatterCategory;
  statutoryLimitDays: number;
  promisedLimitDays: number;
  feeFen: number;
  feeStandard?: string | null;
}

/**
 * The rules every matter keeps: the promised limit is shorter than the statutory one (the
 * hall may promise less time, never more); immediate matters promise the same day, all
 * others at least one working day; a fee needs its standard, and fee matters charge one.
 */
export function checkMatterTerms(terms: MatterTerms, prefix = 'input'): void {
  checkInteger(
    terms.statutoryLimitDays,
    `${prefix}.statutoryLimitDays`,
    1,
    MAX_STATUTORY_LIMIT_DAYS,
  );
  checkInteger(terms.promisedLimitDays, `${prefix}.promisedLimitDays`, 0, terms.statutoryLimitDays);
  if (terms.kind === MatterKind.IMMEDIATE && terms.promisedLimitDays !== 0) {
    throw badUserInput('An immediate matter finishes the same day: its promised limit is 0', {
      field: `${prefix}.promisedLimitDays`,
    });
  }
  if (terms.kind !== MatterKind.IMMEDIATE && terms.promisedLimitDays === 0) {
    throw badUserInput('Only immediate matters may promise 0 working days', {
      field: `${prefix}.promisedLimitDays`,
    });
  }
  checkInteger(terms.feeFen, `${prefix}.feeFen`, 0, MAX_FEE_FEN);
  if (terms.category === MatterCategory.FEE && terms.feeFen === 0) {
    throw badUserInput('A fee matter charges a fee', { field: `${prefix}.feeFen` });
  }
  if (terms.feeFen > 0 && !terms.feeStandard?.trim()) {
    throw badUserInput('A fee needs its standard and basis', { field: `${prefix}.feeStandard` });
  }
}

/**
 * How much shorter the promised limit is than the statutory one: 0.45 for a 20-day matter
 * promised in 11. Null for immediate matters, which have no working-day limit to compress.
 */
export function compressionOf(
  terms: Pick<MatterTerms, 'kind' | 'statutoryLimitDays' | 'promisedLimitDays'>,
): number | null {
  if (terms.kind === MatterKind.IMMEDIATE) return null;
  return 1 - terms.promisedLimitDays / terms.statutoryLimitDays;
}
