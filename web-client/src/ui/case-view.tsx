import { useState } from 'react';
import type { CombinedError } from '@urql/core';
import { useClient } from 'urql';
import { Link } from 'wouter';
import { formatDateTime, formatPercent, formatYuan } from '../format';
import { CASE_DETAIL } from '../graphql/operations';
import type { CaseAction, CaseClock, CaseDetail, SpecialProcedure } from '../graphql/types';
import { useI18n } from '../i18n/i18n';
import { CaseStatusTag, LightBadge, LightStatusTag } from './badges';
import { Panel } from './panel';
import { ErrorLine } from './query-state';

/** The steps a clerk takes with a case: every one but registration, which the desk does. */
type MoveAction = Exclude<CaseAction, 'REGISTER'>;

/** The mutation of each step and the arguments it takes beyond the case and its version. */
const STEP_MUTATIONS: Record<MoveAction, { field: string; params: string }> = {
  ACCEPT: { field: 'acceptCase', params: '' },
  REFUSE: { field: 'refuseCase', params: 'reason: String!' },
  REQUEST_SUPPLEMENT: {
    field: 'requestSupplement',
    params: 'missingMaterials: [String!]!, note: String',
  },
  RECEIVE_SUPPLEMENT: { field: 'receiveSupplement', params: '' },
  START_REVIEW: { field: 'startReview', params: '' },
  START_SPECIAL_PROCEDURE: {
    field: 'startSpecialProcedure',
    params: 'input: SpecialProcedureInput!',
  },
  END_SPECIAL_PROCEDURE: { field: 'endSpecialProcedure', params: '' },
  EXTEND: { field: 'extendCase', params: 'reason: String!, approver: String!' },
  APPROVE: { field: 'approveCase', params: 'feeFen: Int' },
  DENY: { field: 'denyCase', params: 'reason: String' },
  DELIVER: { field: 'deliverCase', params: 'note: String' },
  WITHDRAW: { field: 'withdrawCase', params: 'reason: String' },
};

function stepDocument(action: MoveAction): string {
  const { field, params } = STEP_MUTATIONS[action];
  const names = params ? params.split(',').map((param) => param.split(':')[0]!.trim()) : [];
  const declared = [
    '$id: ID!',
    '$expectedVersion: Int',
    ...(params ? params.split(',').map((p) => `$${p.trim()}`) : []),
  ];
  const passed = [
    'id: $id',
    'expectedVersion: $expectedVersion',
    ...names.map((n) => `${n}: $${n}`),
  ];
  return `mutation Move${field[0]!.toUpperCase()}${field.slice(1)}(${declared.join(', ')}) {
    ${field}(${passed.join(', ')}) { ${CASE_DETAIL} }
  }`;
}

const STEP_DOCUMENTS = Object.fromEntries(
  (Object.keys(STEP_MUTATIONS) as MoveAction[]).map((action) => [action, stepDocument(action)]),
) as Record<MoveAction, string>;

/** Steps that need words or choices from the clerk before they can be taken. */
const NEEDS_FORM: ReadonlySet<MoveAction> = new Set<MoveAction>([
  'REFUSE',
  'REQUEST_SUPPLEMENT',
  'START_SPECIAL_PROCEDURE',
  'EXTEND',
  'APPROVE',
  'DENY',
  'DELIVER',
  'WITHDRAW',
]);

const PROCEDURES: readonly SpecialProcedure[] = [
  'HEARING',
  'INSPECTION',
  'TESTING',
  'APPRAISAL',
  'EXPERT_REVIEW',
  'PUBLIC_NOTICE',
];

export function ClockView({
  clock,
  decidedOn,
}: {
  clock: CaseClock | null;
  /** Once decided, the clock is read as a verdict: on time or late, not days left. */
  decidedOn?: string | null;
}) {
  const { t } = useI18n();
  if (!clock) return <p className="muted">{t('case.clockNotStarted')}</p>;
  const ratio = decidedOn ? 1 : Math.min(clock.elapsedRatio, 1);
  const tone = decidedOn
    ? clock.onTime
      ? 'good'
      : 'bad'
    : clock.remainingWorkingDays < 0
      ? 'bad'
      : clock.elapsedRatio >= 0.8 || clock.remainingWorkingDays <= 1
        ? 'warn'
        : 'good';
  const headline = decidedOn
    ? `${clock.onTime ? t('case.onTime') : t('case.late')} · ${t('case.decidedOn')} ${decidedOn}`
    : clock.remainingWorkingDays < 0
      ? t('case.overdue', { n: -clock.remainingWorkingDays })
      : t('case.remaining', { n: clock.remainingWorkingDays });
  return (
    <div className="clock" data-testid="case-clock">
      <div className="clock-head">
        <b className={`clock-left clock-${tone}`}>{headline}</b>
        {clock.paused && <span className="tag tag-warn">{t('case.paused')}</span>}
      </div>
      <div className="meter" aria-label={formatPercent(clock.elapsedRatio, 0)}>
        <div className={`meter-fill meter-${tone}`} style={{ width: `${ratio * 100}%` }} />
      </div>
      <div className="clock-facts">
        <span>{t('case.used', { used: clock.usedWorkingDays, limit: clock.limitDays })}</span>
        <span>{t('case.dueOn', { date: clock.dueOn })}</span>
        <span>{t('case.statutoryDueOn', { date: clock.statutoryDueOn })}</span>
        {clock.pausedWorkingDays > 0 && (
          <span>{t('case.pausedDays', { n: clock.pausedWorkingDays })}</span>
        )}
      </div>
    </div>
  );
}

/**
 * A case with its clock, light and timeline; with `canMove`, the steps the graph says are
 * legal now (`allowedActions`), each sent with the version read so a concurrent change by
 * another clerk is refused instead of overwritten.
 */
export function CaseView({
  value,
  canMove,
  onMoved,
}: {
  value: CaseDetail;
  canMove: boolean;
  onMoved?(next: CaseDetail): void;
}) {
  const { t, labels, locale, departmentName } = useI18n();
  return (
    <div className="case-view" data-testid="case-view" data-status={value.status}>
      <div className="case-head">
        <div>
          <div className="muted">{t('case.title')}</div>
          <h2 className="mono" data-testid="case-serial">
            {value.serialNo}
          </h2>
        </div>
        <CaseStatusTag status={value.status} />
        {value.alertLight && (
          <LightBadge level={value.alertLight.level} escalated={value.alertLight.escalated} />
        )}
      </div>
      <div className="grid-2">
        <Panel title={t('case.matter')}>
          <dl className="facts">
            <dt>{t('case.matter')}</dt>
            <dd>
              <Link href={`/matters/${value.matter.id}`} className="link">
                {value.matter.name}
              </Link>{' '}
              <span className="muted mono">{value.matter.code}</span>
            </dd>
            <dt>{t('case.department')}</dt>
            <dd>
              <Link href={`/departments/${value.department.id}`} className="link">
                {departmentName(value.department)}
              </Link>
            </dd>
            <dt>{t('case.applicant')}</dt>
            <dd>
              {value.applicant.name}{' '}
              <span className="muted">
                {labels.applicantKind[value.applicant.kind]} · {value.applicant.identityNumber} ·{' '}
                {value.applicant.phone}
              </span>
            </dd>
            <dt>{t('case.channel')}</dt>
            <dd>{labels.caseChannel[value.channel]}</dd>
            <dt>{t('matter.limits')}</dt>
            <dd>
              {t('matter.limitsValue', {
                promised: value.promisedLimitDays,
                statutory: value.statutoryLimitDays,
              })}
              {value.extensionDays > 0 && ` (+${value.extensionDays})`}
            </dd>
            <dt>{t('case.receivedAt')}</dt>
            <dd>{formatDateTime(value.receivedAt, locale)}</dd>
            {value.acceptedOn && (
              <>
                <dt>{t('case.acceptedOn')}</dt>
                <dd>{value.acceptedOn}</dd>
              </>
            )}
            {value.decidedOn && (
              <>
                <dt>{t('case.decidedOn')}</dt>
                <dd>
                  {value.decidedOn}{' '}
                  {value.onTime != null && (
                    <span className={`tag ${value.onTime ? 'tag-good' : 'tag-bad'}`}>
                      {value.onTime ? t('case.onTime') : t('case.late')}
                    </span>
                  )}
                </dd>
              </>
            )}
            {value.decisionReason && (
              <>
                <dt>{t('case.reason')}</dt>
                <dd>{value.decisionReason}</dd>
              </>
            )}
            {value.missingMaterials.length > 0 && (
              <>
                <dt>{t('case.missing')}</dt>
                <dd>{value.missingMaterials.join('、')}</dd>
              </>
            )}
            {value.feeFen > 0 && (
              <>
                <dt>{t('matter.fee')}</dt>
                <dd>{formatYuan(value.feeFen, locale)}</dd>
              </>
            )}
          </dl>
        </Panel>
        <Panel title={t('case.clock')}>
          <ClockView clock={value.clock} decidedOn={value.decidedOn} />
          <h3 className="sub-title">{t('case.lights')}</h3>
          {value.alertLights.length === 0 && <p className="muted">{t('case.noLight')}</p>}
          {value.alertLights.map((light) => (
            <div key={light.id} className="list-item">
              <div className="list-line">
                <LightBadge level={light.level} escalated={light.escalated} />
                <span>{labels.rule[light.rule]}</span>
                <LightStatusTag status={light.status} />
                <span className="muted push-right">{formatDateTime(light.raisedAt, locale)}</span>
              </div>
              <div className="list-sub">{light.cause}</div>
            </div>
          ))}
        </Panel>
      </div>
      {canMove && <CaseSteps value={value} onMoved={onMoved} />}
      <Panel title={t('case.timeline')}>
        <ol className="timeline" data-testid="case-timeline">
          {value.timeline.map((step) => (
            <li key={step.id} data-action={step.action}>
              <span className="timeline-dot" />
              <div className="timeline-body">
                <div className="list-line">
                  <b>{labels.caseAction[step.action]}</b>
                  <CaseStatusTag status={step.toStatus} />
                  <span className="muted push-right mono">{formatDateTime(step.at, locale)}</span>
                </div>
                <div className="list-sub">
                  {t('case.actor')} {step.actor}
                  {step.reason && ` · ${step.reason}`}
                </div>
              </div>
            </li>
          ))}
        </ol>
      </Panel>
    </div>
  );
}

function CaseSteps({ value, onMoved }: { value: CaseDetail; onMoved?(next: CaseDetail): void }) {
  const { t, labels } = useI18n();
  const [open, setOpen] = useState<MoveAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const client = useClient();
  const [error, setError] = useState<CombinedError | null>(null);
  const [running, setRunning] = useState(false);
  const actions = value.allowedActions.filter(
    (action): action is MoveAction => action !== 'REGISTER',
  );

  const take = async (action: MoveAction, extra: Record<string, unknown>) => {
    setRunning(true);
    setDone(null);
    const outcome = await client
      .mutation<Record<string, CaseDetail>>(STEP_DOCUMENTS[action], {
        id: value.id,
        expectedVersion: value.version,
        ...extra,
      })
      .toPromise();
    setRunning(false);
    setError(outcome.error ?? null);
    const next = outcome.data?.[STEP_MUTATIONS[action].field];
    if (next) {
      setOpen(null);
      setDone(t('case.moved', { action: labels.caseAction[action] }));
      onMoved?.(next);
    }
  };

  return (
    <Panel title={t('case.actions')} testId="case-steps">
      {actions.length === 0 && <p className="muted">{t('case.noActions')}</p>}
      <div className="row wrap">
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            className={`btn ${open === action ? 'btn-primary' : ''} ${
              action === 'REFUSE' || action === 'DENY' || action === 'WITHDRAW'
                ? 'btn-danger-outline'
                : ''
            }`}
            data-action={action}
            disabled={running}
            onClick={() => {
              if (NEEDS_FORM.has(action)) setOpen(open === action ? null : action);
              else void take(action, {});
            }}
          >
            {labels.caseAction[action]}
          </button>
        ))}
      </div>
      {open && (
        <StepForm
          key={open}
          action={open}
          value={value}
          running={running}
          onCancel={() => setOpen(null)}
          onSubmit={(extra) => void take(open, extra)}
        />
      )}
      <ErrorLine error={error} />
      {done && !error && (
        <p className="notice notice-good" role="status">
          {done}
        </p>
      )}
    </Panel>
  );
}

function StepForm({
  action,
  value,
  running,
  onCancel,
  onSubmit,
}: {
  action: MoveAction;
  value: CaseDetail;
  running: boolean;
  onCancel(): void;
  onSubmit(extra: Record<string, unknown>): void;
}) {
  const { t, labels } = useI18n();
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [approver, setApprover] = useState('');
  const [legalBasis, setLegalBasis] = useState('《中华人民共和国行政许可法》第四十五条');
  const [procedure, setProcedure] = useState<SpecialProcedure>('EXPERT_REVIEW');
  const [missing, setMissing] = useState<string[]>([]);
  const [otherMissing, setOtherMissing] = useState('');
  const [feeYuan, setFeeYuan] = useState(String(value.matter.feeFen / 100));

  const extra = (): Record<string, unknown> | null => {
    switch (action) {
      case 'REFUSE':
        return reason.trim() ? { reason: reason.trim() } : null;
      case 'DENY':
        return { reason: reason.trim() || null };
      case 'WITHDRAW':
        return { reason: reason.trim() || null };
      case 'DELIVER':
        return { note: note.trim() || null };
      case 'EXTEND':
        return reason.trim() && approver.trim()
          ? { reason: reason.trim(), approver: approver.trim() }
          : null;
      case 'APPROVE': {
        const fen = Math.round(Number(feeYuan) * 100);
        return Number.isFinite(fen) && fen >= 0 ? { feeFen: fen } : null;
      }
      case 'START_SPECIAL_PROCEDURE':
        return legalBasis.trim() && approver.trim()
          ? {
              input: {
                procedure,
                legalBasis: legalBasis.trim(),
                approver: approver.trim(),
                ...(reason.trim() && { reason: reason.trim() }),
              },
            }
          : null;
      case 'REQUEST_SUPPLEMENT': {
        const all = [
          ...missing,
          ...otherMissing
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
        ];
        return all.length ? { missingMaterials: all, note: note.trim() || null } : null;
      }
      default:
        return {};
    }
  };
  const ready = extra() !== null;

  return (
    <form
      className="step-form"
      data-testid="step-form"
      onSubmit={(event) => {
        event.preventDefault();
        const values = extra();
        if (values) onSubmit(values);
      }}
    >
      {action === 'REQUEST_SUPPLEMENT' && (
        <fieldset className="field">
          <legend>{t('form.missing')}</legend>
          <div className="checks">
            {value.matter.requiredMaterials.map((material) => (
              <label key={material} className="check">
                <input
                  type="checkbox"
                  checked={missing.includes(material)}
                  onChange={(event) =>
                    setMissing(
                      event.target.checked
                        ? [...missing, material]
                        : missing.filter((m) => m !== material),
                    )
                  }
                />
                {material}
              </label>
            ))}
          </div>
          <label className="field">
            <span>{t('form.missingOther')}</span>
            <textarea
              className="input"
              rows={2}
              value={otherMissing}
              onChange={(event) => setOtherMissing(event.target.value)}
            />
          </label>
        </fieldset>
      )}
      {action === 'START_SPECIAL_PROCEDURE' && (
        <>
          <label className="field">
            <span>{t('form.procedure')}</span>
            <select
              className="input"
              value={procedure}
              onChange={(event) => setProcedure(event.target.value as SpecialProcedure)}
            >
              {PROCEDURES.map((p) => (
                <option key={p} value={p}>
                  {labels.specialProcedure[p]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>
              {t('form.legalBasis')} <em>{t('form.required')}</em>
            </span>
            <input
              className="input"
              value={legalBasis}
              onChange={(event) => setLegalBasis(event.target.value)}
            />
          </label>
        </>
      )}
      {(action === 'REFUSE' ||
        action === 'DENY' ||
        action === 'WITHDRAW' ||
        action === 'EXTEND' ||
        action === 'START_SPECIAL_PROCEDURE') && (
        <label className="field">
          <span>
            {t('form.reason')}
            {(action === 'REFUSE' || action === 'EXTEND') && <em> {t('form.required')}</em>}
          </span>
          <input
            className="input"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            data-testid="step-reason"
          />
        </label>
      )}
      {(action === 'EXTEND' || action === 'START_SPECIAL_PROCEDURE') && (
        <label className="field">
          <span>
            {t('form.approver')} <em>{t('form.required')}</em>
          </span>
          <input
            className="input"
            value={approver}
            onChange={(event) => setApprover(event.target.value)}
          />
        </label>
      )}
      {(action === 'DELIVER' || action === 'REQUEST_SUPPLEMENT') && (
        <label className="field">
          <span>{t('form.note')}</span>
          <input className="input" value={note} onChange={(event) => setNote(event.target.value)} />
        </label>
      )}
      {action === 'APPROVE' && (
        <label className="field">
          <span>{t('form.fee')}</span>
          <input
            className="input"
            type="number"
            min="0"
            step="0.01"
            value={feeYuan}
            onChange={(event) => setFeeYuan(event.target.value)}
          />
        </label>
      )}
      <div className="row">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={!ready || running}
          data-testid="step-submit"
        >
          {labels.caseAction[action]}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
