import type { CombinedError } from '@urql/core';
import { useEffect, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { useSession } from '../auth/session-context';
import { formatTime, formatYuan } from '../format';
import {
  APPLICANT_SEARCH,
  CALL_NEXT,
  CASE_BY_SERIAL,
  CLOSE_WINDOW,
  DESK_QUEUE,
  DESK_WINDOWS,
  FINISH_TICKET,
  MARK_NO_SHOW,
  MATTER_SEARCH,
  OPEN_WINDOW,
  REGISTER_CASE,
  START_SERVING,
  TAKE_TICKET,
  TODAY_CASES,
} from '../graphql/operations';
import type {
  ApplicantKind,
  CaseChannel,
  CaseDetail,
  CaseSummary,
  Connection,
  HallToday,
  MatterTerms,
  QueueTicket,
  Window,
  WindowKind,
} from '../graphql/types';
import { useI18n } from '../i18n/i18n';
import { CaseStatusTag, LightBadge } from '../ui/badges';
import { CaseView } from '../ui/case-view';
import { Panel } from '../ui/panel';
import { ErrorLine, QueryNotice } from '../ui/query-state';

const WINDOW_KEY = 'hall.desk.window';

/**
 * The acceptance desk and a department's window clerk: the queue at their window, the
 * unified registration of a case with its one-time notice of materials, and the case in
 * hand, moved through the steps the graph allows now.
 */
export function DeskPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const client = useClient();
  const [current, setCurrent] = useState<CaseDetail | null>(null);
  const [lookupError, setLookupError] = useState<CombinedError | null>(null);
  const [serialNo, setSerialNo] = useState('');
  const [refresh, setRefresh] = useState(0);
  const departmentId = session?.role === 'DEPARTMENT_STAFF' ? session.departmentId : undefined;

  const open = async (serial: string) => {
    const outcome = await client
      .query<{ caseBySerialNo: CaseDetail }>(
        CASE_BY_SERIAL,
        { serialNo: serial.trim() },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    setLookupError(outcome.error ?? null);
    if (outcome.data) setCurrent(outcome.data.caseBySerialNo);
  };

  return (
    <div className="page desk">
      <div className="page-head">
        <h1>{t('desk.title')}</h1>
      </div>
      <div className="desk-grid">
        <div className="desk-side">
          <QueuePanel departmentId={departmentId} />
          <Panel title={t('desk.todayCases')} testId="today-cases">
            <TodayCases
              departmentId={departmentId}
              refresh={refresh}
              onOpen={(serial) => void open(serial)}
            />
          </Panel>
        </div>
        <div className="desk-main">
          <RegisterPanel
            departmentId={departmentId}
            onRegistered={(registered) => {
              setCurrent(registered);
              setRefresh((n) => n + 1);
            }}
          />
          <Panel title={t('desk.lookup')}>
            <form
              className="row"
              onSubmit={(event) => {
                event.preventDefault();
                if (serialNo.trim()) void open(serialNo);
              }}
            >
              <input
                className="input grow mono"
                placeholder={t('desk.serialNo')}
                aria-label={t('desk.serialNo')}
                value={serialNo}
                onChange={(event) => setSerialNo(event.target.value)}
                data-testid="serial-input"
              />
              <button type="submit" className="btn" data-testid="serial-find">
                {t('desk.find')}
              </button>
            </form>
            <ErrorLine error={lookupError} />
          </Panel>
          {current && (
            <CaseView
              value={current}
              canMove
              onMoved={(next) => {
                setCurrent(next);
                setRefresh((n) => n + 1);
              }}
            />
          )}
        </div>
      </div>
    </div>
  );
}

function storedWindow(): string {
  try {
    return window.localStorage.getItem(WINDOW_KEY) ?? '';
  } catch {
    return '';
  }
}

function QueuePanel({ departmentId }: { departmentId: string | undefined }) {
  const { t, labels, locale } = useI18n();
  const client = useClient();
  const kind: WindowKind | undefined = departmentId ? undefined : 'UNIFIED_ACCEPTANCE';
  const [windows] = useQuery<{ windows: { nodes: Window[] } }>({
    query: DESK_WINDOWS,
    variables: { kind, departmentId },
  });
  const [windowId, setWindowId] = useState(storedWindow);
  const choices = windows.data?.windows.nodes ?? [];
  const chosen = choices.find((candidate) => candidate.id === windowId) ?? choices[0];
  useEffect(() => {
    if (chosen && chosen.id !== windowId) setWindowId(chosen.id);
  }, [chosen, windowId]);

  const [queue, reexecute] = useQuery<{
    hallToday: HallToday;
    waiting: QueueTicket[];
    window: { id: string; queueNow: QueueTicket[] };
  }>({
    query: DESK_QUEUE,
    variables: { windowId: chosen?.id },
    pause: !chosen,
    requestPolicy: 'network-only',
  });
  const [error, setError] = useState<CombinedError | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const run = async <T,>(document: string, variables: Record<string, unknown>) => {
    const outcome = await client.mutation<T>(document, variables).toPromise();
    setError(outcome.error ?? null);
    reexecute({ requestPolicy: 'network-only' });
    return outcome.data;
  };

  const inHand = queue.data?.window.queueNow ?? [];
  return (
    <Panel title={t('desk.queue')} testId="queue">
      <label className="field">
        <span>{t('desk.window')}</span>
        <select
          className="input"
          value={chosen?.id ?? ''}
          onChange={(event) => {
            setWindowId(event.target.value);
            try {
              window.localStorage.setItem(WINDOW_KEY, event.target.value);
            } catch {
              // The choice still holds for this page.
            }
          }}
          data-testid="window-select"
        >
          {choices.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.code} · {candidate.label}
            </option>
          ))}
        </select>
      </label>
      {chosen && (
        <div className="row wrap">
          <button
            type="button"
            className="btn"
            onClick={() => void run(OPEN_WINDOW, { windowId: chosen.id })}
          >
            {t('desk.openWindow')}
          </button>
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => void run(CLOSE_WINDOW, { windowId: chosen.id })}
          >
            {t('desk.closeWindow')}
          </button>
          <button
            type="button"
            className="btn"
            data-testid="take-ticket"
            onClick={async () => {
              const data = await run<{ takeTicket: QueueTicket }>(TAKE_TICKET, {});
              if (data) setMessage(t('desk.ticketTaken', { number: data.takeTicket.number }));
            }}
          >
            {t('desk.takeTicket')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            data-testid="call-next"
            onClick={async () => {
              await run(OPEN_WINDOW, { windowId: chosen.id });
              const data = await run<{ callNextTicket: QueueTicket | null }>(CALL_NEXT, {
                windowId: chosen.id,
              });
              if (data && !data.callNextTicket) setMessage(t('desk.nobodyWaiting'));
              else setMessage(null);
            }}
          >
            {t('desk.callNext')}
          </button>
        </div>
      )}
      {message && <p className="notice notice-good">{message}</p>}
      <ErrorLine error={error} />
      <QueryNotice fetching={queue.fetching && !queue.data} error={queue.error} />
      {inHand.map((ticket) => (
        <div key={ticket.id} className="ticket-card" data-testid="ticket-in-hand">
          <div className="ticket-number">{ticket.number}</div>
          <div className="ticket-facts">
            <span className="tag tag-info">{labels.ticketStatus[ticket.status]}</span>
            <span className="muted">
              {ticket.matter?.name ?? ''} {formatTime(ticket.calledAt, locale)}
            </span>
          </div>
          <div className="row wrap">
            {ticket.status === 'CALLED' && (
              <>
                <button
                  type="button"
                  className="btn btn-primary btn-small"
                  onClick={() => void run(START_SERVING, { id: ticket.id })}
                >
                  {t('desk.startServing')}
                </button>
                <button
                  type="button"
                  className="btn btn-small btn-ghost"
                  onClick={() => void run(MARK_NO_SHOW, { id: ticket.id })}
                >
                  {t('desk.noShow')}
                </button>
              </>
            )}
            {ticket.status === 'SERVING' && (
              <button
                type="button"
                className="btn btn-primary btn-small"
                onClick={() => void run(FINISH_TICKET, { id: ticket.id })}
              >
                {t('desk.finish')}
              </button>
            )}
          </div>
        </div>
      ))}
      {queue.data && (
        <div className="waiting">
          <div className="muted" data-testid="waiting-count">
            {t('desk.waitingList', { n: queue.data.waiting.length })}
          </div>
          <div className="waiting-numbers">
            {queue.data.waiting.slice(0, 18).map((ticket) => (
              <span key={ticket.id} className={`chip ${ticket.priority ? 'chip-priority' : ''}`}>
                {ticket.number}
              </span>
            ))}
          </div>
        </div>
      )}
    </Panel>
  );
}

function TodayCases({
  departmentId,
  refresh,
  onOpen,
}: {
  departmentId: string | undefined;
  refresh: number;
  onOpen(serialNo: string): void;
}) {
  const { t } = useI18n();
  const [today] = useQuery<{ hallToday: HallToday }>({
    query: 'query DeskToday { hallToday { hallDate } }',
  });
  const hallDate = today.data?.hallToday.hallDate;
  const [result, reexecute] = useQuery<{ cases: Connection<CaseSummary> }>({
    query: TODAY_CASES,
    variables: { from: hallDate, departmentId },
    pause: !hallDate,
  });
  useEffect(() => {
    if (refresh) reexecute({ requestPolicy: 'network-only' });
    // Only a registration or a step at this desk changes the list.
  }, [refresh]);
  const cases = result.data?.cases.nodes ?? [];
  return (
    <div className="list">
      <QueryNotice
        fetching={result.fetching && !result.data}
        error={result.error}
        empty={result.data && !cases.length}
      />
      {cases.map((item) => (
        <button
          key={item.id}
          type="button"
          className="list-item list-button"
          onClick={() => onOpen(item.serialNo)}
          data-serial={item.serialNo}
        >
          <div className="list-line">
            <span className="mono">{item.serialNo}</span>
            <CaseStatusTag status={item.status} />
            {item.alertLight && <LightBadge level={item.alertLight.level} />}
          </div>
          <div className="list-sub ellipsis">
            {item.applicant.name} · {item.matter.name}
          </div>
        </button>
      ))}
      {result.data && result.data.cases.totalCount > cases.length && (
        <p className="muted">
          {t('common.total')} {result.data.cases.totalCount}
        </p>
      )}
    </div>
  );
}

interface ApplicantOption {
  id: string;
  kind: ApplicantKind;
  name: string;
  identityNumber: string;
  phone: string;
}

function RegisterPanel({
  departmentId,
  onRegistered,
}: {
  departmentId: string | undefined;
  onRegistered(registered: CaseDetail): void;
}) {
  const { t, labels, locale, departmentName } = useI18n();
  const client = useClient();
  const [search, setSearch] = useState('');
  const [matter, setMatter] = useState<MatterTerms | null>(null);
  const [matters] = useQuery<{ matters: Connection<MatterTerms> }>({
    query: MATTER_SEARCH,
    variables: { search: search.trim() || null, departmentId },
    pause: matter !== null,
  });
  const [applicantSearch, setApplicantSearch] = useState('');
  const [applicants] = useQuery<{ applicants: ApplicantOption[] }>({
    query: APPLICANT_SEARCH,
    variables: { search: applicantSearch.trim() },
    pause: applicantSearch.trim().length < 2,
  });
  const [existing, setExisting] = useState<ApplicantOption | null>(null);
  const [kind, setKind] = useState<ApplicantKind>('PERSON');
  const [name, setName] = useState('');
  const [identityNumber, setIdentityNumber] = useState('');
  const [phone, setPhone] = useState('');
  const [channel, setChannel] = useState<CaseChannel>('WINDOW');
  const [error, setError] = useState<CombinedError | null>(null);
  const [registered, setRegistered] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  const ready = matter && (existing || (name.trim() && identityNumber.trim() && phone.trim()));
  const submit = async () => {
    if (!matter || !ready) return;
    setRunning(true);
    const windowId = storedWindow();
    const outcome = await client
      .mutation<{ registerCase: CaseDetail }>(REGISTER_CASE, {
        input: {
          matterId: matter.id,
          channel,
          ...(windowId && { windowId }),
          ...(existing
            ? { applicantId: existing.id }
            : {
                applicant: {
                  kind,
                  name: name.trim(),
                  identityNumber: identityNumber.trim(),
                  phone: phone.trim(),
                },
              }),
        },
      })
      .toPromise();
    setRunning(false);
    setError(outcome.error ?? null);
    if (outcome.data) {
      setRegistered(outcome.data.registerCase.serialNo);
      onRegistered(outcome.data.registerCase);
    }
  };

  return (
    <Panel title={t('desk.register')} testId="register">
      {!matter && (
        <>
          <input
            className="input"
            type="search"
            placeholder={t('desk.matterSearch')}
            aria-label={t('desk.matterSearch')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            data-testid="matter-search"
          />
          <QueryNotice fetching={matters.fetching && !matters.data} error={matters.error} />
          <div className="matter-options">
            {matters.data?.matters.nodes.map((option) => (
              <button
                key={option.id}
                type="button"
                className="matter-option"
                onClick={() => {
                  setMatter(option);
                  setRegistered(null);
                }}
                data-matter={option.id}
              >
                <span className="mono muted">{option.code}</span>
                <span>{option.name}</span>
                <span className="muted">
                  {departmentName(option.department)} · {labels.matterKind[option.kind]}
                </span>
              </button>
            ))}
          </div>
        </>
      )}
      {matter && (
        <div className="register-grid">
          <div className="notice-sheet" data-testid="one-time-notice">
            <div className="notice-sheet-head">
              <b>{t('desk.notice')}</b>
              <button
                type="button"
                className="btn btn-small btn-ghost"
                onClick={() => window.print()}
              >
                {t('desk.print')}
              </button>
            </div>
            <p>{t('desk.noticeIntro', { matter: matter.name })}</p>
            <ol className="materials">
              {matter.requiredMaterials.map((material) => (
                <li key={material}>{material}</li>
              ))}
            </ol>
            <dl className="facts">
              <dt>{t('case.department')}</dt>
              <dd>{departmentName(matter.department)}</dd>
              <dt>{t('matter.kind')}</dt>
              <dd>{labels.matterKind[matter.kind]}</dd>
              <dt>{t('matter.limits')}</dt>
              <dd>
                {t('matter.limitsValue', {
                  promised: matter.promisedLimitDays,
                  statutory: matter.statutoryLimitDays,
                })}
              </dd>
              <dt>{t('matter.fee')}</dt>
              <dd>
                {matter.feeFen ? formatYuan(matter.feeFen, locale) : t('matter.free')}
                {matter.feeStandard && <span className="muted"> · {matter.feeStandard}</span>}
              </dd>
              <dt>{t('matter.legalBasis')}</dt>
              <dd>{matter.legalBasis}</dd>
            </dl>
            {matter.siteSurvey && <span className="tag tag-warn">{t('matter.siteSurvey')}</span>}
          </div>
          <form
            className="applicant-form"
            onSubmit={(event) => {
              event.preventDefault();
              void submit();
            }}
          >
            <div className="row">
              <b className="grow">{t('desk.applicant')}</b>
              <button
                type="button"
                className="btn btn-small btn-ghost"
                onClick={() => {
                  setMatter(null);
                  setRegistered(null);
                }}
              >
                {t('common.back')}
              </button>
            </div>
            <input
              className="input"
              type="search"
              placeholder={t('desk.applicantSearch')}
              value={applicantSearch}
              onChange={(event) => {
                setApplicantSearch(event.target.value);
                setExisting(null);
              }}
            />
            {!existing && applicants.data && applicants.data.applicants.length > 0 && (
              <div className="matter-options">
                {applicants.data.applicants.slice(0, 5).map((option) => (
                  <button
                    key={option.id}
                    type="button"
                    className="matter-option"
                    onClick={() => setExisting(option)}
                  >
                    <span>{option.name}</span>
                    <span className="muted">
                      {labels.applicantKind[option.kind]} · {option.identityNumber}
                    </span>
                  </button>
                ))}
              </div>
            )}
            {existing ? (
              <p className="notice notice-good">
                {existing.name} · {existing.identityNumber}{' '}
                <button
                  type="button"
                  className="btn btn-small btn-ghost"
                  onClick={() => setExisting(null)}
                >
                  {t('desk.newApplicant')}
                </button>
              </p>
            ) : (
              <>
                <label className="field">
                  <span>{t('desk.applicantKind')}</span>
                  <select
                    className="input"
                    value={kind}
                    onChange={(event) => setKind(event.target.value as ApplicantKind)}
                  >
                    <option value="PERSON">{labels.applicantKind.PERSON}</option>
                    <option value="ENTERPRISE">{labels.applicantKind.ENTERPRISE}</option>
                  </select>
                </label>
                <label className="field">
                  <span>{t('desk.applicantName')}</span>
                  <input
                    className="input"
                    value={name}
                    onChange={(event) => setName(event.target.value)}
                    data-testid="applicant-name"
                  />
                </label>
                <label className="field">
                  <span>{t('desk.identityNumber')}</span>
                  <input
                    className="input mono"
                    value={identityNumber}
                    onChange={(event) => setIdentityNumber(event.target.value)}
                    data-testid="applicant-id"
                  />
                </label>
                <label className="field">
                  <span>{t('desk.phone')}</span>
                  <input
                    className="input mono"
                    value={phone}
                    onChange={(event) => setPhone(event.target.value)}
                    data-testid="applicant-phone"
                  />
                </label>
              </>
            )}
            <label className="field">
              <span>{t('desk.channel')}</span>
              <select
                className="input"
                value={channel}
                onChange={(event) => setChannel(event.target.value as CaseChannel)}
              >
                {(['WINDOW', 'APPOINTMENT', 'ONLINE', 'PROXY'] as const).map((value) => (
                  <option key={value} value={value}>
                    {labels.caseChannel[value]}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="submit"
              className="btn btn-primary"
              disabled={!ready || running}
              data-testid="register-submit"
            >
              {t('desk.submit')}
            </button>
            <ErrorLine error={error} />
            {registered && (
              <p className="notice notice-good" data-testid="registered">
                {t('desk.registered', { serialNo: registered })}
              </p>
            )}
          </form>
        </div>
      )}
    </Panel>
  );
}
