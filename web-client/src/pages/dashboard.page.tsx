import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery, type UseQueryExecute } from 'urql';
import { Link, useLocation } from 'wouter';
import {
  formatDateTime,
  formatDecimal,
  formatInteger,
  formatLongDate,
  formatPercent,
} from '../format';
import { useLiveSubscription } from '../graphql/live';
import {
  CASE_PERIOD,
  COMPLAINTS_OVERVIEW,
  DEPARTMENT_BOARD,
  DEPARTMENT_OPINIONS,
  HALL_FIGURES,
  HALL_STATS_LIVE,
  LIGHT_COUNTS_LIVE,
  LIGHT_HISTORY,
  LIGHTS_OVERVIEW,
  REVIEW_ROUNDS,
  SATISFACTION_OVERVIEW,
} from '../graphql/operations';
import type {
  AlertLight,
  CaseFigures,
  Complaint,
  ComplaintFigures,
  Connection,
  DepartmentName,
  HallToday,
  LightCounts,
  LightFigures,
  PeriodCaseFigures,
  RatingLevel,
  SatisfactionFigures,
} from '../graphql/types';
import { useI18n } from '../i18n/i18n';
import { LightBadge, LightDots, LightStatusTag } from '../ui/badges';
import { Chart, CHART_COLORS, type ChartOption } from '../ui/chart';
import { DataTable, type Column } from '../ui/data-table';
import { Kpi, Panel, rateTone } from '../ui/panel';
import { QueryNotice } from '../ui/query-state';
import { PeriodPicker, trendPeriod, useHallToday, usePeriod, type Period } from './period';

/** Bumped by the refresh button: every panel asks the gateway again, past urql's cache. */
function useRefetchOn(refresh: number, reexecute: UseQueryExecute) {
  useEffect(() => {
    if (refresh > 0) reexecute({ requestPolicy: 'network-only' });
    // Only the button fires it: reexecute changes identity whenever its variables do.
  }, [refresh]);
}

export function DashboardPage() {
  const { t, locale } = useI18n();
  const [today, reexecuteToday] = useHallToday();
  const hallDate = today.data?.hallToday.hallDate;
  const { period, choose, search } = usePeriod(hallDate);
  const [refresh, setRefresh] = useState(0);
  // Lights go on and off by themselves (timers in supervision): when the live count moves,
  // the panels that list lights are read again.
  const [lightsMoved, setLightsMoved] = useState(0);
  useRefetchOn(refresh, reexecuteToday);

  return (
    <div className="page dashboard">
      <div className="page-head">
        <div>
          <h1>{t('dash.title')}</h1>
          {hallDate && <p className="muted">{formatLongDate(hallDate, locale)}</p>}
        </div>
        <div className="page-tools">
          {period && <PeriodPicker period={period} choose={choose} />}
          <button
            type="button"
            className="btn"
            onClick={() => setRefresh((n) => n + 1)}
            data-testid="refresh"
          >
            {t('common.refresh')}
          </button>
        </div>
      </div>
      <QueryNotice fetching={today.fetching && !today.data} error={today.error} />
      {today.data && (
        <TodayStrip
          initial={today.data.hallToday}
          initialLights={today.data.lightCounts}
          onLightsMoved={() => setLightsMoved((n) => n + 1)}
        />
      )}
      <HallFiguresBar refresh={refresh} />
      {period && (
        <>
          <CasePeriodPanel period={period} refresh={refresh} />
          <DepartmentBoard period={period} refresh={refresh + lightsMoved} search={search} />
          <div className="grid-2">
            <LightsPanel period={period} refresh={refresh + lightsMoved} />
            <ComplaintsPanel period={period} refresh={refresh} />
          </div>
          <div className="grid-2">
            <SatisfactionPanel period={period} refresh={refresh} />
            <ReviewsPanel refresh={refresh} />
          </div>
        </>
      )}
    </div>
  );
}

/**
 * Today's figures, live: the gateway pushes them whenever they change, so the strip needs no
 * refresh. Until the first message the figures of the page's query stand in.
 */
function TodayStrip({
  initial,
  initialLights,
  onLightsMoved,
}: {
  initial: HallToday;
  initialLights: LightCounts;
  onLightsMoved(): void;
}) {
  const { t, locale } = useI18n();
  const [live, setLive] = useState<HallToday>(initial);
  const [lights, setLights] = useState<LightCounts>(initialLights);
  useEffect(() => setLive(initial), [initial]);
  useEffect(() => setLights(initialLights), [initialLights]);
  useLiveSubscription<{ hallStats: HallToday }>(HALL_STATS_LIVE, {}, ({ data }) =>
    setLive(data.hallStats),
  );
  const shownLights = useRef(initialLights);
  useLiveSubscription<{ lightCounts: LightCounts }>(LIGHT_COUNTS_LIVE, {}, ({ data }) => {
    const before = shownLights.current;
    const next = data.lightCounts;
    shownLights.current = next;
    setLights(next);
    if (
      before.yellow !== next.yellow ||
      before.red !== next.red ||
      before.escalated !== next.escalated
    ) {
      onLightsMoved();
    }
  });
  return (
    <Panel title={t('dash.today')} testId="today" className="panel-today">
      <div className="kpi-row">
        <Kpi
          label={t('kpi.visitorsToday')}
          value={formatInteger(live.visitorsToday, locale)}
          testId="today-visitors"
        />
        <Kpi
          label={t('kpi.waiting')}
          value={formatInteger(live.waiting, locale)}
          hint={
            live.averageWaitMinutes != null
              ? t('kpi.averageWait', { n: formatDecimal(live.averageWaitMinutes) })
              : undefined
          }
          testId="today-waiting"
        />
        <Kpi
          label={t('kpi.beingServed')}
          value={formatInteger(live.beingServed, locale)}
          testId="today-serving"
        />
        <Kpi
          label={t('kpi.windowsOpen')}
          value={formatInteger(live.windowsOpen, locale)}
          testId="today-windows"
        />
        <Kpi
          label={t('kpi.casesRegistered')}
          value={formatInteger(live.casesRegistered, locale)}
          tone="accent"
          testId="today-registered"
        />
        <Kpi
          label={t('kpi.casesCompleted')}
          value={formatInteger(live.casesCompleted, locale)}
          testId="today-completed"
        />
        <Kpi
          label={t('kpi.onTimeRateToday')}
          value={formatPercent(live.onTimeRate)}
          tone={rateTone(live.onTimeRate)}
          testId="today-ontime"
        />
        <Kpi
          label={t('kpi.lightsOn')}
          value={<LightDots yellow={lights.yellow} red={lights.red} />}
          hint={`${t('kpi.escalated')} ${lights.escalated}`}
          tone={lights.red ? 'bad' : lights.yellow ? 'warn' : 'good'}
          testId="today-lights"
        />
      </div>
    </Panel>
  );
}

function HallFiguresBar({ refresh }: { refresh: number }) {
  const { t, locale } = useI18n();
  const [result, reexecute] = useQuery<{
    hall: {
      name: string;
      figures: { departments: number; activeMatters: number; windows: number; staff: number };
    };
  }>({ query: HALL_FIGURES });
  useRefetchOn(refresh, reexecute);
  const figures = result.data?.hall.figures;
  if (!figures) return <QueryNotice fetching={result.fetching} error={result.error} />;
  return (
    <div className="hall-bar" data-testid="hall-figures">
      <span className="hall-name">{result.data?.hall.name}</span>
      <span>
        {t('dash.departments')} <b data-testid="hall-departments">{figures.departments}</b>
      </span>
      <span>
        {t('dash.matters')} <b data-testid="hall-matters">{figures.activeMatters}</b>
      </span>
      <span>
        {t('dash.windows')} <b data-testid="hall-windows">{figures.windows}</b>
      </span>
      <span>
        {t('dash.staff')} <b data-testid="hall-staff">{formatInteger(figures.staff, locale)}</b>
      </span>
    </div>
  );
}

function CasePeriodPanel({ period, refresh }: { period: Period; refresh: number }) {
  const { t, locale } = useI18n();
  const trend = trendPeriod(period);
  const [result, reexecute] = useQuery<{
    caseFigures: CaseFigures;
    caseTrend: PeriodCaseFigures[];
  }>({
    query: CASE_PERIOD,
    variables: { from: trend.from, to: trend.to, granularity: trend.granularity },
  });
  const [own, reexecuteOwn] = useQuery<{
    caseFigures: CaseFigures;
    caseTrend: PeriodCaseFigures[];
  }>({
    query: CASE_PERIOD,
    variables: { from: period.from, to: period.to, granularity: period.granularity },
    pause: trend.from === period.from,
  });
  useRefetchOn(refresh, reexecute);
  useRefetchOn(refresh, reexecuteOwn);
  const figures = trend.from === period.from ? result.data?.caseFigures : own.data?.caseFigures;
  const option = useMemo<ChartOption | null>(() => {
    const points = result.data?.caseTrend;
    if (!points) return null;
    const label = (start: string) =>
      trend.granularity === 'DAY'
        ? start.slice(5)
        : trend.granularity === 'MONTH'
          ? start.slice(0, 7)
          : start.slice(0, 4);
    return {
      color: [CHART_COLORS.blue, CHART_COLORS.teal, CHART_COLORS.red],
      tooltip: { trigger: 'axis' },
      legend: {
        top: 0,
        data: [t('trend.registered'), t('trend.completed'), t('trend.onTimeRate')],
      },
      grid: { left: 48, right: 56, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: points.map((point) => label(point.periodStart)) },
      yAxis: [
        { type: 'value', splitLine: { lineStyle: { color: '#e8edf3' } } },
        {
          type: 'value',
          min: 0,
          max: 100,
          axisLabel: { formatter: '{value}%' },
          splitLine: { show: false },
        },
      ],
      series: [
        { name: t('trend.registered'), type: 'bar', data: points.map((p) => p.registered) },
        { name: t('trend.completed'), type: 'bar', data: points.map((p) => p.completed) },
        {
          name: t('trend.onTimeRate'),
          type: 'line',
          yAxisIndex: 1,
          smooth: true,
          data: points.map((p) =>
            p.onTimeRate == null ? null : Math.round(p.onTimeRate * 1000) / 10,
          ),
        },
      ],
    };
  }, [result.data, trend.granularity, t]);

  return (
    <div className="grid-period">
      <Panel title={t('dash.period', { from: period.from, to: period.to })} testId="period-figures">
        <QueryNotice fetching={!figures && result.fetching} error={result.error ?? own.error} />
        {figures && (
          <div className="kpi-grid">
            <Kpi
              label={t('kpi.registered')}
              value={formatInteger(figures.registered, locale)}
              tone="accent"
              testId="period-registered"
            />
            <Kpi
              label={t('kpi.accepted')}
              value={formatInteger(figures.accepted, locale)}
              testId="period-accepted"
            />
            <Kpi
              label={t('kpi.completed')}
              value={formatInteger(figures.completed, locale)}
              testId="period-completed"
            />
            <Kpi
              label={t('kpi.onTimeRate')}
              value={formatPercent(figures.onTimeRate)}
              tone={rateTone(figures.onTimeRate)}
              testId="period-ontime"
            />
            <Kpi
              label={t('kpi.averageDays')}
              value={formatDecimal(figures.averageWorkingDaysTaken)}
              testId="period-average"
            />
            <Kpi
              label={t('kpi.denied')}
              value={formatInteger(figures.denied, locale)}
              testId="period-denied"
            />
          </div>
        )}
      </Panel>
      <Panel title={t('trend.title')} testId="trend">
        {option ? <Chart option={option} height={260} testId="trend-chart" /> : null}
      </Panel>
    </div>
  );
}

interface DepartmentRow extends DepartmentName {
  matterCount: number;
  lightsOn: LightCounts;
  caseFigures: CaseFigures;
  satisfaction?: { ratings: number; satisfactionRate: number | null; badReviews: number };
  complaints?: number;
}

function DepartmentBoard({
  period,
  refresh,
  search,
}: {
  period: Period;
  refresh: number;
  search: string;
}) {
  const { t, locale, departmentName } = useI18n();
  const [, navigate] = useLocation();
  const variables = { from: period.from, to: period.to };
  const [board, reexecute] = useQuery<{
    departments: Connection<Omit<DepartmentRow, 'satisfaction' | 'complaints'>>;
  }>({ query: DEPARTMENT_BOARD, variables });
  const [opinions, reexecuteOpinions] = useQuery<{
    departments: {
      nodes: {
        id: string;
        satisfaction: DepartmentRow['satisfaction'];
        complaintFigures: { received: number };
      }[];
    };
  }>({ query: DEPARTMENT_OPINIONS, variables });
  useRefetchOn(refresh, reexecute);
  useRefetchOn(refresh, reexecuteOpinions);

  const rows = useMemo<DepartmentRow[]>(() => {
    const byId = new Map(opinions.data?.departments.nodes.map((node) => [node.id, node]));
    return (board.data?.departments.nodes ?? []).map((node) => {
      const opinion = byId.get(node.id);
      return {
        ...node,
        ...(opinion && {
          satisfaction: opinion.satisfaction,
          complaints: opinion.complaintFigures.received,
        }),
      };
    });
  }, [board.data, opinions.data]);

  const columns: Column<DepartmentRow>[] = [
    {
      key: 'name',
      header: t('table.department'),
      render: (row) => (
        <Link href={`/departments/${row.id}${search}`} className="link" data-cell="name">
          {departmentName(row)}
        </Link>
      ),
      sortValue: (row) => row.code,
    },
    {
      key: 'matterCount',
      header: t('table.matterCount'),
      render: (row) => row.matterCount,
      sortValue: (row) => row.matterCount,
      align: 'right',
    },
    {
      key: 'registered',
      header: t('table.registered'),
      render: (row) => (
        <span data-cell="registered">{formatInteger(row.caseFigures.registered, locale)}</span>
      ),
      sortValue: (row) => row.caseFigures.registered,
      align: 'right',
    },
    {
      key: 'completed',
      header: t('table.completed'),
      render: (row) => (
        <span data-cell="completed">{formatInteger(row.caseFigures.completed, locale)}</span>
      ),
      sortValue: (row) => row.caseFigures.completed,
      align: 'right',
    },
    {
      key: 'onTimeRate',
      header: t('table.onTimeRate'),
      render: (row) => (
        <span
          data-cell="onTimeRate"
          className={`rate rate-${rateTone(row.caseFigures.onTimeRate)}`}
        >
          {formatPercent(row.caseFigures.onTimeRate)}
        </span>
      ),
      sortValue: (row) => row.caseFigures.onTimeRate,
      align: 'right',
    },
    {
      key: 'average',
      header: t('table.averageDays'),
      render: (row) => formatDecimal(row.caseFigures.averageWorkingDaysTaken),
      sortValue: (row) => row.caseFigures.averageWorkingDaysTaken,
      align: 'right',
    },
    {
      key: 'lights',
      header: t('table.lights'),
      render: (row) => <LightDots yellow={row.lightsOn.yellow} red={row.lightsOn.red} />,
      sortValue: (row) => row.lightsOn.red * 1000 + row.lightsOn.yellow,
      align: 'center',
    },
    {
      key: 'satisfaction',
      header: t('table.satisfaction'),
      render: (row) => formatPercent(row.satisfaction?.satisfactionRate),
      sortValue: (row) => row.satisfaction?.satisfactionRate ?? null,
      align: 'right',
    },
    {
      key: 'complaints',
      header: t('table.complaints'),
      render: (row) => (row.complaints == null ? '—' : row.complaints),
      sortValue: (row) => row.complaints ?? null,
      align: 'right',
    },
  ];

  return (
    <Panel
      title={t('dash.departments')}
      testId="departments"
      actions={
        board.data && (
          <span className="muted">
            {t('common.total')} {board.data.departments.totalCount}
          </span>
        )
      }
    >
      <QueryNotice fetching={board.fetching && !board.data} error={board.error} />
      {board.data && (
        <DataTable
          columns={columns}
          rows={rows}
          rowKey={(row) => row.id}
          filterText={(row) => `${row.code} ${row.name} ${row.shortName} ${row.nameEn}`}
          pageSize={12}
          initialSort={{ key: 'registered', direction: 'desc' }}
          onRowClick={(row) => navigate(`/departments/${row.id}${search}`)}
          testId="department-table"
        />
      )}
    </Panel>
  );
}

function LightsPanel({ period, refresh }: { period: Period; refresh: number }) {
  const { t, locale, departmentName, labels } = useI18n();
  const [showEnded, setShowEnded] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [result, reexecute] = useQuery<{
    lightCounts: LightCounts;
    lightFigures: LightFigures;
    lit: Connection<AlertLight>;
    ended: Connection<AlertLight>;
  }>({ query: LIGHTS_OVERVIEW, variables: { from: period.from, to: period.to } });
  useRefetchOn(refresh, reexecute);
  const data = result.data;
  const lights = showEnded ? data?.ended : data?.lit;
  return (
    <Panel
      title={t('lights.title')}
      testId="lights"
      actions={
        <div className="seg-group">
          <button
            type="button"
            className={!showEnded ? 'seg active' : 'seg'}
            onClick={() => setShowEnded(false)}
          >
            {t('lights.lit')} {data ? data.lit.totalCount : ''}
          </button>
          <button
            type="button"
            className={showEnded ? 'seg active' : 'seg'}
            onClick={() => setShowEnded(true)}
          >
            {t('lights.ended')}
          </button>
        </div>
      }
    >
      <QueryNotice fetching={result.fetching && !data} error={result.error} />
      {data && (
        <>
          <div className="mini-figures">
            <div className="mini mini-yellow">
              <span>
                {t('lights.now')} · {t('kpi.yellow')}
              </span>
              <b data-testid="lights-yellow">{data.lightCounts.yellow}</b>
            </div>
            <div className="mini mini-red">
              <span>
                {t('lights.now')} · {t('kpi.red')}
              </span>
              <b data-testid="lights-red">{data.lightCounts.red}</b>
            </div>
            <div className="mini">
              <span>
                {t('lights.period')} · {t('lights.raisedYellow')}
              </span>
              <b>{data.lightFigures.raisedYellow}</b>
            </div>
            <div className="mini">
              <span>{t('lights.raisedRed')}</span>
              <b>{data.lightFigures.raisedRed}</b>
            </div>
            <div className="mini">
              <span>{t('lights.resolved')}</span>
              <b>{data.lightFigures.resolved}</b>
            </div>
            <div className="mini">
              <span>{t('lights.wentOff')}</span>
              <b>{data.lightFigures.wentOff}</b>
            </div>
          </div>
          <div className="list scroll-list" data-testid="light-list">
            {lights && lights.nodes.length === 0 && (
              <p className="notice notice-muted">{t('common.none')}</p>
            )}
            {lights?.nodes.map((light) => (
              <div key={light.id} className="list-item">
                <div className="list-line">
                  <LightBadge level={light.level} escalated={light.escalated} />
                  {light.case ? (
                    <Link href={`/cases/${light.case.id}`} className="link mono">
                      {light.case.serialNo}
                    </Link>
                  ) : (
                    <span className="muted">—</span>
                  )}
                  <span className="ellipsis">{departmentName(light.department)}</span>
                  <LightStatusTag status={light.status} />
                  <button
                    type="button"
                    className="btn btn-small btn-ghost push-right"
                    onClick={() => setOpen(open === light.id ? null : light.id)}
                  >
                    {t('lights.history')}
                  </button>
                </div>
                <div className="list-sub">
                  {labels.rule[light.rule]} · {light.cause} ·{' '}
                  {formatDateTime(light.raisedAt, locale)}
                </div>
                {open === light.id && <LightHistory id={light.id} />}
              </div>
            ))}
          </div>
        </>
      )}
    </Panel>
  );
}

export function LightHistory({ id }: { id: string }) {
  const { labels, locale } = useI18n();
  const [result] = useQuery<{ alertLight: AlertLight }>({
    query: LIGHT_HISTORY,
    variables: { id },
  });
  const history = result.data?.alertLight.history;
  return (
    <div className="light-history">
      <QueryNotice fetching={result.fetching && !history} error={result.error} />
      {history?.map((entry) => (
        <div key={entry.id} className="history-line">
          <span className={`dot dot-${entry.level.toLowerCase()}`} />
          <span className="mono">{formatDateTime(entry.at, locale)}</span>
          <b>{labels.lightAction[entry.action]}</b>
          <span className="muted">{entry.actor}</span>
          {entry.note && <span>{entry.note}</span>}
        </div>
      ))}
    </div>
  );
}

function ComplaintsPanel({ period, refresh }: { period: Period; refresh: number }) {
  const { t, labels, departmentName } = useI18n();
  const [result, reexecute] = useQuery<{
    complaintFigures: ComplaintFigures;
    complaints: Connection<Complaint>;
  }>({ query: COMPLAINTS_OVERVIEW, variables: { from: period.from, to: period.to } });
  useRefetchOn(refresh, reexecute);
  const data = result.data;
  return (
    <Panel title={t('complaints.title')} testId="complaints">
      <QueryNotice fetching={result.fetching && !data} error={result.error} />
      {data && (
        <>
          <div className="mini-figures">
            <div className="mini">
              <span>{t('complaints.received')}</span>
              <b data-testid="complaints-received">{data.complaintFigures.received}</b>
            </div>
            <div className="mini">
              <span>{t('complaints.open')}</span>
              <b>{data.complaintFigures.open}</b>
            </div>
            <div className={data.complaintFigures.overdue ? 'mini mini-red' : 'mini'}>
              <span>{t('complaints.overdue')}</span>
              <b>{data.complaintFigures.overdue}</b>
            </div>
            <div className="mini">
              <span>{t('complaints.closed')}</span>
              <b>{data.complaintFigures.closed}</b>
            </div>
            <div className="mini">
              <span>{t('complaints.satisfaction')}</span>
              <b>{formatPercent(data.complaintFigures.satisfactionRate)}</b>
            </div>
          </div>
          <h3 className="sub-title">{t('complaints.recent')}</h3>
          <div className="list scroll-list">
            {data.complaints.nodes.length === 0 && (
              <p className="notice notice-muted">{t('common.none')}</p>
            )}
            {data.complaints.nodes.map((complaint) => (
              <div key={complaint.id} className="list-item">
                <div className="list-line">
                  <span className="mono">{complaint.code}</span>
                  <span className={`tag ${complaint.overdue ? 'tag-bad' : 'tag-info'}`}>
                    {labels.complaintStatus[complaint.status]}
                  </span>
                  <span className="ellipsis">{departmentName(complaint.department)}</span>
                  <span className="muted push-right">{complaint.receivedOn}</span>
                </div>
                <div className="list-sub ellipsis">{complaint.content}</div>
              </div>
            ))}
          </div>
        </>
      )}
    </Panel>
  );
}

const RATING_LEVELS: readonly RatingLevel[] = [
  'VERY_SATISFIED',
  'SATISFIED',
  'BASICALLY_SATISFIED',
  'DISSATISFIED',
  'VERY_DISSATISFIED',
];

function SatisfactionPanel({ period, refresh }: { period: Period; refresh: number }) {
  const { t, labels, departmentName, locale } = useI18n();
  const [result, reexecute] = useQuery<{
    satisfactionFigures: SatisfactionFigures;
    rectificationFigures: { open: number; overdue: number; rectified: number };
    ratings: Connection<{
      id: string;
      level: RatingLevel;
      ratedOn: string | null;
      comment: string | null;
      serialNo: string | null;
      department: DepartmentName;
    }>;
  }>({ query: SATISFACTION_OVERVIEW, variables: { from: period.from, to: period.to } });
  useRefetchOn(refresh, reexecute);
  const data = result.data;
  const option = useMemo<ChartOption | null>(() => {
    const figures = data?.satisfactionFigures;
    if (!figures) return null;
    const counts: Record<RatingLevel, number> = {
      VERY_SATISFIED: figures.verySatisfied,
      SATISFIED: figures.satisfied,
      BASICALLY_SATISFIED: figures.basicallySatisfied,
      DISSATISFIED: figures.dissatisfied,
      VERY_DISSATISFIED: figures.veryDissatisfied,
    };
    const colors = ['#1a9e8f', '#4cb5a8', '#8fc7bf', '#f0b400', '#d4380d'];
    return {
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'pie',
          radius: ['48%', '72%'],
          center: ['50%', '52%'],
          label: { formatter: '{b}\n{d}%' },
          data: RATING_LEVELS.map((level, index) => ({
            name: labels.ratingLevel[level],
            value: counts[level],
            itemStyle: { color: colors[index] },
          })),
        },
      ],
    };
  }, [data, labels]);
  return (
    <Panel title={t('satisfaction.title')} testId="satisfaction">
      <QueryNotice fetching={result.fetching && !data} error={result.error} />
      {data && (
        <div className="split">
          <div className="split-chart">{option && <Chart option={option} height={220} />}</div>
          <div className="split-side">
            <div className="mini-figures mini-figures-2">
              <div className="mini">
                <span>{t('kpi.satisfactionRate')}</span>
                <b data-testid="satisfaction-rate">
                  {formatPercent(data.satisfactionFigures.satisfactionRate)}
                </b>
              </div>
              <div className="mini">
                <span>{t('satisfaction.ratings')}</span>
                <b>{formatInteger(data.satisfactionFigures.ratings, locale)}</b>
              </div>
              <div className={data.satisfactionFigures.badReviews ? 'mini mini-red' : 'mini'}>
                <span>{t('kpi.badReviews')}</span>
                <b>{data.satisfactionFigures.badReviews}</b>
              </div>
              <div className="mini">
                <span>{t('satisfaction.defaulted')}</span>
                <b>{formatInteger(data.satisfactionFigures.defaulted, locale)}</b>
              </div>
              <div className="mini">
                <span>{t('satisfaction.openTickets')}</span>
                <b>{data.rectificationFigures.open}</b>
              </div>
              <div className={data.rectificationFigures.overdue ? 'mini mini-red' : 'mini'}>
                <span>{t('satisfaction.overdueTickets')}</span>
                <b>{data.rectificationFigures.overdue}</b>
              </div>
            </div>
          </div>
        </div>
      )}
      {data && data.ratings.nodes.length > 0 && (
        <>
          <h3 className="sub-title">{t('satisfaction.badReviews')}</h3>
          <div className="list">
            {data.ratings.nodes.map((rating) => (
              <div key={rating.id} className="list-item">
                <div className="list-line">
                  <span className="tag tag-bad">{labels.ratingLevel[rating.level]}</span>
                  <span className="ellipsis">{departmentName(rating.department)}</span>
                  <span className="mono muted">{rating.serialNo ?? ''}</span>
                  <span className="muted push-right">{rating.ratedOn}</span>
                </div>
                {rating.comment && <div className="list-sub ellipsis">{rating.comment}</div>}
              </div>
            ))}
          </div>
        </>
      )}
    </Panel>
  );
}

interface ReviewRoundView {
  id: string;
  year: number;
  name: string;
  status: 'OPEN' | 'PUBLISHED';
  unitsReviewed: number;
  raters: number;
  results: {
    rank: number | null;
    of: number;
    score: number | null;
    unit: { id: string; name: string | null; department: DepartmentName | null };
  }[];
}

function ReviewsPanel({ refresh }: { refresh: number }) {
  const { t, departmentName } = useI18n();
  const [result, reexecute] = useQuery<{ reviewRounds: ReviewRoundView[] }>({
    query: REVIEW_ROUNDS,
  });
  useRefetchOn(refresh, reexecute);
  const round = result.data?.reviewRounds.find((candidate) => candidate.status === 'PUBLISHED');
  const unitName = (unit: ReviewRoundView['results'][number]['unit']) =>
    unit.department ? departmentName(unit.department) : (unit.name ?? '—');
  const option = useMemo<ChartOption | null>(() => {
    if (!round) return null;
    const top = round.results
      .filter((r) => r.score != null)
      .slice(0, 10)
      .reverse();
    return {
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: {
        type: 'value',
        min: (value: { min: number }) => Math.floor(value.min - 2),
        max: 100,
      },
      yAxis: {
        type: 'category',
        data: top.map((r) => unitName(r.unit)),
        axisLabel: { width: 120, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: top.map((r) => r.score),
          itemStyle: { color: CHART_COLORS.blue, borderRadius: [0, 3, 3, 0] },
          label: {
            show: true,
            position: 'right',
            formatter: (p: { value: number }) => p.value.toFixed(1),
          },
        },
      ],
    };
    // unitName reads departmentName, which follows the language.
  }, [round, departmentName]);
  return (
    <Panel
      title={t('reviews.title')}
      testId="reviews"
      actions={
        round && (
          <span className="muted">
            {t('reviews.round', { year: round.year, name: round.name })}
          </span>
        )
      }
    >
      <QueryNotice fetching={result.fetching && !result.data} error={result.error} />
      {result.data && !round && <p className="notice notice-muted">{t('reviews.none')}</p>}
      {option && <Chart option={option} height={300} testId="reviews-chart" />}
    </Panel>
  );
}
