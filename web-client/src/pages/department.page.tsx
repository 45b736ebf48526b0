import { useQuery } from 'urql';
import { Link, useLocation } from 'wouter';
import { formatDecimal, formatInteger, formatPercent } from '../format';
import { DEPARTMENT_DETAIL, DEPARTMENT_OPINION } from '../graphql/operations';
import type { CaseFigures, DepartmentName, LightCounts, MatterKind } from '../graphql/types';
import { useI18n } from '../i18n/i18n';
import { LightDots } from '../ui/badges';
import { CaseList } from '../ui/case-list';
import { DataTable, type Column } from '../ui/data-table';
import { Kpi, Panel, rateTone } from '../ui/panel';
import { QueryNotice } from '../ui/query-state';
import { PeriodPicker, useHallToday, usePeriod } from './period';

interface MatterRow {
  id: string;
  code: string;
  name: string;
  kind: MatterKind;
  promisedLimitDays: number;
  statutoryLimitDays: number;
  caseFigures: CaseFigures;
}

interface DepartmentDetail extends DepartmentName {
  presence: 'STAFFED' | 'PROXIED';
  matterCount: number;
  floor: { number: number };
  lightsOn: LightCounts;
  caseFigures: CaseFigures;
  matters: MatterRow[];
}

/** Drill-down, first step: one department's figures, its matters, and its cases. */
export function DepartmentPage({ id }: { id: string }) {
  const { t, locale, labels, departmentName } = useI18n();
  const [, navigate] = useLocation();
  const [today] = useHallToday();
  const { period, choose, search } = usePeriod(today.data?.hallToday.hallDate);
  const variables = period ? { id, from: period.from, to: period.to } : undefined;
  const [result] = useQuery<{ department: DepartmentDetail }>({
    query: DEPARTMENT_DETAIL,
    variables,
    pause: !period,
  });
  const [opinion] = useQuery<{
    department: {
      satisfaction: { ratings: number; satisfactionRate: number | null; badReviews: number };
      complaintFigures: { received: number; open: number; overdue: number };
    };
  }>({ query: DEPARTMENT_OPINION, variables, pause: !period });
  const department = result.data?.department;

  const columns: Column<MatterRow>[] = [
    {
      key: 'code',
      header: t('table.code'),
      render: (row) => <span className="mono">{row.code}</span>,
      sortValue: (row) => row.code,
    },
    {
      key: 'name',
      header: t('table.matter'),
      render: (row) => (
        <Link href={`/matters/${row.id}${search}`} className="link" data-cell="name">
          {row.name}
        </Link>
      ),
      sortValue: (row) => row.name,
    },
    {
      key: 'kind',
      header: t('table.kind'),
      render: (row) => labels.matterKind[row.kind],
      sortValue: (row) => row.kind,
    },
    {
      key: 'promised',
      header: t('table.promised'),
      render: (row) => row.promisedLimitDays,
      sortValue: (row) => row.promisedLimitDays,
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
        <span className={`rate rate-${rateTone(row.caseFigures.onTimeRate)}`}>
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
  ];

  return (
    <div className="page">
      <nav className="crumbs">
        <Link href={`/${search}`} className="link">
          {t('dash.title')}
        </Link>
        <span>›</span>
        <span>{department ? departmentName(department) : t('drill.department')}</span>
      </nav>
      <div className="page-head">
        <div>
          <h1 data-testid="department-name">{department ? departmentName(department) : '…'}</h1>
          {department && (
            <p className="muted">
              {department.code} · {department.shortName} · {department.floor.number}F ·{' '}
              {t('table.matterCount')} {department.matterCount}
            </p>
          )}
        </div>
        {period && <PeriodPicker period={period} choose={choose} />}
      </div>
      <QueryNotice fetching={result.fetching && !department} error={result.error} />
      {department && period && (
        <>
          <Panel title={t('dash.period', { from: period.from, to: period.to })}>
            <div className="kpi-row">
              <Kpi
                label={t('kpi.registered')}
                value={formatInteger(department.caseFigures.registered, locale)}
                tone="accent"
                testId="dept-registered"
              />
              <Kpi
                label={t('kpi.completed')}
                value={formatInteger(department.caseFigures.completed, locale)}
                testId="dept-completed"
              />
              <Kpi
                label={t('kpi.onTimeRate')}
                value={formatPercent(department.caseFigures.onTimeRate)}
                tone={rateTone(department.caseFigures.onTimeRate)}
                testId="dept-ontime"
              />
              <Kpi
                label={t('kpi.averageDays')}
                value={formatDecimal(department.caseFigures.averageWorkingDaysTaken)}
              />
              <Kpi
                label={t('kpi.lightsOn')}
                value={
                  <LightDots yellow={department.lightsOn.yellow} red={department.lightsOn.red} />
                }
                tone={
                  department.lightsOn.red ? 'bad' : department.lightsOn.yellow ? 'warn' : 'good'
                }
              />
              <Kpi
                label={t('kpi.satisfactionRate')}
                value={formatPercent(opinion.data?.department.satisfaction.satisfactionRate)}
              />
              <Kpi
                label={t('kpi.complaints')}
                value={opinion.data ? opinion.data.department.complaintFigures.received : '—'}
              />
            </div>
          </Panel>
          <Panel title={t('drill.matters')} testId="matters">
            <DataTable
              columns={columns}
              rows={department.matters}
              rowKey={(row) => row.id}
              filterText={(row) => `${row.code} ${row.name}`}
              pageSize={10}
              initialSort={{ key: 'registered', direction: 'desc' }}
              onRowClick={(row) => navigate(`/matters/${row.id}${search}`)}
              testId="matter-table"
            />
          </Panel>
          <Panel title={`${t('drill.cases')} · ${t('drill.inPeriod')}`}>
            <CaseList
              filter={{ departmentId: id, receivedFrom: period.from, receivedTo: period.to }}
            />
          </Panel>
        </>
      )}
    </div>
  );
}
