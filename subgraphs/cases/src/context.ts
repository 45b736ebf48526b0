import {
  byIdLoader,
  groupLoader,
  type HallContext,
  type Stoppable,
  type SubgraphEnvironment,
  type WorkingCalendar,
} from '@hall/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Applicant } from './applicant/applicant.entity';
import { Appointment } from './appointment/appointment.entity';
import { CaseStep } from './case/case-step.entity';
import { Case } from './case/case.entity';
import { ClockStop } from './case/clock-stop.entity';
import { createCatalogClient, type CatalogClient } from '@hall/catalog';
import { figuresLoader, type FigureKey, type CaseFigures } from './figures/figures.query';
import { JointProject } from './joint-project/joint-project.entity';
import { PartnerConsent } from './partner/partner-consent.entity';
import type { PartnerRead } from './partner/partner-read.entity';
import { partnerReadsByCaseLoader } from './partner/partner-read.loaders';
import { QueueTicket, TicketStatus } from './queue/queue-ticket.entity';

/** What a cases process creates once: its client of the catalog subgraph. */
export interface CasesServices extends Stoppable {
  catalog: CatalogClient;
}

export async function createCasesServices(
  environment: SubgraphEnvironment,
): Promise<CasesServices> {
  const url = environment.peerUrls.catalog;
  if (!url) throw new Error('the cases subgraph needs the catalog subgraph’s URL');
  const catalog = await createCatalogClient({
    url,
    client: 'cases',
    callerSecret: environment.callerSecret,
    databaseUrl: environment.databaseUrl,
    clock: environment.clock,
    log: environment.log,
  });
  return { catalog, stop: () => catalog.stop() };
}

/** Per-request loaders of the cases subgraph: one statement per kind of thing touched. */
export interface CasesLoaders {
  caseById: DataLoader<string, Case | null>;
  applicantById: DataLoader<string, Applicant | null>;
  jointProjectById: DataLoader<string, JointProject | null>;
  appointmentById: DataLoader<string, Appointment | null>;
  ticketById: DataLoader<string, QueueTicket | null>;
  stepsByCase: DataLoader<string, CaseStep[]>;
  stopsByCase: DataLoader<string, ClockStop[]>;
  casesByJointProject: DataLoader<string, Case[]>;
  /** The departments an applicant has cases at: who may see the applicant's personal data. */
  departmentsOfApplicant: DataLoader<string, string[]>;
  /** Tickets called to or served at each window today. */
  ticketsAtWindow: DataLoader<string, QueueTicket[]>;
  figures: DataLoader<FigureKey, CaseFigures, string>;
  consentById: DataLoader<string, PartnerConsent | null>;
  /** The latest partner reads of each case (the access log seen from the case). */
  partnerReadsByCase: DataLoader<string, PartnerRead[]>;
  calendar(): Promise<WorkingCalendar>;
  catalog: CatalogClient;
}

export type CasesContext = HallContext<CasesLoaders>;

export function createCasesLoaders(em: EntityManager, services: CasesServices): CasesLoaders {
  return {
    caseById: byIdLoader(em, Case),
    applicantById: byIdLoader(em, Applicant),
    jointProjectById: byIdLoader(em, JointProject),
    appointmentById: byIdLoader(em, Appointment),
    ticketById: byIdLoader(em, QueueTicket),
    stepsByCase: groupLoader(em, CaseStep, 'caseId', { orderBy: { sequence: 'asc' } }),
    stopsByCase: groupLoader(em, ClockStop, 'caseId', { orderBy: { startedAt: 'asc' } }),
    casesByJointProject: groupLoader(em, Case, 'jointProjectId', { orderBy: { serialNo: 'asc' } }),
    departmentsOfApplicant: new DataLoader(async (applicantIds) => {
      const rows = await em
        .createQueryBuilder(Case)
        .select(['applicantId', 'departmentId'])
        .distinct()
        .where({ applicantId: { $in: [...applicantIds] } })
        .execute<{ applicantId: string; departmentId: string }[]>('all');
      return applicantIds.map((id) =>
        rows.filter((row) => row.applicantId === id).map((row) => row.departmentId),
      );
    }),
    ticketsAtWindow: new DataLoader(async (windowIds) => {
      const tickets = await em.find(
        QueueTicket,
        {
          windowId: { $in: [...windowIds] },
          status: { $in: [TicketStatus.CALLED, TicketStatus.SERVING] },
        },
        { orderBy: { calledAt: 'asc' } },
      );
      return windowIds.map((id) => tickets.filter((ticket) => ticket.windowId === id));
    }),
    figures: figuresLoader(em),
    consentById: byIdLoader(em, PartnerConsent),
    partnerReadsByCase: partnerReadsByCaseLoader(em),
    calendar: () => services.catalog.calendar(),
    catalog: services.catalog,
  };
}

export { today } from '@hall/kit';
