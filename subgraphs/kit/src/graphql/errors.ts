import { GraphQLError } from 'graphql';

/**
 * The stable `extensions.code` values of the graph. Clients branch on these, never on the
 * message, so a code is never renamed once published.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'INTERNAL_SERVER_ERROR';

export interface ErrorDetails {
  /** The input field at fault, as a path such as `input.promisedLimitDays`. */
  field?: string;
  [key: string]: unknown;
}

function domainError(code: ErrorCode, message: string, details: ErrorDetails = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...details, code } });
}

export function badUserInput(message: string, details?: ErrorDetails): GraphQLError {
  return domainError('BAD_USER_INPUT', message, details);
}

export function notFound(typeName: string, id: string): GraphQLError {
  return domainError('NOT_FOUND', `${typeName} ${id} does not exist`, { typeName, id });
}

export function conflict(message: string, details?: ErrorDetails): GraphQLError {
  return domainError('CONFLICT', message, details);
}

export function forbidden(message = 'You may not do this', details?: ErrorDetails): GraphQLError {
  return domainError('FORBIDDEN', message, details);
}

export function unauthenticated(message = 'Sign in first'): GraphQLError {
  return domainError('UNAUTHENTICATED', message);
}
