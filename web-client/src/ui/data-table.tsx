import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

export interface Column<Row> {
  key: string;
  header: ReactNode;
  render(row: Row): ReactNode;
  /** Makes the column sortable; null sorts last whichever the direction. */
  sortValue?(row: Row): number | string | null;
  align?: 'left' | 'right' | 'center';
  width?: string;
}

export interface DataTableProps<Row> {
  columns: Column<Row>[];
  rows: Row[];
  rowKey(row: Row): string;
  /** The text a row is found by in the filter box; no box without it. */
  filterText?(row: Row): string;
  pageSize?: number;
  initialSort?: { key: string; direction: 'asc' | 'desc' };
  onRowClick?(row: Row): void;
  testId?: string;
  /** Extra controls beside the filter box. */
  toolbar?: ReactNode;
}

function compare(a: number | string | null, b: number | string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'zh-CN');
}

/** A table sorted, filtered and paged in the browser: for lists the graph answers whole. */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  filterText,
  pageSize = 10,
  initialSort,
  onRowClick,
  testId,
  toolbar,
}: DataTableProps<Row>) {
  const { t } = useI18n();
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState(initialSort);
  const [page, setPage] = useState(0);

  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const filtered =
      needle && filterText
        ? rows.filter((row) => filterText(row).toLowerCase().includes(needle))
        : rows;
    const column = sort && columns.find((candidate) => candidate.key === sort.key);
    if (!column?.sortValue || !sort) return filtered;
    const value = column.sortValue;
    const sign = sort.direction === 'asc' ? 1 : -1;
    return [...filtered].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (x === null || y === null) return compare(x, y);
      return sign * compare(x, y);
    });
  }, [rows, filter, filterText, sort, columns]);

  const pages = Math.max(1, Math.ceil(shown.length / pageSize));
  const current = Math.min(page, pages - 1);
  const pageRows = shown.slice(current * pageSize, (current + 1) * pageSize);

  const toggle = (key: string) => {
    setSort((previous) =>
      previous?.key === key
        ? { key, direction: previous.direction === 'asc' ? 'desc' : 'asc' }
        : { key, direction: 'desc' },
    );
    setPage(0);
  };

  return (
    <div className="table-wrap" data-testid={testId}>
      {(filterText || toolbar) && (
        <div className="table-toolbar">
          {filterText && (
            <input
              className="input"
              type="search"
              placeholder={t('common.search')}
              value={filter}
              aria-label={t('common.search')}
              onChange={(event) => {
                setFilter(event.target.value);
                setPage(0);
              }}
            />
          )}
          {toolbar}
        </div>
      )}
      <table className="table">
        <thead>
          <tr>
            {columns.map((column) => {
              const sorted = sort?.key === column.key ? sort.direction : undefined;
              return (
                <th
                  key={column.key}
                  style={{ textAlign: column.align ?? 'left', width: column.width }}
                  aria-sort={
                    sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                  }
                >
                  {column.sortValue ? (
                    <button
                      type="button"
                      className="th-sort"
                      data-column={column.key}
                      onClick={() => toggle(column.key)}
                    >
                      {column.header}
                      <span className="sort-mark">
                        {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                      </span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {pageRows.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="empty">
                {t('common.none')}
              </td>
            </tr>
          )}
          {pageRows.map((row) => (
            <tr
              key={rowKey(row)}
              data-row={rowKey(row)}
              className={onRowClick ? 'clickable' : undefined}
              onClick={onRowClick && (() => onRowClick(row))}
            >
              {columns.map((column) => (
                <td key={column.key} style={{ textAlign: column.align ?? 'left' }}>
                  {column.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length > pageSize && (
        <div className="pager">
          <button
            type="button"
            className="btn btn-small"
            disabled={current === 0}
            onClick={() => setPage(current - 1)}
          >
            {t('common.previous')}
          </button>
          <span className="pager-text">
            {t('common.page', { page: current + 1, pages, total: shown.length })}
          </span>
          <button
            type="button"
            className="btn btn-small"
            disabled={current >= pages - 1}
            onClick={() => setPage(current + 1)}
          >
            {t('common.next')}
          </button>
        </div>
      )}
    </div>
  );
}
