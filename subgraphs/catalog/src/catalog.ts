import type { SubgraphDefinition } from '@hall/kit';
import { CalendarException } from './calendar/calendar-exception.entity';
import { CalendarResolver } from './calendar/calendar.resolver';
import { createCatalogLoaders, type CatalogLoaders } from './context';
import { Department } from './department/department.entity';
import { DepartmentResolver } from './department/department.resolver';
import { Floor } from './floor/floor.entity';
import { FloorResolver } from './floor/floor.resolver';
import { HallResolver } from './hall/hall.resolver';
import { Matter } from './matter/matter.entity';
import { MatterResolver } from './matter/matter.resolver';
import { catalogMigrations } from './migrations';
import { Organization } from './organization/organization.entity';
import { OrganizationResolver } from './organization/organization.resolver';
import { isCatalogSeeded, seedCatalog } from './seed/seed';
import { Staff } from './staff/staff.entity';
import { StaffResolver } from './staff/staff.resolver';
import { Window } from './window/window.entity';
import { WindowResolver } from './window/window.resolver';

/**
 * The catalog subgraph: what the hall offers and who offers it. Departments, matters,
 * windows, floors, staff, stationed organisations and the working calendar.
 */
export const catalogSubgraph: SubgraphDefinition<CatalogLoaders> = {
  name: 'catalog',
  dbSchema: 'catalog',
  entities: [Floor, Department, Matter, Organization, Window, Staff, CalendarException],
  migrations: catalogMigrations,
  resolvers: [
    HallResolver,
    FloorResolver,
    DepartmentResolver,
    MatterResolver,
    WindowResolver,
    StaffResolver,
    OrganizationResolver,
    CalendarResolver,
  ],
  referenceResolvers: {
    Department: (reference, { loaders }) => loaders.departmentById.load(reference.id),
    Matter: (reference, { loaders }) => loaders.matterById.load(reference.id),
    Window: (reference, { loaders }) => loaders.windowById.load(reference.id),
    Staff: (reference, { loaders }) => loaders.staffById.load(reference.id),
    Organization: (reference, { loaders }) => loaders.organizationById.load(reference.id),
  },
  createLoaders: createCatalogLoaders,
  seed: seedCatalog,
  isSeeded: isCatalogSeeded,
};
