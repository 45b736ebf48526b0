import { badUserInput, checkText } from '@hall/kit';

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

/** A mobile or landline number, spaces removed; BAD_USER_INPUT otherwise. */
export function checkPhone(raw: string, field: string): string {
  const value = checkText(raw, field, 20).replace(/\s/g, '');
  if (!PHONE.test(value)) throw badUserInput(`${field} is not a phone number`, { field });
  return value;
}

/** Keeps the first three and last four digits, as the cases subgraph masks applicants. */
export function maskPhone(value: string): string {
  return value.length <= 7
    ? '*'.repeat(value.length)
    : `${value.slice(0, 3)}****${value.slice(-4)}`;
}

/** Keeps the surname only (王**): a department must not learn who complained about it. */
export function maskName(value: string): string {
  const characters = [...value];
  return `${characters[0] ?? ''}${'*'.repeat(Math.max(0, characters.length - 1))}`;
}
