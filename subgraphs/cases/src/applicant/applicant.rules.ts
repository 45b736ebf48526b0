import { badUserInput, checkText, type Caller } from '@hall/kit';
import { ApplicantKind } from './applicant.entity';

const ID_CARD = /^\d{17}[\dX]$/;
const ID_CARD_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CARD_CHECK = '10X98765432';
/** GB 32100-2015: 18 characters of digits and capitals without I, O, Z, S, V. */
const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

/** The check character of a resident identity card number (GB 11643-1999). */
export function idCardCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * ID_CARD_WEIGHTS[i]!;
  return ID_CARD_CHECK[sum % 11]!;
}

/** The check character of a unified social credit code (GB 32100-2015). */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    sum += CREDIT_CODE_CHARS.indexOf(first17[i]!) * CREDIT_CODE_WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31]!;
}

/** Refuses an identity number whose format or check character is wrong. */
export function checkIdentityNumber(kind: ApplicantKind, raw: string, field: string): string {
  const value = raw.trim().toUpperCase();
  if (kind === ApplicantKind.PERSON) {
    if (!ID_CARD.test(value) || idCardCheckCharacter(value.slice(0, 17)) !== value[17]) {
      throw badUserInput(`${field} is not a valid resident identity card number`, { field });
    }
    return value;
  }
  const valid =
    value.length === 18 &&
    [...value].every((char) => CREDIT_CODE_CHARS.includes(char)) &&
    creditCodeCheckCharacter(value.slice(0, 17)) === value[17];
  if (!valid) throw badUserInput(`${field} is not a valid unified social credit code`, { field });
  return value;
}

export function checkPhone(raw: string, field: string): string {
  const value = checkText(raw, field, 20).replace(/\s/g, '');
  if (!PHONE.test(value)) throw badUserInput(`${field} is not a phone number`, { field });
  return value;
}

/** Keeps the region and the last four characters: enough to recognise, too little to use. */
export function maskIdentityNumber(value: string): string {
  return `${value.slice(0, 4)}${'*'.repeat(Math.max(0, value.length - 8))}${value.slice(-4)}`;
}

export function maskPhone(value: string): string {
  return value.length <= 7
    ? '*'.repeat(value.length)
    : `${value.slice(0, 3)}****${value.slice(-4)}`;
}

/** Roles that see every applicant's personal data: the bureau and the acceptance desk. */
const SEES_ALL: readonly string[] = ['SERVICE_BUREAU_ADMIN', 'ACCEPTANCE_CLERK'];

/**
 * Whether `caller` may read an applicant's identity number and phone: the bureau and the
 * acceptance desk always, department staff when the applicant has a case at their
 * department, nobody else.
 */
export function maySeePersonalData(
  caller: Caller,
  applicantDepartments: readonly string[],
): boolean {
  if (caller.kind !== 'user') return false;
  if (SEES_ALL.includes(caller.role)) return true;
  return (
    caller.role === 'DEPARTMENT_STAFF' &&
    caller.departmentId !== undefined &&
    applicantDepartments.includes(caller.departmentId)
  );
}
