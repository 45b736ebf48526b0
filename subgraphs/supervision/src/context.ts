import {
  byIdLoader,
  groupLoader,
  type HallContext,
  type Stoppable,
  type SubgraphEnvironment,
  type WorkingCalendar,
} from '@hall/kit';
import { createCatalogClient, type CatalogClient } from '@hall/catalog';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Appeal } from './light/appeal.entity';
import { LightEntry } from './light/light-entry.entity';
import { AlertLight, LightSubject, LIT_STATUSES } from './light/light.entity';
import type { LightCounts } from './light/light.types';
import { createLightWatch, type LightWatch } from './light/light-watch';
import { Complaint } from './complaint/complaint.entity';
import {
  complaintFiguresLoader,
  type ComplaintFigureKey,
  type ComplaintFigures,
} from './complaint/complaint.figures';
import { FeePermit } from './fee-permit/fee-permit.entity';
import { InspectionRequest } from './inspection/inspection-request.entity';
import { SocialSupervisor } from './supervisor/social-supervisor.entity';
import { SupervisorReport } from './supervisor/supervisor-report.entity';

/** What a supervision process creates once: its client of the catalog and its light watch. */
export interface SupervisionServices extends Stoppable {
  catalog: CatalogClient;
  /** Follows the case events and fires the lights' timers. */
  lights: LightWatch;
}

export async function createSupervisionServices(
  environment: SubgraphEnvironment,
): Promise<SupervisionServices> {
  const url = environment.peerUrls.catalog;
  if (!url) throw new Error('the supervision subgraph needs the catalog subgraph’s URL');
  const catalog = await createCatalogClient({
    url,
    client: 'supervision',
    callerSecret: environment.callerSecret,
    databaseUrl: environment.databaseUrl,
    clock: environment.clock,
    log: environment.log,
  });
  const lights = createLightWatch({
    orm: environment.orm,
    databaseUrl: environment.databaseUrl,
    clock: environment.clock,
    catalog,
    log: environment.log.child({ component: 'lights' }),
  });
  await lights.start();
  return {
    catalog,
    lights,
    async stop() {
      await lights.stop();
      await catalog.stop();
    },
  };
}

/** Per-request loaders of the supervision subgraph. */
export interface SupervisionLoaders {
  calendar(): Promise<WorkingCalendar>;
  catalog: CatalogClient;
  lightById: DataLoader<string, AlertLight | null>;
  /** A case's light lit now, or null. */
  litLightByCase: DataLoader<string, AlertLight | null>;
  /** Every light of a case, newest first. */
  lightsByCase: DataLoader<string, AlertLight[]>;
  entriesByLight: DataLoader<string, LightEntry[]>;
  appealsByLight: DataLoader<string, Appeal[]>;
  /** Lights lit now, by department id, or 'hall' for the whole hall. */
  lightCounts: DataLoader<string, LightCounts>;
  complaintById: DataLoader<string, Complaint | null>;
  /** Complaint figures by department (null: the hall) and period, as of a day. */
  complaintFigures: DataLoader<ComplaintFigureKey, ComplaintFigures, string>;
  inspectionRequestById: DataLoader<string, InspectionRequest | null>;
  feePermitById: DataLoader<string, FeePermit | null>;
  socialSupervisorById: DataLoader<string, SocialSupervisor | null>;
  /** A supervisor's reports, newest first. */
  reportsBySupervisor: DataLoader<string, SupervisorReport[]>;
}

export type SupervisionContext = HallContext<SupervisionLoaders>;

export function createSupervisionLoaders(
  em: EntityManager,
  services: SupervisionServices,
): SupervisionLoaders {
  return {
    calendar: () => services.catalog.calendar(),
    catalog: services.catalog,
    lightById: byIdLoader(em, AlertLight),
    litLightByCase: new DataLoader(async (caseIds) => {
      const lights = await em.find(AlertLight, {
        subjectType: LightSubject.CASE,
        subjectId: { $in: [...caseIds] },
        status: { $in: [...LIT_STATUSES] },
      });
      return caseIds.map((id) => lights.find((light) => light.subjectId === id) ?? null);
    }),
    lightsByCase: new DataLoader(async (caseIds) => {
      const lights = await em.find(
        AlertLight,
        { subjectType: LightSubject.CASE, subjectId: { $in: [...caseIds] } },
        { orderBy: { raisedAt: 'desc' } },
      );
      return caseIds.map((id) => lights.filter((light) => light.subjectId === id));
    }),
    entriesByLight: groupLoader(em, LightEntry, 'lightId', { orderBy: { at: 'asc' } }),
    appealsByLight: groupLoader(em, Appeal, 'lightId', { orderBy: { filedAt: 'asc' } }),
    lightCounts: new DataLoader(async (keys) => {
      const rows = await em.execute<
        { department_id: string; yellow: number; red: number; escalated: number }[]
      >(
        `select department_id::text, count(*) filter (where level = 'YELLOW')::int as yellow,
                count(*) filter (where level = 'RED')::int as red,
                count(*) filter (where escalated)::int as escalated
           from supervision.alert_light where status in ('ON', 'ACKNOWLEDGED', 'APPEALED')
          group by department_id`,
      );
      const sum = (list: typeof rows) => ({
        yellow: list.reduce((total, row) => total + row.yellow, 0),
        red: list.reduce((total, row) => total + row.red, 0),
        escalated: list.reduce((total, row) => total + row.escalated, 0),
      });
      return keys.map((key) =>
        sum(key === 'hall' ? rows : rows.filter((row) => row.department_id === key)),
      );
    }),
    complaintById: byIdLoader(em, Complaint),
    complaintFigures: complaintFiguresLoader(em),
    inspectionRequestById: byIdLoader(em, InspectionRequest),
    feePermitById: byIdLoader(em, FeePermit),
    socialSupervisorById: byIdLoader(em, SocialSupervisor),
    reportsBySupervisor: groupLoader(em, SupervisorReport, 'supervisorId', {
      orderBy: { receivedOn: 'desc', createdAt: 'desc' },
    }),
  };
}
