import { entityReference, keyOnlyReferenceResolvers, type SubgraphDefinition } from '@hall/kit';
import { Applicant } from './applicant/applicant.entity';
import { ApplicantResolver } from './applicant/applicant.resolver';
import { Appointment } from './appointment/appointment.entity';
import { AppointmentResolver } from './appointment/appointment.resolver';
import { CaseStep } from './case/case-step.entity';
import { Case } from './case/case.entity';
import { CaseResolver } from './case/case.resolver';
import { ClockStop } from './case/clock-stop.entity';
import {
  createCasesLoaders,
  createCasesServices,
  type CasesLoaders,
  type CasesServices,
} from './context';
import { CaseDailyFigure } from './figures/case-daily-figure.entity';
import { CaseDepartmentMonthlyFigure } from './figures/case-department-monthly-figure.entity';
import { CaseMonthlyFigure } from './figures/case-monthly-figure.entity';
import {
  DepartmentCaseFiguresResolver,
  FiguresResolver,
  MatterCaseFiguresResolver,
  WindowQueueResolver,
} from './figures/figures.resolver';
import { JointProject } from './joint-project/joint-project.entity';
import { JointProjectResolver } from './joint-project/joint-project.resolver';
import { PartnerCaseResolver } from './partner/partner-case.resolver';
import { PartnerConsent } from './partner/partner-consent.entity';
import { PartnerConsentResolver } from './partner/partner-consent.resolver';
import { PartnerRead } from './partner/partner-read.entity';
import { CasePartnerReadsResolver, PartnerReadResolver } from './partner/partner-read.resolver';
import { casesMigrations } from './migrations';
import { QueueTicket } from './queue/queue-ticket.entity';
import { QueueResolver } from './queue/queue.resolver';
import { WindowSession } from './queue/window-session.entity';
import { isCasesSeeded, seedCases } from './seed/seed';

/** Catalog entities this subgraph points at or extends, known here by their key alone. */
const CATALOG_TYPES = ['Department', 'Matter', 'Window', 'Staff', 'Organization'] as const;

/**
 * The cases subgraph: applicants, cases and their clock, joint projects, appointments and the
 * queue, the daily figures, and the event log every change is announced on.
 */
export const casesSubgraph: SubgraphDefinition<CasesLoaders, CasesServices> = {
  name: 'cases',
  dbSchema: 'cases',
  entities: [
    Applicant,
    Case,
    CaseStep,
    ClockStop,
    JointProject,
    QueueTicket,
    WindowSession,
    Appointment,
    CaseDailyFigure,
    CaseMonthlyFigure,
    CaseDepartmentMonthlyFigure,
    PartnerConsent,
    PartnerRead,
  ],
  migrations: casesMigrations,
  resolvers: [
    CaseResolver,
    ApplicantResolver,
    JointProjectResolver,
    QueueResolver,
    AppointmentResolver,
    FiguresResolver,
    DepartmentCaseFiguresResolver,
    MatterCaseFiguresResolver,
    WindowQueueResolver,
    PartnerCaseResolver,
    PartnerConsentResolver,
    PartnerReadResolver,
    CasePartnerReadsResolver,
  ],
  orphanedTypes: CATALOG_TYPES.map((name) => entityReference(name, 'cases')),
  referenceResolvers: {
    ...keyOnlyReferenceResolvers(CATALOG_TYPES),
    Case: (reference, { loaders }) => loaders.caseById.load(reference.id),
    JointProject: (reference, { loaders }) => loaders.jointProjectById.load(reference.id),
    QueueTicket: (reference, { loaders }) => loaders.ticketById.load(reference.id),
    Appointment: (reference, { loaders }) => loaders.appointmentById.load(reference.id),
  },
  createServices: createCasesServices,
  createLoaders: createCasesLoaders,
  seed: seedCases,
  isSeeded: isCasesSeeded,
};
