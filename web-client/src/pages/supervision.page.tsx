import type { CombinedError } from '@urql/core';
import { Fragment, useState } from 'react';
import type { ReactNode } from 'react';
import { useClient, useQuery } from 'urql';
import { Link } from 'wouter';
import { useSession } from '../auth/session-context';
import { formatDateTime } from '../format';
import { useLiveSubscription } from '../graphql/live';
import {
  ACCEPT_COMPLAINT,
  ACKNOWLEDGE_LIGHT,
  ALERT_LIGHTS_LIVE,
  ANSWER_COMPLAINT,
  CLOSE_COMPLAINT,
  COMPLAINT_BOARD,
  DEPARTMENT_NAMES,
  ESCALATE_LIGHT,
  LIGHT_BOARD,
  REJECT_COMPLAINT,
  RESOLVE_LIGHT,
} from '../graphql/operations';
import type {
  AlertLight,
  Complaint,
  ComplaintAction,
  Connection,
  DepartmentName,
  LightAction,
  LightCounts,
  LightLevel,
  Satisfaction,
} from '../graphql/types';
import { useI18n } from '../i18n/i18n';
import { LightBadge, LightStatusTag } from '../ui/badges';
import { Kpi, Panel } from '../ui/panel';
import { ErrorLine, QueryNotice } from '../ui/query-state';

const SUPERVISORS = new Set(['SERVICE_BUREAU_ADMIN', 'SUPERVISION_STAFF']);
const ACKNOWLEDGERS = new Set(['SERVICE_BUREAU_ADMIN', 'SUPERVISION_STAFF', 'DEPARTMENT_STAFF']);

/** Electronic supervision: the lights board, acted on, and the complaints. */
export function SupervisionPage() {
  const { t } = useI18n();
  return (
    <div className="page supervision">
      <div className="page-head">
        <h1>{t('sup.title')}</h1>
      </div>
      <LightsBoard />
      <ComplaintsBoard />
    </div>
  );
}

interface LiveChange {
  type?: string;
  level?: string;
}

/** `LightWentOff` → `WENT_OFF`: the change types of the feed name the light's actions. */
function actionOfChange(type: string | undefined): LightAction | null {
  if (!type?.startsWith('Light')) return null;
  const action = type
    .slice('Light'.length)
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toUpperCase();
  return (LIGHT_ACTIONS as readonly string[]).includes(action) ? (action as LightAction) : null;
}

const LIGHT_ACTIONS: readonly LightAction[] = [
  'RAISED',
  'ROSE',
  'CAUSE_ADDED',
  'ACKNOWLEDGED',
  'APPEALED',
  'APPEAL_UPHELD',
  'APPEAL_REJECTED',
  'ESCALATED',
  'RESOLVED',
  'WENT_OFF',
];

function LightsBoard() {
  const { t, labels, locale, departmentName } = useI18n();
  const { session } = useSession();
  const client = useClient();
  const [level, setLevel] = useState<LightLevel | ''>('');
  const [departmentId, setDepartmentId] = useState('');
  const [escalatedOnly, setEscalatedOnly] = useState(false);
  const [showEnded, setShowEnded] = useState(false);
  const [openHistory, setOpenHistory] = useState<string | null>(null);
  const [noteFor, setNoteFor] = useState<{ id: string; action: 'resolve' | 'escalate' } | null>(
    null,
  );
  const [note, setNote] = useState('');
  const [error, setError] = useState<CombinedError | null>(null);
  const [events, setEvents] = useState<string[]>([]);
  const [departments] = useQuery<{ departments: { nodes: DepartmentName[] } }>({
    query: DEPARTMENT_NAMES,
  });
  const [board, reexecute] = useQuery<{
    lightCounts: LightCounts;
    alertLights: Connection<AlertLight>;
  }>({
    query: LIGHT_BOARD,
    variables: {
      first: 100,
      filter: {
        lit: !showEnded,
        ...(level && { level }),
        ...(departmentId && { departmentId }),
        ...(escalatedOnly && { escalated: true }),
      },
    },
  });

  // Each light as it changes: the board is read again, and the change is shown in a ticker.
  useLiveSubscription<{
    alertLights: { level: LightLevel; case: { serialNo: string } | null };
  }>(
    ALERT_LIGHTS_LIVE,
    {},
    ({ data, extensions }) => {
      const change = (extensions?.change ?? {}) as LiveChange;
      const action = actionOfChange(change.type);
      setEvents((previous) =>
        [
          t('lights.liveEvent', {
            serialNo: data.alertLights.case?.serialNo ?? '—',
            change: `${action ? labels.lightAction[action] : (change.type ?? '')} · ${labels.lightLevel[data.alertLights.level]}`,
          }),
          ...previous,
        ].slice(0, 5),
      );
      reexecute({ requestPolicy: 'network-only' });
    },
    { resume: true },
  );

  const act = async (document: string, variables: Record<string, unknown>) => {
    const outcome = await client.mutation(document, variables).toPromise();
    setError(outcome.error ?? null);
    if (!outcome.error) {
      setNoteFor(null);
      setNote('');
    }
    reexecute({ requestPolicy: 'network-only' });
  };

  const mayAcknowledge = session !== null && ACKNOWLEDGERS.has(session.role);
  const maySupervise = session !== null && SUPERVISORS.has(session.role);
  const counts = board.data?.lightCounts;
  return (
    <Panel title={t('lights.board')} testId="light-board">
      {counts && (
        <div className="kpi-row">
          <Kpi label={t('kpi.yellow')} value={counts.yellow} tone="warn" testId="board-yellow" />
          <Kpi label={t('kpi.red')} value={counts.red} tone="bad" testId="board-red" />
          <Kpi label={t('kpi.escalated')} value={counts.escalated} tone="accent" />
          <div className="live-ticker">
            <span className="tag tag-info">{t('lights.live')}</span>
            {events.length === 0 ? (
              <span className="muted">—</span>
            ) : (
              events.map((event, index) => (
                <span key={`${index}-${event}`} className="ticker-item">
                  {event}
                </span>
              ))
            )}
          </div>
        </div>
      )}
      <div className="table-toolbar">
        <select
          className="input"
          value={level}
          aria-label={t('sup.filterLevel')}
          onChange={(event) => setLevel(event.target.value as LightLevel | '')}
          data-testid="level-filter"
        >
          <option value="">
            {t('sup.filterLevel')}: {t('common.all')}
          </option>
          <option value="YELLOW">{labels.lightLevel.YELLOW}</option>
          <option value="RED">{labels.lightLevel.RED}</option>
        </select>
        {session?.role !== 'DEPARTMENT_STAFF' && (
          <select
            className="input"
            value={departmentId}
            aria-label={t('sup.filterDepartment')}
            onChange={(event) => setDepartmentId(event.target.value)}
          >
            <option value="">
              {t('sup.filterDepartment')}: {t('common.all')}
            </option>
            {departments.data?.departments.nodes.map((department) => (
              <option key={department.id} value={department.id}>
                {departmentName(department)}
              </option>
            ))}
          </select>
        )}
        <label className="check">
          <input
            type="checkbox"
            checked={escalatedOnly}
            onChange={(event) => setEscalatedOnly(event.target.checked)}
          />
          {t('lights.escalatedOnly')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={showEnded}
            onChange={(event) => setShowEnded(event.target.checked)}
          />
          {t('sup.showEnded')}
        </label>
        {board.data && (
          <span className="muted push-right">
            {t('common.total')} {board.data.alertLights.totalCount}
          </span>
        )}
      </div>
      <ErrorLine error={error} />
      <QueryNotice fetching={board.fetching && !board.data} error={board.error} />
      {board.data && (
        <table className="table" data-testid="light-table">
          <thead>
            <tr>
              <th>{t('lights.level')}</th>
              <th>{t('lights.case')}</th>
              <th>{t('lights.department')}</th>
              <th>{t('lights.rule')}</th>
              <th>{t('lights.cause')}</th>
              <th>{t('lights.raisedAt')}</th>
              <th>{t('lights.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {board.data.alertLights.nodes.length === 0 && (
              <tr>
                <td colSpan={8} className="empty">
                  {t('common.none')}
                </td>
              </tr>
            )}
            {board.data.alertLights.nodes.map((light) => {
              const lit =
                light.status === 'ON' ||
                light.status === 'ACKNOWLEDGED' ||
                light.status === 'APPEALED';
              return (
                <LightRow
                  key={light.id}
                  light={light}
                  historyOpen={openHistory === light.id}
                  onHistory={() => setOpenHistory(openHistory === light.id ? null : light.id)}
                  actions={
                    lit && (
                      <div className="row nowrap">
                        {mayAcknowledge && light.status === 'ON' && (
                          <button
                            type="button"
                            className="btn btn-small"
                            data-light-action="acknowledge"
                            onClick={() => void act(ACKNOWLEDGE_LIGHT, { id: light.id })}
                          >
                            {t('lights.acknowledge')}
                          </button>
                        )}
                        {maySupervise && (
                          <button
                            type="button"
                            className="btn btn-small btn-primary"
                            data-light-action="resolve"
                            onClick={() => setNoteFor({ id: light.id, action: 'resolve' })}
                          >
                            {t('lights.resolve')}
                          </button>
                        )}
                        {maySupervise && !light.escalated && (
                          <button
                            type="button"
                            className="btn btn-small btn-danger-outline"
                            data-light-action="escalate"
                            onClick={() => setNoteFor({ id: light.id, action: 'escalate' })}
                          >
                            {t('lights.escalate')}
                          </button>
                        )}
                      </div>
                    )
                  }
                  noteForm={
                    noteFor?.id === light.id && (
                      <form
                        className="row"
                        onSubmit={(event) => {
                          event.preventDefault();
                          if (noteFor.action === 'resolve') {
                            if (note.trim())
                              void act(RESOLVE_LIGHT, { id: light.id, note: note.trim() });
                          } else {
                            void act(ESCALATE_LIGHT, { id: light.id, note: note.trim() || null });
                          }
                        }}
                      >
                        <input
                          className="input grow"
                          placeholder={
                            noteFor.action === 'resolve'
                              ? t('lights.noteRequired')
                              : t('lights.note')
                          }
                          value={note}
                          onChange={(event) => setNote(event.target.value)}
                          data-testid="light-note"
                          autoFocus
                        />
                        <button
                          type="submit"
                          className="btn btn-primary btn-small"
                          disabled={noteFor.action === 'resolve' && !note.trim()}
                        >
                          {noteFor.action === 'resolve'
                            ? t('lights.resolve')
                            : t('lights.escalate')}
                        </button>
                        <button
                          type="button"
                          className="btn btn-ghost btn-small"
                          onClick={() => setNoteFor(null)}
                        >
                          {t('common.cancel')}
                        </button>
                      </form>
                    )
                  }
                  locale={locale}
                  ruleLabel={labels.rule[light.rule]}
                  departmentLabel={departmentName(light.department)}
                />
              );
            })}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

function LightRow({
  light,
  historyOpen,
  onHistory,
  actions,
  noteForm,
  locale,
  ruleLabel,
  departmentLabel,
}: {
  light: AlertLight;
  historyOpen: boolean;
  onHistory(): void;
  actions: ReactNode;
  noteForm: ReactNode;
  locale: string;
  ruleLabel: string;
  departmentLabel: string;
}) {
  const { t, labels } = useI18n();
  return (
    <>
      <tr data-row={light.id} data-level={light.level}>
        <td>
          <LightBadge level={light.level} escalated={light.escalated} />
        </td>
        <td>
          {light.case ? (
            <Link href={`/cases/${light.case.id}`} className="link mono">
              {light.case.serialNo}
            </Link>
          ) : (
            '—'
          )}
          {light.case && <div className="muted small ellipsis">{light.case.matter.name}</div>}
        </td>
        <td className="ellipsis">{departmentLabel}</td>
        <td>{ruleLabel}</td>
        <td className="cause">{light.cause}</td>
        <td className="mono">{formatDateTime(light.raisedAt, locale)}</td>
        <td>
          <LightStatusTag status={light.status} />
        </td>
        <td>
          <div className="row nowrap">
            {actions}
            <button type="button" className="btn btn-small btn-ghost" onClick={onHistory}>
              {t('lights.history')}
            </button>
          </div>
        </td>
      </tr>
      {(noteForm || historyOpen) && (
        <tr className="sub-row">
          <td colSpan={8}>
            {noteForm}
            {historyOpen && (
              <div className="light-history">
                {light.history?.map((entry) => (
                  <div key={entry.id} className="history-line">
                    <span className={`dot dot-${entry.level.toLowerCase()}`} />
                    <span className="mono">{formatDateTime(entry.at, locale)}</span>
                    <b>{labels.lightAction[entry.action]}</b>
                    <span className="muted">{entry.actor}</span>
                    {entry.note && <span>{entry.note}</span>}
                  </div>
                ))}
              </div>
            )}
          </td>
        </tr>
      )}
    </>
  );
}

const COMPLAINT_DOCUMENTS: Record<ComplaintAction, string> = {
  ACCEPT: ACCEPT_COMPLAINT,
  REJECT: REJECT_COMPLAINT,
  ANSWER: ANSWER_COMPLAINT,
  CLOSE: CLOSE_COMPLAINT,
};

function ComplaintsBoard() {
  const { t, labels, departmentName } = useI18n();
  const { session } = useSession();
  const client = useClient();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [form, setForm] = useState<{ id: string; action: ComplaintAction } | null>(null);
  const [text, setText] = useState('');
  const [satisfaction, setSatisfaction] = useState<Satisfaction>('SATISFIED');
  const [error, setError] = useState<CombinedError | null>(null);
  const [result, reexecute] = useQuery<{ complaints: Connection<Complaint> }>({
    query: COMPLAINT_BOARD,
    variables: { filter: overdueOnly ? { overdue: true } : null },
  });
  const maySupervise = session !== null && SUPERVISORS.has(session.role);

  const act = async (complaint: Complaint, action: ComplaintAction) => {
    const extra =
      action === 'REJECT'
        ? { reason: text.trim() }
        : action === 'ANSWER'
          ? { answer: text.trim() }
          : action === 'CLOSE'
            ? { satisfaction }
            : {};
    const outcome = await client
      .mutation(COMPLAINT_DOCUMENTS[action], {
        id: complaint.id,
        expectedVersion: complaint.version,
        ...extra,
      })
      .toPromise();
    setError(outcome.error ?? null);
    if (!outcome.error) {
      setForm(null);
      setText('');
    }
    reexecute({ requestPolicy: 'network-only' });
  };

  const actionLabel: Record<ComplaintAction, string> = {
    ACCEPT: t('complaints.accept'),
    REJECT: t('complaints.reject'),
    ANSWER: t('complaints.answer'),
    CLOSE: t('complaints.close'),
  };

  return (
    <Panel
      title={t('complaints.title')}
      testId="complaint-board"
      actions={
        <label className="check">
          <input
            type="checkbox"
            checked={overdueOnly}
            onChange={(event) => setOverdueOnly(event.target.checked)}
          />
          {t('complaints.overdueOnly')}
        </label>
      }
    >
      <ErrorLine error={error} />
      <QueryNotice fetching={result.fetching && !result.data} error={result.error} />
      {result.data && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('complaints.code')}</th>
              <th>{t('table.department')}</th>
              <th>{t('complaints.content')}</th>
              <th>{t('table.receivedOn')}</th>
              <th>{t('complaints.deadline')}</th>
              <th>{t('table.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {result.data.complaints.nodes.length === 0 && (
              <tr>
                <td colSpan={7} className="empty">
                  {t('common.none')}
                </td>
              </tr>
            )}
            {result.data.complaints.nodes.map((complaint) => (
              <Fragment key={complaint.id}>
                <tr data-row={complaint.id}>
                  <td className="mono">{complaint.code}</td>
                  <td className="ellipsis">{departmentName(complaint.department)}</td>
                  <td className="cause">
                    {complaint.content}
                    <div className="muted small">
                      {labels.complaintChannel[complaint.channel]} · {complaint.complainantName}
                    </div>
                  </td>
                  <td className="mono">{complaint.receivedOn}</td>
                  <td className={complaint.overdue ? 'text-bad mono' : 'mono'}>
                    {complaint.deadline ?? '—'}
                  </td>
                  <td>
                    <span className={`tag ${complaint.overdue ? 'tag-bad' : 'tag-info'}`}>
                      {labels.complaintStatus[complaint.status]}
                    </span>
                  </td>
                  <td>
                    {maySupervise && (
                      <div className="row nowrap">
                        {complaint.allowedActions.map((action) => (
                          <button
                            key={action}
                            type="button"
                            className={`btn btn-small ${action === 'REJECT' ? 'btn-danger-outline' : ''}`}
                            data-complaint-action={action}
                            onClick={() => {
                              if (action === 'ACCEPT') void act(complaint, action);
                              else setForm({ id: complaint.id, action });
                            }}
                          >
                            {actionLabel[action]}
                          </button>
                        ))}
                      </div>
                    )}
                  </td>
                </tr>
                {form?.id === complaint.id && (
                  <tr className="sub-row">
                    <td colSpan={7}>
                      <form
                        className="row"
                        onSubmit={(event) => {
                          event.preventDefault();
                          if (form.action === 'CLOSE' || text.trim())
                            void act(complaint, form.action);
                        }}
                      >
                        {form.action === 'CLOSE' ? (
                          <select
                            className="input"
                            aria-label={t('complaints.satisfactionPick')}
                            value={satisfaction}
                            onChange={(event) =>
                              setSatisfaction(event.target.value as Satisfaction)
                            }
                          >
                            {(['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'] as const).map(
                              (value) => (
                                <option key={value} value={value}>
                                  {labels.satisfaction[value]}
                                </option>
                              ),
                            )}
                          </select>
                        ) : (
                          <input
                            className="input grow"
                            placeholder={
                              form.action === 'REJECT'
                                ? t('complaints.reason')
                                : t('complaints.answerText')
                            }
                            value={text}
                            onChange={(event) => setText(event.target.value)}
                            autoFocus
                          />
                        )}
                        <button type="submit" className="btn btn-primary btn-small">
                          {actionLabel[form.action]}
                        </button>
                        <button
                          type="button"
                          className="btn btn-ghost btn-small"
                          onClick={() => setForm(null)}
                        >
                          {t('common.cancel')}
                        </button>
                      </form>
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
