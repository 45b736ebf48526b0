import { loadOrFail } from '@hall/kit';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { CatalogContext } from '../context';
import { Window } from '../window/window.entity';
import { Organization, OrganizationKind } from './organization.entity';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => [Organization], {
    description: 'Agencies, banks and the business center stationed in the hall.',
  })
  organizations(
    @Arg('kind', () => OrganizationKind, { nullable: true }) kind: OrganizationKind | null,
    @Ctx() { em }: CatalogContext,
  ) {
    return em.find(Organization, kind ? { kind } : {}, { orderBy: { code: 'asc' } });
  }

  @Query(() => Organization)
  organization(@Arg('id', () => ID) id: string, @Ctx() { loaders }: CatalogContext) {
    return loadOrFail(loaders.organizationById, 'Organization', id);
  }

  @FieldResolver(() => [Window])
  windows(@Root() organization: Organization, @Ctx() { loaders }: CatalogContext) {
    return loaders.windowsByOrganization.load(organization.id);
  }
}
