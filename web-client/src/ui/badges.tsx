import { useI18n } from '../i18n/i18n';
import type { CaseStatus, LightLevel, LightStatus } from '../graphql/types';

export function LightBadge({ level, escalated }: { level: LightLevel; escalated?: boolean }) {
  const { labels, t } = useI18n();
  return (
    <span className={`light light-${level.toLowerCase()}`} data-level={level}>
      <span className="light-dot" aria-hidden="true" />
      {labels.lightLevel[level]}
      {escalated && <span className="light-escalated">{t('kpi.escalated')}</span>}
    </span>
  );
}

export function LightDots({ yellow, red }: { yellow: number; red: number }) {
  return (
    <span className="light-dots">
      <span className={`dot-count ${yellow ? 'dot-yellow' : 'dot-zero'}`}>{yellow}</span>
      <span className="dot-sep">/</span>
      <span className={`dot-count ${red ? 'dot-red' : 'dot-zero'}`}>{red}</span>
    </span>
  );
}

const STATUS_TONE: Record<CaseStatus, string> = {
  RECEIVED: 'info',
  SUPPLEMENT_REQUESTED: 'warn',
  ACCEPTED: 'info',
  NOT_ACCEPTED: 'muted',
  UNDER_REVIEW: 'info',
  SPECIAL_PROCEDURE: 'warn',
  EXTENDED: 'warn',
  COMPLETED_APPROVED: 'good',
  COMPLETED_DENIED: 'muted',
  DELIVERED: 'good',
  WITHDRAWN: 'muted',
};

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const { labels } = useI18n();
  return (
    <span className={`tag tag-${STATUS_TONE[status]}`} data-status={status}>
      {labels.caseStatus[status]}
    </span>
  );
}

export function LightStatusTag({ status }: { status: LightStatus }) {
  const { labels } = useI18n();
  const tone =
    status === 'ON' ? 'bad' : status === 'ACKNOWLEDGED' || status === 'APPEALED' ? 'warn' : 'muted';
  return <span className={`tag tag-${tone}`}>{labels.lightStatus[status]}</span>;
}
