import { createHash } from 'node:crypto';
import { badUserInput } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A name-based UUID (version 5 layout) for `key` within `namespace`. Seeds use it so that a
 * seeded department or matter keeps its id across runs and machines.
 */
export function stableId(namespace: string, key: string): string {
  const bytes = createHash('sha1').update(`${namespace}:${key}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function isId(value: string): boolean {
  return UUID.test(value);
}

/** Refuses anything but a lowercase UUID before it reaches SQL. */
export function parseId(value: string, field = 'id'): string {
  const id = value.trim().toLowerCase();
  if (!isId(id)) throw badUserInput(`${field} must be an id (a UUID), got "${value}"`, { field });
  return id;
}
