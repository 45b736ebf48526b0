import {
  addDays,
  SeededRandom,
  stableId,
  type CalendarException as CalendarExceptionData,
  type SeedContext,
} from '@hall/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CalendarException } from '../calendar/calendar-exception.entity';
import { Department, DepartmentPresence } from '../department/department.entity';
import { Floor } from '../floor/floor.entity';
import { Matter, MatterCategory, MatterKind, MatterStatus } from '../matter/matter.entity';
import { Organization, OrganizationKind } from '../organization/organization.entity';
import { Staff, StaffEmployer, StaffPosition } from '../staff/staff.entity';
import { Window, WindowKind } from '../window/window.entity';
import { HOLIDAY_ARRANGEMENTS } from './calendar.data';
import { DEPARTMENTS, type DepartmentSeed } from './departments.data';
import {
  BUREAU_WINDOWS,
  FLOORS,
  GIVEN_NAME_CHARACTERS,
  ORGANIZATIONS,
  STAFF_PLAN,
  SURNAMES,
} from './hall.data';
import { compressMatterLimits } from './matter-limits';

/** The hall opened on 2012-12-24; every run of the seed builds the same hall from this seed. */
export const CATALOG_SEED = 20121224;

/** The 2012 clean-up (清理规范) that abolished 14 approval and fee matters. */
export const CLEAN_UP = {
  cancelledMatters: 14,
  cancelledOn: '2012-06-30',
  reason: '2012年行政审批、公共服务和收费事项清理规范予以取消',
} as const;

export type Row<T> = Omit<T, 'createdAt' | 'updatedAt' | 'version'>;

export interface CatalogSeedPlan {
  floors: Row<Floor>[];
  departments: Row<Department>[];
  organizations: Row<Organization>[];
  windows: Row<Window>[];
  matters: Row<Matter>[];
  staff: Row<Staff>[];
  calendar: CalendarExceptionData[];
}

const LICENCE_ACTIONS = ['新办', '变更', '注销', '延续', '补证'] as const;

const COMMON_MATERIALS = [
  '申请人身份证明',
  '营业执照副本复印件',
  '法定代表人身份证明',
  '授权委托书及受托人身份证明（委托办理的）',
  '经营场所产权证明或租赁合同',
  '相关专业技术人员资格证明',
  '安全管理制度文本',
  '现场平面布置图',
];

type MatterDraft = Omit<Row<Matter>, 'id' | 'code' | 'departmentId'> & { base: string };

function draftMatters(department: DepartmentSeed, random: SeededRandom): MatterDraft[] {
  const pool: {
    name: string;
    base: string;
    role: 'new' | 'change' | 'renewal' | 'service' | 'fee';
  }[] = [
    ...department.licences.map((licence) => ({
      name: `${licence}（新办）`,
      base: licence,
      role: 'new' as const,
    })),
    ...department.fees.map((fee) => ({ name: `${fee}征收`, base: fee, role: 'fee' as const })),
    ...department.services.map((service) => ({
      name: service,
      base: service,
      role: 'service' as const,
    })),
    ...LICENCE_ACTIONS.slice(1).flatMap((action) =>
      department.licences.map((licence) => ({
        name: `${licence}（${action}）`,
        base: licence,
        role: action === '延续' ? ('renewal' as const) : ('change' as const),
      })),
    ),
  ];
  if (pool.length < department.matters) {
    throw new Error(`${department.code} has ${pool.length} matter names for ${department.matters}`);
  }
  return pool.slice(0, department.matters).map(({ name, base, role }) => {
    let kind: MatterKind;
    if (role === 'fee') kind = MatterKind.IMMEDIATE;
    else if (role === 'service')
      kind = random.chance(0.55) ? MatterKind.IMMEDIATE : MatterKind.PROMISED;
    else if (role === 'new') {
      kind =
        department.surveys && random.chance(0.25)
          ? MatterKind.JOINT
          : random.chance(0.1)
            ? MatterKind.REPORTED
            : MatterKind.PROMISED;
    } else if (role === 'renewal') kind = MatterKind.PROMISED;
    else kind = random.chance(0.5) ? MatterKind.IMMEDIATE : MatterKind.PROMISED;

    const category =
      role === 'fee'
        ? MatterCategory.FEE
        : role === 'service'
          ? MatterCategory.SERVICE
          : MatterCategory.APPROVAL;
    const statutoryLimitDays =
      kind === MatterKind.JOINT
        ? 45
        : kind === MatterKind.REPORTED
          ? 20
          : category === MatterCategory.APPROVAL
            ? random.pick([20, 20, 20, 15, 30, 10])
            : random.pick([10, 15, 20]);

    let feeFen = 0;
    let feeStandard: string | null = null;
    if (category === MatterCategory.FEE) {
      feeFen = random.pick([500, 1000, 2000, 5000, 10000, 20000, 50000]);
      feeStandard = `按鲁价费发〔2011〕${random.int(10, 120)}号规定标准的最低限收取`;
    } else if (role === 'new' && random.chance(0.2)) {
      feeFen = 1000;
      feeStandard = '证照工本费，按国家规定标准收取';
    }
    const materials = [
      `《${base}申请表》`,
      ...random.shuffle(COMMON_MATERIALS).slice(0, random.int(2, 5)),
    ];
    return {
      base,
      name,
      kind,
      category,
      statutoryLimitDays,
      // Limits are set by compressMatterLimits once all matters are drafted.
      promisedLimitDays: kind === MatterKind.IMMEDIATE ? 0 : statutoryLimitDays,
      feeFen,
      feeStandard,
      requiredMaterials: materials,
      siteSurvey:
        role === 'new' && department.surveys && (kind === MatterKind.JOINT || random.chance(0.5)),
      legalBasis:
        category === MatterCategory.FEE
          ? `《${department.law}》及省物价、财政部门收费标准文件`
          : `《${department.law}》第${random.int(8, 60)}条`,
      status: MatterStatus.ACTIVE,
      cancelledOn: null,
      cancellationReason: null,
    };
  });
}

function personName(random: SeededRandom): string {
  const given = random.chance(0.7)
    ? random.pick(GIVEN_NAME_CHARACTERS) + random.pick(GIVEN_NAME_CHARACTERS)
    : random.pick(GIVEN_NAME_CHARACTERS);
  return random.pick(SURNAMES) + given;
}

function windowRow(
  floor: 1 | 2,
  sequence: number,
  fields: Pick<Row<Window>, 'label' | 'kind'> & Partial<Row<Window>>,
): Row<Window> {
  const code = `${floor}F-${String(sequence).padStart(3, '0')}`;
  return {
    id: stableId('window', code),
    code,
    floorNumber: floor,
    departmentId: null,
    organizationId: null,
    extendedHours: false,
    active: true,
    ...fields,
  };
}

/**
 * The whole default catalog as plain rows, built without a database: the same rows on
 * every run. The figures of DOMAIN.md's table follow from the data files and this plan.
 */
export function buildCatalogSeed(): CatalogSeedPlan {
  const random = new SeededRandom(CATALOG_SEED);

  const departments: Row<Department>[] = DEPARTMENTS.map((seed, index) => ({
    id: stableId('department', seed.code),
    code: seed.code,
    name: seed.name,
    shortName: seed.shortName,
    nameEn: seed.nameEn,
    presence: seed.presence === 'STAFFED' ? DepartmentPresence.STAFFED : DepartmentPresence.PROXIED,
    floorNumber: seed.floor,
    sortOrder: index + 1,
  }));

  const organizations: Row<Organization>[] = ORGANIZATIONS.map((seed) => ({
    id: stableId('organization', seed.code),
    code: seed.code,
    name: seed.name,
    kind: OrganizationKind[seed.kind],
    services: seed.services,
  }));

  // Matters: drafted per department, limits compressed over the whole hall, 14 cancelled.
  const drafts = DEPARTMENTS.flatMap((seed) =>
    draftMatters(seed, random).map((draft, index) => ({
      ...draft,
      departmentId: stableId('department', seed.code),
      code: `${seed.code}-${String(index + 1).padStart(3, '0')}`,
    })),
  );
  const cancellable = random.shuffle(
    drafts.filter((draft) => draft.category !== MatterCategory.SERVICE),
  );
  for (const draft of cancellable.slice(0, CLEAN_UP.cancelledMatters)) {
    draft.status = MatterStatus.CANCELLED;
    draft.cancelledOn = CLEAN_UP.cancelledOn;
    draft.cancellationReason = CLEAN_UP.reason;
  }
  compressMatterLimits(drafts, random);
  const matters: Row<Matter>[] = drafts.map(({ base: _base, ...draft }) => ({
    ...draft,
    id: stableId('matter', draft.code),
  }));

  // Windows: floor 1 then floor 2, numbered in walking order.
  const windows: Row<Window>[] = [];
  const staff: Row<Staff>[] = [];
  const addStaff = (fields: Omit<Row<Staff>, 'id' | 'staffNo' | 'name' | 'active'>) => {
    const staffNo = `HY${String(staff.length + 1).padStart(4, '0')}`;
    staff.push({
      id: stableId('staff', staffNo),
      staffNo,
      name: personName(random),
      active: true,
      ...fields,
    });
  };
  const bureau = {
    employer: StaffEmployer.SERVICE_BUREAU,
    departmentId: null,
    organizationId: null,
  };
  let floor1 = 0;
  let floor2 = 0;

  for (let n = 1; n <= BUREAU_WINDOWS.unifiedAcceptance; n++) {
    const window = windowRow(1, ++floor1, {
      label: `统一受理平台 ${n}号窗`,
      kind: WindowKind.UNIFIED_ACCEPTANCE,
      extendedHours: n <= 2,
    });
    windows.push(window);
    addStaff({ ...bureau, position: StaffPosition.ACCEPTANCE_CLERK, windowId: window.id });
  }
  for (const desk of BUREAU_WINDOWS.serviceDesks) {
    const window = windowRow(1, ++floor1, { label: desk, kind: WindowKind.SERVICE_DESK });
    windows.push(window);
    addStaff({ ...bureau, position: StaffPosition.SERVICE_DESK_CLERK, windowId: window.id });
  }

  const departmentWindows = (seed: DepartmentSeed, floor: 1 | 2, staffed: number) => {
    const departmentId = stableId('department', seed.code);
    for (let n = 1; n <= seed.windows; n++) {
      const sequence = floor === 1 ? ++floor1 : ++floor2;
      const window = windowRow(floor, sequence, {
        label: `${seed.shortName} ${n}号窗`,
        kind: WindowKind.DEPARTMENT,
        departmentId,
        extendedHours: n === 1 && seed.windows >= 8,
      });
      windows.push(window);
      if (n <= staffed) {
        addStaff({
          employer: StaffEmployer.DEPARTMENT,
          departmentId,
          organizationId: null,
          position: n === 1 ? StaffPosition.CHIEF_REPRESENTATIVE : StaffPosition.WINDOW_CLERK,
          windowId: window.id,
        });
      }
    }
  };

  const [humanResources, ...others] = DEPARTMENTS;
  if (!humanResources || humanResources.floor !== 1) throw new Error('D01 must be on floor 1');
  departmentWindows(humanResources, 1, STAFF_PLAN.humanResourcesStaff);

  for (const seed of ORGANIZATIONS) {
    const organizationId = stableId('organization', seed.code);
    const kind = WindowKind[seed.kind];
    for (let n = 1; n <= seed.windows; n++) {
      const window = windowRow(1, ++floor1, {
        label: seed.windows > 1 ? `${seed.name} ${n}号柜台` : seed.name,
        kind,
        organizationId,
      });
      windows.push(window);
      if (n <= seed.staff) {
        addStaff({
          employer: StaffEmployer.ORGANIZATION,
          departmentId: null,
          organizationId,
          position: StaffPosition.PARTNER_CLERK,
          windowId: window.id,
        });
      }
    }
  }

  for (const seed of others.filter((department) => department.presence === 'STAFFED')) {
    departmentWindows(seed, 2, seed.windows);
  }
  const comprehensive = windowRow(2, ++floor2, {
    label: '综合窗口（行政服务局代办）',
    kind: WindowKind.COMPREHENSIVE,
    extendedHours: true,
  });
  windows.push(comprehensive);
  for (let n = 0; n < STAFF_PLAN.proxyClerks; n++) {
    addStaff({ ...bureau, position: StaffPosition.PROXY_CLERK, windowId: comprehensive.id });
  }
  for (let n = 0; n < STAFF_PLAN.supervisionOfficers; n++) {
    addStaff({ ...bureau, position: StaffPosition.SUPERVISION_OFFICER, windowId: null });
  }
  for (let n = 0; n < STAFF_PLAN.bureauOfficers; n++) {
    addStaff({ ...bureau, position: StaffPosition.BUREAU_OFFICER, windowId: null });
  }

  const calendar: CalendarExceptionData[] = HOLIDAY_ARRANGEMENTS.flatMap(
    ({ name, from, to, makeUpDays }) => {
      const days: CalendarExceptionData[] = [];
      for (let date = from; date <= to; date = addDays(date, 1)) {
        days.push({ date, kind: 'HOLIDAY', name });
      }
      return [
        ...days,
        ...makeUpDays.map((date) => ({ date, kind: 'MAKEUP_WORKDAY' as const, name })),
      ];
    },
  );

  return {
    floors: FLOORS.map((floor) => ({ ...floor })),
    departments,
    organizations,
    windows,
    matters,
    staff,
    calendar,
  };
}

export async function isCatalogSeeded(em: EntityManager): Promise<boolean> {
  return (await em.count(Department)) > 0;
}

export async function seedCatalog(em: EntityManager, { log }: SeedContext): Promise<void> {
  const plan = buildCatalogSeed();
  for (const row of plan.floors) em.create(Floor, row);
  for (const row of plan.departments) em.create(Department, row);
  for (const row of plan.organizations) em.create(Organization, row);
  for (const row of plan.windows) em.create(Window, row);
  for (const row of plan.matters) em.create(Matter, row);
  for (const row of plan.staff) em.create(Staff, row);
  for (const row of plan.calendar) em.create(CalendarException, row);
  await em.flush();
  log.info(
    {
      departments: plan.departments.length,
      matters: plan.matters.length,
      windows: plan.windows.length,
      staff: plan.staff.length,
      calendarExceptions: plan.calendar.length,
    },
    'catalog seeded',
  );
}
