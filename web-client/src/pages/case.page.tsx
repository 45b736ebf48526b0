import { useQuery } from 'urql';
import { Link } from 'wouter';
import { useSession } from '../auth/session-context';
import { CASE_BY_ID } from '../graphql/operations';
import type { CaseDetail } from '../graphql/types';
import { useI18n } from '../i18n/i18n';
import { CaseView } from '../ui/case-view';
import { QueryNotice } from '../ui/query-state';

/** Roles that move cases; the graph checks again (department staff: their own only). */
const CASE_HANDLERS = new Set(['SERVICE_BUREAU_ADMIN', 'ACCEPTANCE_CLERK', 'DEPARTMENT_STAFF']);

/** Drill-down, last step: one case with its timeline, clock and light. */
export function CasePage({ id }: { id: string }) {
  const { t, departmentName } = useI18n();
  const { session } = useSession();
  const [result, reexecute] = useQuery<{ case: CaseDetail }>({
    query: CASE_BY_ID,
    variables: { id },
  });
  const value = result.data?.case;
  return (
    <div className="page">
      <nav className="crumbs">
        <Link href="/" className="link">
          {t('dash.title')}
        </Link>
        {value && (
          <>
            <span>›</span>
            <Link href={`/departments/${value.department.id}`} className="link">
              {departmentName(value.department)}
            </Link>
            <span>›</span>
            <Link href={`/matters/${value.matter.id}`} className="link">
              {value.matter.name}
            </Link>
          </>
        )}
        <span>›</span>
        <span className="mono">{value?.serialNo ?? t('case.title')}</span>
      </nav>
      <QueryNotice fetching={result.fetching && !value} error={result.error} />
      {value && (
        <CaseView
          value={value}
          canMove={session !== null && CASE_HANDLERS.has(session.role)}
          onMoved={() => reexecute({ requestPolicy: 'network-only' })}
        />
      )}
    </div>
  );
}
