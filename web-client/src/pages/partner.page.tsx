import { useMemo, useRef, useState } from 'react';
import { Provider as UrqlProvider, useQuery } from 'urql';
import { useSession } from '../auth/session-context';
import {
  createPartnerClient,
  PARTNER_CASE,
  PARTNER_CASES,
  type PartnerCase,
  type PartnerCaseData,
  type PartnerCasesData,
} from '../graphql/partner';
import { useI18n } from '../i18n/i18n';
import { Panel } from '../ui/panel';
import { QueryNotice } from '../ui/query-state';

const PAGE_SIZE = 20;

/**
 * A partner bank's view (合作银行): the cases its bank may follow today (the applicant's
 * consent in force), with only the contract's fields, and a look-up by serial number. It
 * talks to /partner/graphql only; every read it makes is written to the access log.
 */
export function PartnerPage() {
  const { session } = useSession();
  const { language } = useI18n();
  const languageRef = useRef(language);
  languageRef.current = language;
  const client = useMemo(
    () =>
      createPartnerClient(session?.token ?? '', () =>
        languageRef.current === 'en' ? 'en' : 'zh-CN',
      ),
    [session?.token],
  );
  return (
    <UrqlProvider value={client}>
      <div className="page partner-page" data-testid="partner-page">
        <PartnerLookup />
        <PartnerCaseList />
      </div>
    </UrqlProvider>
  );
}

function PartnerCaseList() {
  const { t } = useI18n();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const [{ data, fetching, error }] = useQuery<PartnerCasesData>({
    query: PARTNER_CASES,
    variables: { first: PAGE_SIZE, after },
  });
  const page = data?.partnerCases;
  return (
    <Panel
      title={t('partner.cases', { count: page?.totalCount ?? 0 })}
      testId="partner-cases"
      actions={
        <>
          <button
            type="button"
            className="btn btn-ghost"
            disabled={cursors.length <= 1}
            onClick={() => setCursors((current) => current.slice(0, -1))}
          >
            {t('common.previous')}
          </button>
          <button
            type="button"
            className="btn btn-ghost"
            disabled={!page?.hasNextPage}
            onClick={() => page?.endCursor && setCursors((current) => [...current, page.endCursor])}
          >
            {t('common.next')}
          </button>
        </>
      }
    >
      <p className="notice notice-muted">{t('partner.intro')}</p>
      <QueryNotice fetching={fetching && !data} error={error} empty={page?.nodes.length === 0} />
      {page && page.nodes.length > 0 && <PartnerCaseTable cases={page.nodes} />}
    </Panel>
  );
}

function PartnerLookup() {
  const { t } = useI18n();
  const [input, setInput] = useState('');
  const [serialNo, setSerialNo] = useState<string | null>(null);
  const [{ data, fetching, error }] = useQuery<PartnerCaseData>({
    query: PARTNER_CASE,
    variables: { serialNo: serialNo ?? '' },
    pause: !serialNo,
  });
  const notFound = error?.graphQLErrors.some((item) => item.extensions?.code === 'NOT_FOUND');
  return (
    <Panel title={t('partner.lookup')} testId="partner-lookup">
      <form
        className="table-toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          setSerialNo(input.trim() || null);
        }}
      >
        <input
          className="input"
          value={input}
          onChange={(event) => setInput(event.target.value)}
          placeholder={t('partner.serialPlaceholder')}
          aria-label={t('partner.serialNo')}
          data-testid="partner-serial"
        />
        <button type="submit" className="btn" data-testid="partner-find">
          {t('partner.find')}
        </button>
      </form>
      {serialNo && notFound && (
        <p className="notice notice-muted" role="alert" data-testid="partner-not-found">
          {t('partner.notFound', { serialNo })}
        </p>
      )}
      {serialNo && !notFound && <QueryNotice fetching={fetching} error={error} />}
      {serialNo && data && !error && <PartnerCaseTable cases={[data.partnerCase]} />}
    </Panel>
  );
}

function PartnerCaseTable({ cases }: { cases: readonly PartnerCase[] }) {
  const { t, labels } = useI18n();
  const onTime = (value: boolean | null) =>
    value === null ? '—' : value ? t('partner.onTimeYes') : t('partner.onTimeNo');
  return (
    <div className="table-wrap">
      <table className="table" data-testid="partner-case-table">
        <thead>
          <tr>
            <th>{t('partner.serialNo')}</th>
            <th>{t('partner.matter')}</th>
            <th>{t('partner.department')}</th>
            <th>{t('partner.status')}</th>
            <th>{t('partner.receivedOn')}</th>
            <th>{t('partner.acceptedOn')}</th>
            <th>{t('partner.dueOn')}</th>
            <th>{t('partner.decidedOn')}</th>
            <th>{t('partner.deliveredOn')}</th>
            <th>{t('partner.onTime')}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((item) => (
            <tr key={item.serialNo} data-serial={item.serialNo}>
              <td className="mono">{item.serialNo}</td>
              <td>{item.matter.name}</td>
              <td>{item.department.name}</td>
              <td>{labels.caseStatus[item.status]}</td>
              <td>{item.receivedOn}</td>
              <td>{item.acceptedOn ?? '—'}</td>
              <td>{item.clock?.dueOn ?? '—'}</td>
              <td>{item.decidedOn ?? '—'}</td>
              <td>{item.deliveredOn ?? '—'}</td>
              <td>{onTime(item.onTime)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
