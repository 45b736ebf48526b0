import { entityReference, keyOnlyReferenceResolvers, type SubgraphDefinition } from '@hall/kit';
import { Resolver } from 'type-graphql';
import { Complaint } from './complaint/complaint.entity';
import {
  COMPLAINT_REFERENCE_TYPES,
  ComplaintFiguresResolver,
  ComplaintResolver,
  DepartmentComplaintFiguresResolver,
} from './complaint/complaint.resolver';
import {
  createSupervisionLoaders,
  createSupervisionServices,
  type SupervisionLoaders,
  type SupervisionServices,
} from './context';
import { FeePermit } from './fee-permit/fee-permit.entity';
import { Appeal } from './light/appeal.entity';
import { LightEntry } from './light/light-entry.entity';
import { LightNotice } from './light/light-notice.entity';
import { LightTimer } from './light/light-timer.entity';
import { AlertLight } from './light/light.entity';
import {
  AlertLightResolver,
  CaseLightResolver,
  DepartmentLightResolver,
  HallTodayLightResolver,
  HallTodayLights,
} from './light/light.resolver';
import { RuleSetting } from './light/rule-setting.entity';
import { WatchedCase } from './light/watched-case.entity';
import { FeePermitResolver } from './fee-permit/fee-permit.resolver';
import { InspectionRequest } from './inspection/inspection-request.entity';
import { InspectionRequestResolver } from './inspection/inspection.resolver';
import { supervisionMigrations } from './migrations';
import { isSupervisionSeeded, seedSupervision } from './seed/seed';
import { SocialSupervisor } from './supervisor/social-supervisor.entity';
import { SupervisorReport } from './supervisor/supervisor-report.entity';
import {
  SocialSupervisorResolver,
  SupervisorReportResolver,
} from './supervisor/supervisor.resolver';

const EXTENDED_CATALOG_TYPES = ['Department'] as const;
/** Types of other subgraphs this one points at or extends, known here by their key alone. */
const REFERENCED_TYPES = [...EXTENDED_CATALOG_TYPES, ...COMPLAINT_REFERENCE_TYPES] as const;

@Resolver(() => entityReference('Department', 'supervision'))
class CatalogReferenceResolver {}

/**
 * The supervision subgraph (电子监察): alert lights, their rules and timers, appeals,
 * complaints, inspection and fee pre-approvals, social supervisors. It follows the cases
 * subgraph's event log and extends Case and Department with their lights and complaints.
 */
export const supervisionSubgraph: SubgraphDefinition<SupervisionLoaders, SupervisionServices> = {
  name: 'supervision',
  dbSchema: 'supervision',
  entities: [
    AlertLight,
    LightEntry,
    LightNotice,
    LightTimer,
    Appeal,
    RuleSetting,
    WatchedCase,
    Complaint,
    InspectionRequest,
    FeePermit,
    SocialSupervisor,
    SupervisorReport,
  ],
  migrations: supervisionMigrations,
  resolvers: [
    CatalogReferenceResolver,
    AlertLightResolver,
    CaseLightResolver,
    DepartmentLightResolver,
    HallTodayLightResolver,
    ComplaintResolver,
    ComplaintFiguresResolver,
    DepartmentComplaintFiguresResolver,
    InspectionRequestResolver,
    FeePermitResolver,
    SocialSupervisorResolver,
    SupervisorReportResolver,
  ],
  orphanedTypes: [
    ...REFERENCED_TYPES.map((name) => entityReference(name, 'supervision')),
    HallTodayLights,
  ],
  referenceResolvers: {
    ...keyOnlyReferenceResolvers(REFERENCED_TYPES),
    AlertLight: (reference, { loaders }) => loaders.lightById.load(reference.id),
    Complaint: (reference, { loaders }) => loaders.complaintById.load(reference.id),
    InspectionRequest: (reference, { loaders }) => loaders.inspectionRequestById.load(reference.id),
    FeePermit: (reference, { loaders }) => loaders.feePermitById.load(reference.id),
    SocialSupervisor: (reference, { loaders }) => loaders.socialSupervisorById.load(reference.id),
  },
  createServices: createSupervisionServices,
  createLoaders: createSupervisionLoaders,
  seed: seedSupervision,
  isSeeded: isSupervisionSeeded,
};
