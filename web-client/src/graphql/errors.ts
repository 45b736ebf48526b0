import type { CombinedError } from '@urql/core';
import type { I18n } from '../i18n/i18n';

const KNOWN_CODES = [
  'CONFLICT',
  'BAD_USER_INPUT',
  'FORBIDDEN',
  'NOT_FOUND',
  'UNAUTHENTICATED',
] as const;
type KnownCode = (typeof KNOWN_CODES)[number];

function isKnown(code: unknown): code is KnownCode {
  return typeof code === 'string' && (KNOWN_CODES as readonly string[]).includes(code);
}

/** The stable `extensions.code` of the first GraphQL error, if any. */
export function errorCode(error: CombinedError | undefined): string | undefined {
  const code = error?.graphQLErrors[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

export function isForbidden(error: CombinedError | undefined): boolean {
  return error?.graphQLErrors.some((e) => e.extensions?.code === 'FORBIDDEN') ?? false;
}

export function isUnauthenticated(error: CombinedError | undefined): boolean {
  return (
    error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED') === true ||
    error?.response?.status === 401
  );
}

/**
 * A sentence a person understands, in the page's language: the code's meaning, and for bad
 * input the gateway's own message, which names the field.
 */
export function describeError(error: CombinedError, { t }: Pick<I18n, 't'>): string {
  if (error.networkError && !error.graphQLErrors.length) {
    return t('error.network') + error.networkError.message;
  }
  const first = error.graphQLErrors[0];
  const code = first?.extensions?.code;
  if (isKnown(code)) {
    const message = t(`error.${code}`);
    return code === 'BAD_USER_INPUT' || code === 'CONFLICT'
      ? `${message} ${first?.message ?? ''}`.trim()
      : message;
  }
  return t('error.other') + (first?.message ?? error.message);
}
