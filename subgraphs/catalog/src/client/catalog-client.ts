import {
  callerHeaders,
  hallDateOf,
  WorkingCalendar,
  type CalendarException,
  type Clock,
  type Logger,
  type Stoppable,
} from '@hall/kit';
import { CATALOG_CHANGED_CHANNEL } from '../catalog-changes';
import pg from 'pg';

/** The terms of a matter a case is registered under, as the catalog states them. */
export interface MatterTerms {
  id: string;
  code: string;
  name: string;
  departmentId: string;
  kind: 'IMMEDIATE' | 'PROMISED' | 'JOINT' | 'REPORTED';
  status: 'ACTIVE' | 'CANCELLED';
  promisedLimitDays: number;
  statutoryLimitDays: number;
  feeFen: number;
  requiredMaterials: string[];
  siteSurvey: boolean;
}

/** An organisation stationed in the hall (an agency, a bank, the business center). */
export interface OrganizationFacts {
  id: string;
  name: string;
  kind: 'INTERMEDIARY_AGENCY' | 'BANK' | 'BUSINESS_CENTER';
}

export interface WindowFacts {
  id: string;
  code: string;
  kind: string;
  departmentId: string | null;
  extendedHours: boolean;
  active: boolean;
}

/**
 * What other subgraphs need of the catalog, read from the catalog subgraph itself (no
 * subgraph reads another's tables): the working calendar and the terms of matters and
 * windows. Answers are cached for the process and dropped when the catalog announces a
 * change (NOTIFY), or after `maxAgeMs` should a notification be missed.
 */
export interface CatalogClient extends Stoppable {
  calendar(): Promise<WorkingCalendar>;
  matter(id: string): Promise<MatterTerms | null>;
  window(id: string): Promise<WindowFacts | null>;
  /** An organisation by id, e.g. to check that a consent names a bank. */
  organization(id: string): Promise<OrganizationFacts | null>;
  /**
   * Calls `listener` after the catalog announced a change (and the copies were dropped), with
   * what changed: `calendar`, `matter` or `window`. For services whose own state was computed
   * from the catalog, such as supervision's timers.
   */
  onChange(listener: (change: string) => void): void;
}

export interface CatalogClientOptions {
  /** The catalog subgraph's GraphQL URL. */
  url: string;
  /** Who is asking, e.g. `cases`: the internal caller is `service:<client>`. */
  client: string;
  callerSecret: string;
  /** For LISTEN; the catalog notifies in the same database. */
  databaseUrl: string;
  clock: Clock;
  log: Logger;
  maxAgeMs?: number;
}

/** The first year the hall's records go back to. */
const FIRST_YEAR = 2010;

const MATTER_QUERY = `query CaseMatterTerms($id: ID!) {
  matter(id: $id) {
    id code name kind status promisedLimitDays statutoryLimitDays feeFen requiredMaterials siteSurvey
    department { id }
  }
}`;

const WINDOW_QUERY = `query CaseWindow($id: ID!) {
  window(id: $id) { id code kind extendedHours active department { id } }
}`;

const ORGANIZATION_QUERY = `query CaseOrganization($id: ID!) {
  organization(id: $id) { id name kind }
}`;

function calendarQuery(lastYear: number): string {
  const years: string[] = [];
  for (let year = FIRST_YEAR; year <= lastYear; year += 1) {
    years.push(`y${year}: calendarExceptions(year: ${year}) { date kind name }`);
  }
  return `query CaseCalendar { ${years.join(' ')} }`;
}

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function createCatalogClient(options: CatalogClientOptions): Promise<CatalogClient> {
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  // The service reads as a city leader would: everything, changing nothing. Signed per
  // request, since the catalog refuses stale signatures.
  const headers = () => ({
    'content-type': 'application/json',
    ...callerHeaders(
      { kind: 'user', subject: `service:${options.client}`, role: 'CITY_LEADER' },
      options.callerSecret,
    ),
  });

  /** Asks the catalog; an answer of only NOT_FOUND errors means "no such thing" (empty data). */
  async function ask<T>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<Partial<T>> {
    const response = await fetch(options.url, {
      method: 'POST',
      headers: headers(),
      body: JSON.stringify({ query, variables }),
    });
    const answer = (await response.json()) as GraphQLAnswer<T>;
    const errors = answer.errors ?? [];
    if (errors.length > 0 && errors.every((error) => error.extensions?.code === 'NOT_FOUND')) {
      return {};
    }
    if (errors.length > 0 || !answer.data) {
      throw new Error(
        `catalog answered ${response.status}: ${errors.map((error) => error.message).join('; ')}`,
      );
    }
    return answer.data;
  }

  let calendar: { loadedAt: number; value: Promise<WorkingCalendar> } | undefined;
  const matters = new Map<string, { loadedAt: number; value: Promise<MatterTerms | null> }>();
  const windows = new Map<string, { loadedAt: number; value: Promise<WindowFacts | null> }>();
  const organizations = new Map<
    string,
    { loadedAt: number; value: Promise<OrganizationFacts | null> }
  >();
  const fresh = (entry: { loadedAt: number } | undefined) =>
    entry !== undefined && Date.now() - entry.loadedAt < maxAgeMs;
  const forgetAll = () => {
    calendar = undefined;
    matters.clear();
    windows.clear();
    organizations.clear();
  };

  const listener = new pg.Client({ connectionString: options.databaseUrl });
  const changeListeners: ((change: string) => void)[] = [];
  listener.on('notification', (notification) => {
    forgetAll();
    for (const notify of changeListeners) notify(notification.payload ?? '');
  });
  listener.on('error', (error) => {
    options.log.warn({ err: error }, 'catalog change listener lost; answers expire by age');
  });
  await listener.connect();
  await listener.query(`listen ${CATALOG_CHANGED_CHANNEL}`);

  function remember<T>(
    cache: Map<string, { loadedAt: number; value: Promise<T> }>,
    key: string,
    load: () => Promise<T>,
  ): Promise<T> {
    const entry = cache.get(key);
    if (entry && fresh(entry)) return entry.value;
    const value = load();
    cache.set(key, { loadedAt: Date.now(), value });
    value.catch(() => cache.delete(key));
    return value;
  }

  return {
    calendar() {
      if (calendar && fresh(calendar)) return calendar.value;
      const lastYear = Number(hallDateOf(options.clock.now()).slice(0, 4)) + 1;
      const value = ask<Record<string, CalendarException[]>>(calendarQuery(lastYear)).then(
        (years) =>
          new WorkingCalendar(Object.values(years).flatMap((exceptions) => exceptions ?? [])),
      );
      calendar = { loadedAt: Date.now(), value };
      value.catch(() => {
        calendar = undefined;
      });
      return value;
    },
    matter(id) {
      return remember(matters, id, async () => {
        const data = await ask<{
          matter?: Omit<MatterTerms, 'departmentId'> & { department: { id: string } };
        }>(MATTER_QUERY, { id });
        if (!data.matter) return null;
        const { department, ...terms } = data.matter;
        return { ...terms, departmentId: department.id };
      });
    },
    window(id) {
      return remember(windows, id, async () => {
        const data = await ask<{
          window?: Omit<WindowFacts, 'departmentId'> & { department: { id: string } | null };
        }>(WINDOW_QUERY, { id });
        if (!data.window) return null;
        const { department, ...facts } = data.window;
        return { ...facts, departmentId: department?.id ?? null };
      });
    },
    organization(id) {
      return remember(organizations, id, async () => {
        const data = await ask<{ organization?: OrganizationFacts }>(ORGANIZATION_QUERY, { id });
        return data.organization ?? null;
      });
    },
    onChange(notify) {
      changeListeners.push(notify);
    },
    async stop() {
      await listener.end().catch(() => undefined);
    },
  };
}
