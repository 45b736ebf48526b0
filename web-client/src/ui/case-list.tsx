import { useState } from 'react';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { CASE_LIST } from '../graphql/operations';
import {
  CASE_STATUSES,
  type CaseStatus,
  type CaseSummary,
  type Connection,
} from '../graphql/types';
import { useI18n } from '../i18n/i18n';
import { CaseStatusTag, LightBadge } from './badges';
import { QueryNotice } from './query-state';

export interface CaseListFilter {
  departmentId?: string;
  matterId?: string;
  receivedFrom?: string;
  receivedTo?: string;
}

const PAGE_SIZE = 15;

/**
 * Cases paged by the graph (cursor connections: newest first), filtered by status or by
 * "still open", sortable within the page shown.
 */
export function CaseList({ filter }: { filter: CaseListFilter }) {
  const { t, labels, departmentName } = useI18n();
  const [status, setStatus] = useState<CaseStatus | 'OPEN' | ''>('');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [sortByDue, setSortByDue] = useState(false);
  const after = cursors[cursors.length - 1] ?? null;
  const [result] = useQuery<{ cases: Connection<CaseSummary> }>({
    query: CASE_LIST,
    variables: {
      first: PAGE_SIZE,
      after,
      filter: {
        ...filter,
        ...(status === 'OPEN' ? { open: true } : status ? { statuses: [status] } : {}),
      },
    },
  });
  const cases = result.data?.cases;
  const nodes = cases
    ? sortByDue
      ? [...cases.nodes].sort((a, b) =>
          (a.clock?.dueOn ?? '9999').localeCompare(b.clock?.dueOn ?? '9999'),
        )
      : cases.nodes
    : [];
  const pageNumber = cursors.length;
  const pages = cases ? Math.max(1, Math.ceil(cases.totalCount / PAGE_SIZE)) : 1;

  return (
    <div className="table-wrap" data-testid="case-list">
      <div className="table-toolbar">
        <select
          className="input"
          value={status}
          aria-label={t('table.status')}
          onChange={(event) => {
            setStatus(event.target.value as CaseStatus | 'OPEN' | '');
            setCursors([null]);
          }}
          data-testid="case-status-filter"
        >
          <option value="">{t('common.all')}</option>
          <option value="OPEN">{t('drill.openOnly')}</option>
          {CASE_STATUSES.map((value) => (
            <option key={value} value={value}>
              {labels.caseStatus[value]}
            </option>
          ))}
        </select>
        {cases && (
          <span className="muted">
            {t('common.total')} <b data-testid="case-total">{cases.totalCount}</b>
          </span>
        )}
      </div>
      <QueryNotice fetching={result.fetching && !cases} error={result.error} />
      {cases && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('table.serialNo')}</th>
              <th>{t('table.matter')}</th>
              <th>{t('table.department')}</th>
              <th>{t('table.applicant')}</th>
              <th>{t('table.status')}</th>
              <th>{t('table.receivedOn')}</th>
              <th aria-sort={sortByDue ? 'ascending' : undefined}>
                <button type="button" className="th-sort" onClick={() => setSortByDue(!sortByDue)}>
                  {t('table.dueOn')}
                  <span className="sort-mark">{sortByDue ? '▲' : '↕'}</span>
                </button>
              </th>
              <th style={{ textAlign: 'right' }}>{t('table.remaining')}</th>
              <th>{t('table.light')}</th>
            </tr>
          </thead>
          <tbody>
            {nodes.length === 0 && (
              <tr>
                <td colSpan={9} className="empty">
                  {t('common.none')}
                </td>
              </tr>
            )}
            {nodes.map((item) => (
              <tr key={item.id} data-row={item.id}>
                <td>
                  <Link href={`/cases/${item.id}`} className="link mono">
                    {item.serialNo}
                  </Link>
                </td>
                <td className="ellipsis" title={item.matter.name}>
                  {item.matter.name}
                </td>
                <td className="ellipsis">{departmentName(item.department)}</td>
                <td>{item.applicant.name}</td>
                <td>
                  <CaseStatusTag status={item.status} />
                </td>
                <td className="mono">{item.receivedOn}</td>
                <td className="mono">{item.clock?.dueOn ?? '—'}</td>
                <td
                  style={{ textAlign: 'right' }}
                  className={item.clock && item.clock.remainingWorkingDays < 0 ? 'text-bad' : ''}
                >
                  {item.clock ? item.clock.remainingWorkingDays : '—'}
                </td>
                <td>{item.alertLight ? <LightBadge level={item.alertLight.level} /> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cases && (pageNumber > 1 || cases.pageInfo.hasNextPage) && (
        <div className="pager">
          <button
            type="button"
            className="btn btn-small"
            disabled={pageNumber === 1}
            onClick={() => setCursors(cursors.slice(0, -1))}
          >
            {t('common.previous')}
          </button>
          <span className="pager-text">
            {t('common.page', { page: pageNumber, pages, total: cases.totalCount })}
          </span>
          <button
            type="button"
            className="btn btn-small"
            disabled={!cases.pageInfo.hasNextPage}
            onClick={() => setCursors([...cursors, cases.pageInfo.endCursor])}
          >
            {t('common.next')}
          </button>
        </div>
      )}
    </div>
  );
}
