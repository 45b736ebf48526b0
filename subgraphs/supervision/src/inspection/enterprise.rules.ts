import { badUserInput, checkText } from '@hall/kit';

/** GB 32100-2015: 18 characters of digits and capitals without I, O, Z, S, V. */
const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of a unified social credit code (GB 32100-2015). */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    sum += CREDIT_CODE_CHARS.indexOf(first17[i]!) * CREDIT_CODE_WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31]!;
}

/** The characters a credit code may use, for seeds that make valid ones. */
export const CREDIT_CODE_ALPHABET = CREDIT_CODE_CHARS;

/** Refuses a unified social credit code whose format or check character is wrong. */
export function checkCreditCode(raw: string, field: string): string {
  const value = raw.trim().toUpperCase();
  const valid =
    value.length === 18 &&
    [...value].every((char) => CREDIT_CODE_CHARS.includes(char)) &&
    creditCodeCheckCharacter(value.slice(0, 17)) === value[17];
  if (!valid) throw badUserInput(`${field} is not a valid unified social credit code`, { field });
  return value;
}

/** An enterprise as an inspection or fee request names it. */
export interface EnterpriseFields {
  enterpriseName: string;
  enterpriseCreditCode: string;
}

export function checkEnterprise(input: EnterpriseFields, field: string): EnterpriseFields {
  return {
    enterpriseName: checkText(input.enterpriseName, `${field}.enterpriseName`, 100),
    enterpriseCreditCode: checkCreditCode(
      input.enterpriseCreditCode,
      `${field}.enterpriseCreditCode`,
    ),
  };
}
