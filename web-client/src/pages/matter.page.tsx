import { useQuery } from 'urql';
import { Link } from 'wouter';
import { formatDecimal, formatInteger, formatPercent, formatYuan } from '../format';
import { MATTER_DETAIL } from '../graphql/operations';
import type { CaseFigures, MatterTerms } from '../graphql/types';
import { useI18n } from '../i18n/i18n';
import { CaseList } from '../ui/case-list';
import { Kpi, Panel, rateTone } from '../ui/panel';
import { QueryNotice } from '../ui/query-state';
import { PeriodPicker, useHallToday, usePeriod } from './period';

/** Drill-down, second step: a matter's terms and figures, and its cases. */
export function MatterPage({ id }: { id: string }) {
  const { t, locale, labels, departmentName } = useI18n();
  const [today] = useHallToday();
  const { period, choose, search } = usePeriod(today.data?.hallToday.hallDate);
  const [result] = useQuery<{ matter: MatterTerms & { caseFigures: CaseFigures } }>({
    query: MATTER_DETAIL,
    variables: period ? { id, from: period.from, to: period.to } : undefined,
    pause: !period,
  });
  const matter = result.data?.matter;
  return (
    <div className="page">
      <nav className="crumbs">
        <Link href={`/${search}`} className="link">
          {t('dash.title')}
        </Link>
        <span>›</span>
        {matter && (
          <Link href={`/departments/${matter.department.id}${search}`} className="link">
            {departmentName(matter.department)}
          </Link>
        )}
        <span>›</span>
        <span>{matter?.name ?? t('drill.matter')}</span>
      </nav>
      <div className="page-head">
        <div>
          <h1 data-testid="matter-name">{matter?.name ?? '…'}</h1>
          {matter && (
            <p className="muted">
              <span className="mono">{matter.code}</span> · {labels.matterKind[matter.kind]} ·{' '}
              {labels.matterCategory[matter.category]}
            </p>
          )}
        </div>
        {period && <PeriodPicker period={period} choose={choose} />}
      </div>
      <QueryNotice fetching={result.fetching && !matter} error={result.error} />
      {matter && period && (
        <>
          <div className="grid-2">
            <Panel title={t('dash.period', { from: period.from, to: period.to })}>
              <div className="kpi-grid">
                <Kpi
                  label={t('kpi.registered')}
                  value={formatInteger(matter.caseFigures.registered, locale)}
                  tone="accent"
                  testId="matter-registered"
                />
                <Kpi
                  label={t('kpi.completed')}
                  value={formatInteger(matter.caseFigures.completed, locale)}
                />
                <Kpi
                  label={t('kpi.onTimeRate')}
                  value={formatPercent(matter.caseFigures.onTimeRate)}
                  tone={rateTone(matter.caseFigures.onTimeRate)}
                />
                <Kpi
                  label={t('kpi.averageDays')}
                  value={formatDecimal(matter.caseFigures.averageWorkingDaysTaken)}
                />
              </div>
            </Panel>
            <Panel title={t('drill.matter')}>
              <dl className="facts">
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
                <dt>{t('matter.materials')}</dt>
                <dd>
                  <ol className="materials">
                    {matter.requiredMaterials.map((material) => (
                      <li key={material}>{material}</li>
                    ))}
                  </ol>
                  {matter.siteSurvey && (
                    <span className="tag tag-warn">{t('matter.siteSurvey')}</span>
                  )}
                </dd>
              </dl>
            </Panel>
          </div>
          <Panel title={`${t('drill.cases')} · ${t('drill.inPeriod')}`}>
            <CaseList filter={{ matterId: id, receivedFrom: period.from, receivedTo: period.to }} />
          </Panel>
        </>
      )}
    </div>
  );
}
