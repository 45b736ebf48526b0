import {
  badUserInput,
  checkPageArgs,
  checkText,
  conflict,
  connectionOf,
  hallDateOf,
  containsPattern,
  loadOrFail,
  PageArgs,
  parseId,
  stableId,
  toConnection,
  type HallContext,
} from '@hall/kit';
import type { FilterQuery } from '@mikro-orm/core';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  Float,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { announceCatalogChange } from '../catalog-changes';
import type { CatalogContext } from '../context';
import { Department } from '../department/department.entity';
import { checkServiceFloor } from '../floor/floor.rules';
import { Matter, MatterStatus } from './matter.entity';
import { CreateMatterInput, MatterFilter, UpdateMatterInput } from './matter.input';
import { checkMatterTerms, compressionOf } from './matter.rules';

export const MatterConnection = connectionOf(Matter);

const MAX_MATERIALS = 40;

function checkMaterials(materials: string[], field: string): string[] {
  if (materials.length === 0 || materials.length > MAX_MATERIALS) {
    throw badUserInput(`${field} must list 1 to ${MAX_MATERIALS} materials`, { field });
  }
  return materials.map((material, index) => checkText(material, `${field}[${index}]`, 200));
}

async function departmentsOnFloor(em: HallContext<unknown>['em'], floor: number) {
  const departments = await em.find(Department, { floorNumber: floor }, { fields: ['id'] });
  return departments.map((department) => department.id);
}

@Resolver(() => Matter)
export class MatterResolver {
  @Query(() => MatterConnection, { description: 'Matters by code, filtered.' })
  async matters(
    @Args() page: PageArgs,
    @Arg('filter', () => MatterFilter, { nullable: true }) filter: MatterFilter | null,
    @Ctx() { em }: CatalogContext,
  ) {
    const where: FilterQuery<Matter> = {};
    const status = filter ? filter.status : MatterStatus.ACTIVE;
    if (status) where.status = status;
    if (filter?.departmentId)
      where.departmentId = parseId(filter.departmentId, 'filter.departmentId');
    if (filter?.kind) where.kind = filter.kind;
    if (filter?.category) where.category = filter.category;
    if (filter?.siteSurvey != null) where.siteSurvey = filter.siteSurvey;
    if (filter?.search?.trim()) {
      const pattern = containsPattern(filter.search);
      where.$or = [{ name: { $ilike: pattern } }, { code: { $ilike: pattern } }];
    }
    if (filter?.floor != null) {
      const onFloor = await departmentsOnFloor(em, checkServiceFloor(filter.floor, 'filter.floor'));
      where.departmentId = where.departmentId
        ? onFloor.includes(where.departmentId as string)
          ? where.departmentId
          : { $in: [] }
        : { $in: onFloor };
    }
    const cursor = await em.findByCursor(Matter, where, {
      ...checkPageArgs(page),
      orderBy: { code: 'asc' },
    });
    return toConnection(cursor);
  }

  @Query(() => Matter)
  matter(@Arg('id', () => ID) id: string, @Ctx() { loaders }: CatalogContext) {
    return loadOrFail(loaders.matterById, 'Matter', id);
  }

  @FieldResolver(() => Department)
  async department(@Root() matter: Matter, @Ctx() { loaders }: CatalogContext) {
    return loaders.departmentById.load(matter.departmentId);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'How much shorter the promised limit is than the statutory one (0.45 = 45%); null for immediate matters.',
  })
  compression(@Root() matter: Matter) {
    return compressionOf(matter);
  }

  @Authorized('SERVICE_BUREAU_ADMIN')
  @Mutation(() => Matter, { description: 'Adds a matter to a department’s list.' })
  async createMatter(
    @Arg('input', () => CreateMatterInput) input: CreateMatterInput,
    @Ctx() { em, loaders }: CatalogContext,
  ) {
    const department = await loadOrFail(
      loaders.departmentById,
      'Department',
      input.departmentId,
      'input.departmentId',
    );
    checkMatterTerms(input);
    const sequence = (await em.count(Matter, { departmentId: department.id })) + 1;
    const code = `${department.code}-${String(sequence).padStart(3, '0')}`;
    const matter = em.create(Matter, {
      id: stableId('matter', code),
      code,
      name: checkText(input.name, 'input.name', 200),
      departmentId: department.id,
      kind: input.kind,
      category: input.category,
      statutoryLimitDays: input.statutoryLimitDays,
      promisedLimitDays: input.promisedLimitDays,
      feeFen: input.feeFen,
      feeStandard: input.feeStandard?.trim() || null,
      requiredMaterials: checkMaterials(input.requiredMaterials, 'input.requiredMaterials'),
      siteSurvey: input.siteSurvey,
      legalBasis: checkText(input.legalBasis, 'input.legalBasis', 500),
      status: MatterStatus.ACTIVE,
    });
    await em.flush();
    return matter;
  }

  @Authorized('SERVICE_BUREAU_ADMIN')
  @Mutation(() => Matter, { description: 'Changes a matter’s terms; limits are checked again.' })
  async updateMatter(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateMatterInput) input: UpdateMatterInput,
    @Ctx() { em, loaders }: CatalogContext,
  ) {
    const matter = await loadOrFail(loaders.matterById, 'Matter', id);
    if (input.expectedVersion != null && input.expectedVersion !== matter.version) {
      throw conflict(
        `Matter ${matter.code} changed since version ${input.expectedVersion}; it is at ${matter.version}`,
      );
    }
    if (matter.status === MatterStatus.CANCELLED) {
      throw conflict(`Matter ${matter.code} is cancelled and can no longer change`);
    }
    const terms = {
      kind: input.kind ?? matter.kind,
      category: input.category ?? matter.category,
      statutoryLimitDays: input.statutoryLimitDays ?? matter.statutoryLimitDays,
      promisedLimitDays: input.promisedLimitDays ?? matter.promisedLimitDays,
      feeFen: input.feeFen ?? matter.feeFen,
      feeStandard: input.feeStandard !== undefined ? input.feeStandard : matter.feeStandard,
    };
    checkMatterTerms(terms);
    em.assign(matter, {
      ...terms,
      feeStandard: terms.feeStandard?.trim() || null,
      ...(input.name != null && { name: checkText(input.name, 'input.name', 200) }),
      ...(input.requiredMaterials != null && {
        requiredMaterials: checkMaterials(input.requiredMaterials, 'input.requiredMaterials'),
      }),
      ...(input.siteSurvey != null && { siteSurvey: input.siteSurvey }),
      ...(input.legalBasis != null && {
        legalBasis: checkText(input.legalBasis, 'input.legalBasis', 500),
      }),
    });
    await em.flush();
    await announceCatalogChange(em, 'matter');
    return matter;
  }

  @Authorized('SERVICE_BUREAU_ADMIN')
  @Mutation(() => Matter, {
    description: 'Abolishes a matter (取消). It stays readable, with the date and reason.',
  })
  async cancelMatter(
    @Arg('id', () => ID) id: string,
    @Arg('reason') reason: string,
    @Arg('effectiveOn', () => LocalDateResolver, { nullable: true }) effectiveOn: string | null,
    @Ctx() { em, loaders, clock }: CatalogContext,
  ) {
    const matter = await loadOrFail(loaders.matterById, 'Matter', id);
    if (matter.status === MatterStatus.CANCELLED) {
      throw conflict(`Matter ${matter.code} was cancelled on ${matter.cancelledOn}`);
    }
    matter.status = MatterStatus.CANCELLED;
    matter.cancelledOn = effectiveOn ?? hallDateOf(clock.now());
    matter.cancellationReason = checkText(reason, 'reason', 500);
    await em.flush();
    await announceCatalogChange(em, 'matter');
    return matter;
  }
}
