import {
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
import type { CatalogContext } from '../context';
import { Department } from '../department/department.entity';
import { Organization } from '../organization/organization.entity';
import { Window } from '../window/window.entity';
import { Staff } from './staff.entity';
import { CreateStaffInput, StaffFilter, UpdateStaffInput } from './staff.input';
import { checkStaffPlacement } from './staff.rules';

export const StaffConnection = connectionOf(Staff);

@Resolver(() => Staff)
export class StaffResolver {
  @Query(() => StaffConnection, { description: 'People working in the hall, by staff number.' })
  async staffMembers(
    @Args() page: PageArgs,
    @Arg('filter', () => StaffFilter, { nullable: true }) filter: StaffFilter | null,
    @Ctx() { em }: CatalogContext,
  ) {
    const where: FilterQuery<Staff> = {};
    if (filter?.departmentId)
      where.departmentId = parseId(filter.departmentId, 'filter.departmentId');
    if (filter?.windowId) where.windowId = parseId(filter.windowId, 'filter.windowId');
    if (filter?.position) where.position = filter.position;
    if (filter?.search?.trim()) {
      const pattern = containsPattern(filter.search);
      where.$or = [{ name: { $ilike: pattern } }, { staffNo: { $ilike: pattern } }];
    }
    const cursor = await em.findByCursor(Staff, where, {
      ...checkPageArgs(page),
      orderBy: { staffNo: 'asc' },
    });
    return toConnection(cursor);
  }

  @Query(() => Staff)
  staffMember(@Arg('id', () => ID) id: string, @Ctx() { loaders }: CatalogContext) {
    return loadOrFail(loaders.staffById, 'Staff', id);
  }

  @FieldResolver(() => Department, { nullable: true })
  department(@Root() staff: Staff, @Ctx() { loaders }: CatalogContext) {
    return staff.departmentId ? loaders.departmentById.load(staff.departmentId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true })
  organization(@Root() staff: Staff, @Ctx() { loaders }: CatalogContext) {
    return staff.organizationId ? loaders.organizationById.load(staff.organizationId) : null;
  }

  @FieldResolver(() => Window, { nullable: true })
  window(@Root() staff: Staff, @Ctx() { loaders }: CatalogContext) {
    return staff.windowId ? loaders.windowById.load(staff.windowId) : null;
  }

  @Authorized('SERVICE_BUREAU_ADMIN')
  @Mutation(() => Staff, { description: 'Registers a person working in the hall.' })
  async createStaff(
    @Arg('input', () => CreateStaffInput) input: CreateStaffInput,
    @Ctx() { em, loaders }: CatalogContext,
  ) {
    const staffNo = checkText(input.staffNo, 'input.staffNo', 16).toUpperCase();
    if ((await em.count(Staff, { staffNo })) > 0) {
      throw conflict(`Staff number ${staffNo} is taken`, { field: 'input.staffNo' });
    }
    const departmentId = input.departmentId
      ? (
          await loadOrFail(
            loaders.departmentById,
            'Department',
            input.departmentId,
            'input.departmentId',
          )
        ).id
      : null;
    const organizationId = input.organizationId
      ? (
          await loadOrFail(
            loaders.organizationById,
            'Organization',
            input.organizationId,
            'input.organizationId',
          )
        ).id
      : null;
    const window = input.windowId
      ? await loadOrFail(loaders.windowById, 'Window', input.windowId, 'input.windowId')
      : null;
    checkStaffPlacement(input.employer, departmentId, organizationId, window);
    const staff = em.create(Staff, {
      id: stableId('staff', staffNo),
      staffNo,
      name: checkText(input.name, 'input.name', 40),
      position: input.position,
      employer: input.employer,
      departmentId,
      organizationId,
      windowId: window?.id ?? null,
      active: true,
    });
    await em.flush();
    return staff;
  }

  @Authorized('SERVICE_BUREAU_ADMIN')
  @Mutation(() => Staff, { description: 'Renames, moves or retires a person.' })
  async updateStaff(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateStaffInput) input: UpdateStaffInput,
    @Ctx() { em, loaders }: CatalogContext,
  ) {
    const staff = await loadOrFail(loaders.staffById, 'Staff', id);
    if (input.name != null) staff.name = checkText(input.name, 'input.name', 40);
    if (input.position != null) staff.position = input.position;
    if (input.active != null) staff.active = input.active;
    if (input.clearWindow) {
      staff.windowId = null;
    } else if (input.windowId != null) {
      const window = await loadOrFail(
        loaders.windowById,
        'Window',
        input.windowId,
        'input.windowId',
      );
      checkStaffPlacement(staff.employer, staff.departmentId, staff.organizationId, window);
      staff.windowId = window.id;
    }
    await em.flush();
    return staff;
  }
}
