import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Logger } from '../logger';

/**
 * Shapes every error a client sees. Domain errors keep their code and message; database
 * conflicts become CONFLICT; anything unexpected is logged in full and answered with a bare
 * INTERNAL_SERVER_ERROR, so no SQL or stack trace reaches a client.
 */
export function formatHallError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    const original = unwrapResolverError(error);
    if (original instanceof UniqueConstraintViolationException) {
      return {
        message: 'This would duplicate an existing record',
        path: formatted.path,
        extensions: { code: 'CONFLICT' },
      };
    }
    if (original instanceof OptimisticLockError) {
      return {
        message: 'Someone else changed this record first; read it again and retry',
        path: formatted.path,
        extensions: { code: 'CONFLICT' },
      };
    }
    if (code === undefined || code === 'INTERNAL_SERVER_ERROR') {
      log.error({ err: original, path: formatted.path }, 'unexpected error in a resolver');
      return {
        message: 'Internal server error',
        path: formatted.path,
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      };
    }
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  };
}
