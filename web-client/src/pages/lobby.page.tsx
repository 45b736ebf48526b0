import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { formatInteger, formatLongDate, formatPercent } from '../format';
import { useLiveState, useLiveSubscription } from '../graphql/live';
import {
  HALL_STATS_LIVE,
  HALL_TODAY,
  LIGHT_COUNTS_LIVE,
  LOBBY_BOARD,
  LOBBY_SATISFACTION,
} from '../graphql/operations';
import type { DepartmentName, HallToday, LightCounts, QueueTicket } from '../graphql/types';
import { useI18n } from '../i18n/i18n';

interface LobbyDepartment extends DepartmentName {
  sortOrder: number;
  lightsOn: LightCounts;
}

/** The board is re-read at most this often however fast the live figures change. */
const BOARD_REFRESH_MS = 2000;

/**
 * The lobby screen: figures of the day and the lights, large enough to read across the
 * hall, kept live by the gateway's subscriptions with nobody at the screen. The first paint
 * comes from an ordinary query; after that every change arrives over the WebSocket, which
 * reconnects by itself and is answered at once with the current figures when it does.
 */
export function LobbyPage() {
  const { t, locale, language, setLanguage, departmentName } = useI18n();
  const liveState = useLiveState();
  const [initial] = useQuery<{ hallToday: HallToday; lightCounts: LightCounts }>({
    query: HALL_TODAY,
    requestPolicy: 'network-only',
  });
  const [stats, setStats] = useState<HallToday | null>(null);
  const [lights, setLights] = useState<LightCounts | null>(null);
  const [board, reexecuteBoard] = useQuery<{
    departments: { nodes: LobbyDepartment[] };
    called: QueueTicket[];
    serving: QueueTicket[];
  }>({ query: LOBBY_BOARD, requestPolicy: 'network-only' });
  const hallDate = stats?.hallDate ?? initial.data?.hallToday.hallDate;
  const [satisfaction, reexecuteSatisfaction] = useQuery<{
    satisfactionFigures: { ratings: number; satisfactionRate: number | null };
  }>({
    query: LOBBY_SATISFACTION,
    variables: { from: hallDate, to: hallDate },
    pause: !hallDate,
    requestPolicy: 'network-only',
  });

  const lastBoardRead = useRef(0);
  const pendingRead = useRef<ReturnType<typeof setTimeout> | null>(null);
  const rereadBoard = () => {
    if (pendingRead.current) return;
    const wait = Math.max(0, lastBoardRead.current + BOARD_REFRESH_MS - Date.now());
    pendingRead.current = setTimeout(() => {
      pendingRead.current = null;
      lastBoardRead.current = Date.now();
      reexecuteBoard({ requestPolicy: 'network-only' });
      reexecuteSatisfaction({ requestPolicy: 'network-only' });
    }, wait);
  };
  useEffect(
    () => () => {
      if (pendingRead.current) clearTimeout(pendingRead.current);
    },
    [],
  );

  useLiveSubscription<{ hallStats: HallToday }>(HALL_STATS_LIVE, {}, ({ data }) => {
    setStats(data.hallStats);
    rereadBoard();
  });
  useLiveSubscription<{ lightCounts: LightCounts }>(LIGHT_COUNTS_LIVE, {}, ({ data }) => {
    setLights(data.lightCounts);
    rereadBoard();
  });

  const today = stats ?? initial.data?.hallToday ?? null;
  const lit = lights ?? initial.data?.lightCounts ?? null;
  const departments = useMemo(
    () =>
      (board.data?.departments.nodes ?? [])
        .filter((department) => department.lightsOn.red + department.lightsOn.yellow > 0)
        .sort(
          (a, b) =>
            b.lightsOn.red - a.lightsOn.red ||
            b.lightsOn.yellow - a.lightsOn.yellow ||
            a.sortOrder - b.sortOrder,
        ),
    [board.data],
  );
  const calling = useMemo(
    () =>
      [...(board.data?.called ?? []), ...(board.data?.serving ?? [])]
        .sort((a, b) => (b.calledAt ?? '').localeCompare(a.calledAt ?? ''))
        .slice(0, 8),
    [board.data],
  );

  return (
    <div className="lobby" data-testid="lobby" data-live={liveState}>
      <header className="lobby-head">
        <div className="lobby-brand">
          <span className="brand-mark lobby-mark" aria-hidden="true">
            政
          </span>
          <div>
            <div className="lobby-title">{t('lobby.title')}</div>
            <div className="lobby-welcome">{t('lobby.welcome')}</div>
          </div>
        </div>
        <div className="lobby-date">{hallDate ? formatLongDate(hallDate, locale) : ''}</div>
        <button
          type="button"
          className={`lobby-live lobby-live-${liveState}`}
          onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')}
          title={t('nav.language')}
          data-testid="lobby-live"
        >
          <span className="lobby-live-dot" />
          {liveState === 'connected'
            ? t('lobby.live')
            : liveState === 'reconnecting'
              ? t('lobby.reconnecting')
              : liveState === 'refused'
                ? t('lobby.rejected')
                : t('lobby.connecting')}
        </button>
      </header>

      <section className="lobby-figures">
        <Figure label={t('lobby.visitorsToday')} value={today?.visitorsToday} id="visitors" />
        <Figure label={t('lobby.waiting')} value={today?.waiting} id="waiting" tone="accent" />
        <Figure label={t('lobby.windowsOpen')} value={today?.windowsOpen} id="windows" />
        <Figure label={t('lobby.beingServed')} value={today?.beingServed} id="serving" />
        <Figure label={t('lobby.casesToday')} value={today?.casesRegistered} id="cases" />
        <Figure label={t('lobby.casesCompleted')} value={today?.casesCompleted} id="completed" />
        <Figure
          label={t('lobby.onTimeRate')}
          text={today ? formatPercent(today.onTimeRate) : undefined}
          id="ontime"
          tone="good"
        />
        <Figure
          label={t('kpi.satisfactionRate')}
          text={formatPercent(satisfaction.data?.satisfactionFigures.satisfactionRate)}
          id="satisfaction"
          tone="good"
        />
      </section>

      <section className="lobby-lights">
        <div className="lobby-section-title">{t('lobby.lights')}</div>
        <div className="lobby-light-totals">
          <div className="lobby-light lobby-light-yellow">
            <span className="lobby-lamp" />
            <span className="lobby-light-label">{t('kpi.yellow')}</span>
            <span className="lobby-light-count" data-testid="lobby-yellow">
              {lit ? lit.yellow : '–'}
            </span>
          </div>
          <div className="lobby-light lobby-light-red">
            <span className="lobby-lamp" />
            <span className="lobby-light-label">{t('kpi.red')}</span>
            <span className="lobby-light-count" data-testid="lobby-red">
              {lit ? lit.red : '–'}
            </span>
          </div>
        </div>
        <div className="lobby-section-title small">{t('lobby.byDepartment')}</div>
        <div className="lobby-departments" data-testid="lobby-departments">
          {board.data && departments.length === 0 && (
            <div className="lobby-empty">{t('lobby.noLights')}</div>
          )}
          {departments.slice(0, 12).map((department) => (
            <div key={department.id} className="lobby-department" data-department={department.id}>
              <span className="lobby-department-name">
                {language === 'zh' ? department.shortName : departmentName(department)}
              </span>
              <span className={`lobby-pill yellow ${department.lightsOn.yellow ? '' : 'zero'}`}>
                {department.lightsOn.yellow}
              </span>
              <span className={`lobby-pill red ${department.lightsOn.red ? '' : 'zero'}`}>
                {department.lightsOn.red}
              </span>
            </div>
          ))}
        </div>
      </section>

      <section className="lobby-calling">
        <div className="lobby-section-title">{t('lobby.nowServing')}</div>
        <div className="lobby-tickets" data-testid="lobby-tickets">
          {calling.length === 0 && <span className="lobby-empty">{t('lobby.nobodyCalled')}</span>}
          {calling.map((ticket) => (
            <div
              key={ticket.id}
              className={`lobby-ticket ${ticket.status === 'CALLED' ? 'calling' : ''}`}
            >
              <span className="lobby-ticket-number">{ticket.number}</span>
              <span className="lobby-ticket-window">{ticket.window?.label ?? ''}</span>
            </div>
          ))}
        </div>
      </section>
    </div>
  );
}

function Figure({
  label,
  value,
  text,
  id,
  tone,
}: {
  label: string;
  value?: number | undefined;
  text?: string | undefined;
  id: string;
  tone?: 'accent' | 'good';
}) {
  const { locale } = useI18n();
  const shown = text ?? (value === undefined ? '–' : formatInteger(value, locale));
  return (
    <div
      className={`lobby-figure ${tone ? `lobby-figure-${tone}` : ''}`}
      data-testid={`lobby-${id}`}
    >
      <div className="lobby-figure-label">{label}</div>
      <div className="lobby-figure-value" data-testid={`lobby-${id}-value`}>
        {shown}
      </div>
    </div>
  );
}
