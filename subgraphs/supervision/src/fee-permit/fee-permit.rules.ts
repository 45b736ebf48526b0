import { badUserInput, checkInteger } from '@hall/kit';

/** The largest amount a fee request may name: ten million yuan, in fen. */
export const MAX_FEE_FEN = 1_000_000_000;

export interface FeeStandard {
  minimumFen: number;
  maximumFen: number;
  requestedFen: number;
}

/**
 * Refuses a standard that is not one (minimum above maximum) and a request outside it:
 * asking above the standard's maximum is what fee supervision exists to stop.
 */
export function checkFeeStandard(input: FeeStandard, field: string): FeeStandard {
  const minimumFen = checkInteger(input.minimumFen, `${field}.minimumFen`, 0, MAX_FEE_FEN);
  const maximumFen = checkInteger(input.maximumFen, `${field}.maximumFen`, 0, MAX_FEE_FEN);
  if (maximumFen < minimumFen) {
    throw badUserInput('maximumFen must not be below minimumFen', {
      field: `${field}.maximumFen`,
    });
  }
  const requestedFen = checkInteger(input.requestedFen, `${field}.requestedFen`, 0, MAX_FEE_FEN);
  if (requestedFen > maximumFen) {
    throw badUserInput(
      `requestedFen ${requestedFen} is above the standard’s maximum ${maximumFen}`,
      {
        field: `${field}.requestedFen`,
      },
    );
  }
  if (requestedFen < minimumFen) {
    throw badUserInput(
      `requestedFen ${requestedFen} is below the standard’s minimum ${minimumFen}`,
      {
        field: `${field}.requestedFen`,
      },
    );
  }
  return { minimumFen, maximumFen, requestedFen };
}

/** The amount a notice permits: the lowest of the standard (按最低标准), whatever was asked. */
export function issuedAmount(standard: Pick<FeeStandard, 'minimumFen'>): number {
  return standard.minimumFen;
}
