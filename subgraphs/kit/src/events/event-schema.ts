const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;

/** PostgreSQL truncates longer identifiers, which would make two names refer to one thing. */
export const MAX_IDENTIFIER_LENGTH = 63;

/**
 * The schema name as a quoted SQL identifier. Schema names are spliced into SQL (identifiers
 * cannot be bound as parameters), so only the plain lowercase names code uses are accepted;
 * anything else throws.
 */
export function quotedEventSchema(schema: string): string {
  if (!SCHEMA_NAME.test(schema) || schema.length > MAX_IDENTIFIER_LENGTH) {
    throw new Error(`invalid schema name for events: ${JSON.stringify(schema)}`);
  }
  return `"${schema}"`;
}
