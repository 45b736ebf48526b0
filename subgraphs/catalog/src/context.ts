import { byIdLoader, groupLoader, WorkingCalendar, type HallContext } from '@hall/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { CalendarException } from './calendar/calendar-exception.entity';
import { Department, DepartmentPresence } from './department/department.entity';
import { Floor } from './floor/floor.entity';
import { Matter, MatterStatus } from './matter/matter.entity';
import { Organization } from './organization/organization.entity';
import { Staff } from './staff/staff.entity';
import { Window, WindowKind } from './window/window.entity';

/**
 * The catalog's per-request loaders. Every reference and every list field goes through one
 * of these, so a query costs one statement per kind of thing it touches, not one per row.
 */
export interface CatalogLoaders {
  departmentById: DataLoader<string, Department | null>;
  matterById: DataLoader<string, Matter | null>;
  windowById: DataLoader<string, Window | null>;
  staffById: DataLoader<string, Staff | null>;
  organizationById: DataLoader<string, Organization | null>;
  /** The three floors, bottom up, read once per request. */
  floors(): Promise<Floor[]>;
  floorByNumber: DataLoader<number, Floor | null>;
  activeMattersByDepartment: DataLoader<string, Matter[]>;
  windowsByDepartment: DataLoader<string, Window[]>;
  windowsByOrganization: DataLoader<string, Window[]>;
  windowsByFloor: DataLoader<number, Window[]>;
  staffByDepartment: DataLoader<string, Staff[]>;
  staffByWindow: DataLoader<string, Staff[]>;
  /** The departments served by proxy at the comprehensive window, in board order. */
  proxiedDepartments(): Promise<Department[]>;
  /** The comprehensive window(s), which serve every proxied department. */
  comprehensiveWindows(): Promise<Window[]>;
  /** The working calendar, read once per request. */
  calendar(): Promise<WorkingCalendar>;
}

export type CatalogContext = HallContext<CatalogLoaders>;

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => (pending ??= load());
}

export function createCatalogLoaders(em: EntityManager): CatalogLoaders {
  const floors = once(() => em.find(Floor, {}, { orderBy: { number: 'asc' } }));
  return {
    departmentById: byIdLoader(em, Department),
    matterById: byIdLoader(em, Matter),
    windowById: byIdLoader(em, Window),
    staffById: byIdLoader(em, Staff),
    organizationById: byIdLoader(em, Organization),
    floors,
    floorByNumber: new DataLoader(async (numbers) => {
      const all = await floors();
      return numbers.map((n) => all.find((floor) => floor.number === n) ?? null);
    }),
    activeMattersByDepartment: groupLoader(em, Matter, 'departmentId', {
      where: { status: MatterStatus.ACTIVE },
      orderBy: { code: 'asc' },
    }),
    windowsByDepartment: groupLoader(em, Window, 'departmentId', { orderBy: { code: 'asc' } }),
    windowsByOrganization: groupLoader(em, Window, 'organizationId', { orderBy: { code: 'asc' } }),
    windowsByFloor: new DataLoader(async (numbers) => {
      const windows = await em.find(
        Window,
        { floorNumber: { $in: [...numbers] } },
        { orderBy: { code: 'asc' } },
      );
      return numbers.map((n) => windows.filter((window) => window.floorNumber === n));
    }),
    staffByDepartment: groupLoader(em, Staff, 'departmentId', { orderBy: { staffNo: 'asc' } }),
    staffByWindow: groupLoader(em, Staff, 'windowId', { orderBy: { staffNo: 'asc' } }),
    proxiedDepartments: once(() =>
      em.find(
        Department,
        { presence: DepartmentPresence.PROXIED },
        { orderBy: { sortOrder: 'asc' } },
      ),
    ),
    comprehensiveWindows: once(() =>
      em.find(Window, { kind: WindowKind.COMPREHENSIVE }, { orderBy: { code: 'asc' } }),
    ),
    calendar: once(async () => new WorkingCalendar(await em.find(CalendarException, {}))),
  };
}
