import {
  checkPageArgs,
  checkText,
  conflict,
  connectionOf,
  containsPattern,
  loadOrFail,
  PageArgs,
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
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { CatalogContext } from '../context';
import { Floor } from '../floor/floor.entity';
import { checkServiceFloor } from '../floor/floor.rules';
import { Matter } from '../matter/matter.entity';
import { Staff } from '../staff/staff.entity';
import { Window } from '../window/window.entity';
import { Department, DepartmentPresence } from './department.entity';
import { CreateDepartmentInput, DepartmentFilter, UpdateDepartmentInput } from './department.input';

export const DepartmentConnection = connectionOf(Department);

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => DepartmentConnection, { description: 'Departments in board order.' })
  async departments(
    @Args() page: PageArgs,
    @Arg('filter', () => DepartmentFilter, { nullable: true }) filter: DepartmentFilter | null,
    @Ctx() { em }: CatalogContext,
  ) {
    const where: FilterQuery<Department> = {};
    if (filter?.presence) where.presence = filter.presence;
    if (filter?.floor != null) where.floorNumber = filter.floor;
    if (filter?.search?.trim()) {
      const pattern = containsPattern(filter.search);
      where.$or = [{ name: { $ilike: pattern } }, { shortName: { $ilike: pattern } }];
    }
    const cursor = await em.findByCursor(Department, where, {
      ...checkPageArgs(page),
      orderBy: { sortOrder: 'asc', id: 'asc' },
    });
    return toConnection(cursor);
  }

  @Query(() => Department)
  department(@Arg('id', () => ID) id: string, @Ctx() { loaders }: CatalogContext) {
    return loadOrFail(loaders.departmentById, 'Department', id);
  }

  @FieldResolver(() => Floor)
  floor(@Root() department: Department, @Ctx() { loaders }: CatalogContext) {
    return loaders.floorByNumber.load(department.floorNumber);
  }

  @FieldResolver(() => [Matter], { description: 'Its active matters, by code.' })
  matters(@Root() department: Department, @Ctx() { loaders }: CatalogContext) {
    return loaders.activeMattersByDepartment.load(department.id);
  }

  @FieldResolver(() => Int, { description: 'How many active matters it has in the hall.' })
  async matterCount(@Root() department: Department, @Ctx() { loaders }: CatalogContext) {
    return (await loaders.activeMattersByDepartment.load(department.id)).length;
  }

  @FieldResolver(() => [Window], {
    description: 'Where it is served: its own windows, or the comprehensive window when proxied.',
  })
  windows(@Root() department: Department, @Ctx() { loaders }: CatalogContext) {
    return department.presence === DepartmentPresence.PROXIED
      ? loaders.comprehensiveWindows()
      : loaders.windowsByDepartment.load(department.id);
  }

  @FieldResolver(() => [Staff], { description: 'Its own staff in the hall.' })
  staff(@Root() department: Department, @Ctx() { loaders }: CatalogContext) {
    return loaders.staffByDepartment.load(department.id);
  }

  @Authorized('SERVICE_BUREAU_ADMIN')
  @Mutation(() => Department, { description: 'Admits a department to the hall.' })
  async createDepartment(
    @Arg('input', () => CreateDepartmentInput) input: CreateDepartmentInput,
    @Ctx() { em }: CatalogContext,
  ) {
    const code = checkText(input.code, 'input.code', 16).toUpperCase();
    if ((await em.count(Department, { code })) > 0) {
      throw conflict(`A department with code ${code} exists already`, { field: 'input.code' });
    }
    const department = em.create(Department, {
      id: stableId('department', code),
      code,
      name: checkText(input.name, 'input.name', 100),
      shortName: checkText(input.shortName, 'input.shortName', 40),
      nameEn: checkText(input.nameEn, 'input.nameEn', 150),
      presence: input.presence,
      floorNumber: checkServiceFloor(input.floor, 'input.floor'),
      sortOrder: (await em.count(Department)) + 1,
    });
    await em.flush();
    return department;
  }

  @Authorized('SERVICE_BUREAU_ADMIN')
  @Mutation(() => Department)
  async updateDepartment(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateDepartmentInput) input: UpdateDepartmentInput,
    @Ctx() { em, loaders }: CatalogContext,
  ) {
    const department = await loadOrFail(loaders.departmentById, 'Department', id);
    if (input.name != null) department.name = checkText(input.name, 'input.name', 100);
    if (input.shortName != null) {
      department.shortName = checkText(input.shortName, 'input.shortName', 40);
    }
    if (input.nameEn != null) department.nameEn = checkText(input.nameEn, 'input.nameEn', 150);
    if (input.presence != null) department.presence = input.presence;
    if (input.floor != null) department.floorNumber = checkServiceFloor(input.floor, 'input.floor');
    await em.flush();
    return department;
  }
}
