import { badUserInput, checkText } from '@hall/kit';

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

/** A mobile or landline number, spaces removed; BAD_USER_INPUT otherwise. */
export function checkPhone(raw: string, field: string): string {
  const value = checkText(raw, field, 20).replace(/\s/g, '');
  if (!PHONE.test(value)) throw badUserInput(`${field} is not a phone number`, { field });
  return value;
}
