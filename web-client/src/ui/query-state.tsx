import type { CombinedError } from '@urql/core';
import { describeError, isForbidden } from '../graphql/errors';
import { useI18n } from '../i18n/i18n';

/** What a panel shows while its query runs or when it failed. */
export function QueryNotice({
  fetching,
  error,
  empty,
}: {
  fetching: boolean;
  error: CombinedError | undefined;
  empty?: boolean;
}) {
  const i18n = useI18n();
  if (error) {
    return (
      <p
        className={isForbidden(error) ? 'notice notice-muted' : 'notice notice-error'}
        role="alert"
      >
        {isForbidden(error) ? i18n.t('common.forbidden') : describeError(error, i18n)}
      </p>
    );
  }
  if (fetching) return <p className="notice notice-muted">{i18n.t('common.loading')}</p>;
  if (empty) return <p className="notice notice-muted">{i18n.t('common.none')}</p>;
  return null;
}

export function ErrorLine({ error }: { error: CombinedError | undefined | null }) {
  const i18n = useI18n();
  if (!error) return null;
  return (
    <p className="notice notice-error" role="alert">
      {describeError(error, i18n)}
    </p>
  );
}
