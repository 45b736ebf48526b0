import {
  badUserInput,
  checkPageArgs,
  checkText,
  conflict,
  connectionOf,
  containsPattern,
  loadOrFail,
  PageArgs,
  parseId,
  stableId,
  toConnection,
} from '@hall/kit';
import type { FilterQuery } from '@mikro-orm/core';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { announceCatalogChange } from '../catalog-changes';
import type { CatalogContext } from '../context';
import { Department, DepartmentPresence } from '../department/department.entity';
import { Floor } from '../floor/floor.entity';
import { checkServiceFloor } from '../floor/floor.rules';
import { Organization } from '../organization/organization.entity';
import { Staff } from '../staff/staff.entity';
import { Window, WindowKind } from './window.entity';
import { CreateWindowInput, UpdateWindowInput, WindowFilter } from './window.input';
import { checkWindowOwner } from './window.rules';

export const WindowConnection = connectionOf(Window);

@Resolver(() => Window)
export class WindowResolver {
  @Query(() => WindowConnection, { description: 'Windows by code, filtered.' })
  async windows(
    @Args() page: PageArgs,
    @Arg('filter', () => WindowFilter, { nullable: true }) filter: WindowFilter | null,
    @Ctx() { em }: CatalogContext,
  ) {
    const where: FilterQuery<Window> = {};
    if (filter?.floor != null) where.floorNumber = filter.floor;
    if (filter?.kind) where.kind = filter.kind;
    if (filter?.departmentId)
      where.departmentId = parseId(filter.departmentId, 'filter.departmentId');
    if (filter?.active != null) where.active = filter.active;
    if (filter?.search?.trim()) {
      const pattern = containsPattern(filter.search);
      where.$or = [{ label: { $ilike: pattern } }, { code: { $ilike: pattern } }];
    }
    const cursor = await em.findByCursor(Window, where, {
      ...checkPageArgs(page),
      orderBy: { code: 'asc' },
    });
    return toConnection(cursor);
  }

  @Query(() => Window)
  window(@Arg('id', () => ID) id: string, @Ctx() { loaders }: CatalogContext) {
    return loadOrFail(loaders.windowById, 'Window', id);
  }

  @FieldResolver(() => Floor)
  floor(@Root() window: Window, @Ctx() { loaders }: CatalogContext) {
    return loaders.floorByNumber.load(window.floorNumber);
  }

  @FieldResolver(() => Department, { nullable: true, description: 'Set for department windows.' })
  department(@Root() window: Window, @Ctx() { loaders }: CatalogContext) {
    return window.departmentId ? loaders.departmentById.load(window.departmentId) : null;
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'Set for agency, bank and business center windows.',
  })
  organization(@Root() window: Window, @Ctx() { loaders }: CatalogContext) {
    return window.organizationId ? loaders.organizationById.load(window.organizationId) : null;
  }

  @FieldResolver(() => [Department], {
    description: 'For the comprehensive window: the departments whose matters it handles by proxy.',
  })
  async proxiedDepartments(@Root() window: Window, @Ctx() { loaders }: CatalogContext) {
    return window.kind === WindowKind.COMPREHENSIVE ? loaders.proxiedDepartments() : [];
  }

  @FieldResolver(() => [Staff], { description: 'Who usually sits at this window.' })
  staff(@Root() window: Window, @Ctx() { loaders }: CatalogContext) {
    return loaders.staffByWindow.load(window.id);
  }

  @Authorized('SERVICE_BUREAU_ADMIN')
  @Mutation(() => Window, { description: 'Opens a new window in the hall.' })
  async createWindow(
    @Arg('input', () => CreateWindowInput) input: CreateWindowInput,
    @Ctx() { em, loaders }: CatalogContext,
  ) {
    const code = checkText(input.code, 'input.code', 16).toUpperCase();
    if ((await em.count(Window, { code })) > 0) {
      throw conflict(`Window ${code} exists already`, { field: 'input.code' });
    }
    const department = input.departmentId
      ? await loadOrFail(
          loaders.departmentById,
          'Department',
          input.departmentId,
          'input.departmentId',
        )
      : undefined;
    const organization = input.organizationId
      ? await loadOrFail(
          loaders.organizationById,
          'Organization',
          input.organizationId,
          'input.organizationId',
        )
      : undefined;
    checkWindowOwner(input.kind, {
      departmentId: department?.id,
      organizationKind: organization?.kind,
    });
    if (department?.presence === DepartmentPresence.PROXIED) {
      throw badUserInput(
        `${department.name} is served at the comprehensive window; make it STAFFED first`,
        { field: 'input.departmentId' },
      );
    }
    const window = em.create(Window, {
      id: stableId('window', code),
      code,
      label: checkText(input.label, 'input.label', 100),
      kind: input.kind,
      floorNumber: checkServiceFloor(input.floor, 'input.floor'),
      departmentId: department?.id ?? null,
      organizationId: organization?.id ?? null,
      extendedHours: input.extendedHours,
      active: true,
    });
    await em.flush();
    await announceCatalogChange(em, 'window');
    return window;
  }

  @Authorized('SERVICE_BUREAU_ADMIN')
  @Mutation(() => Window)
  async updateWindow(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateWindowInput) input: UpdateWindowInput,
    @Ctx() { em, loaders }: CatalogContext,
  ) {
    const window = await loadOrFail(loaders.windowById, 'Window', id);
    if (input.label != null) window.label = checkText(input.label, 'input.label', 100);
    if (input.extendedHours != null) window.extendedHours = input.extendedHours;
    if (input.active != null) window.active = input.active;
    await em.flush();
    await announceCatalogChange(em, 'window');
    return window;
  }
}
