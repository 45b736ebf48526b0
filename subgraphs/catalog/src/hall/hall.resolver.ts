import { Ctx, FieldResolver, Int, Query, Resolver } from 'type-graphql';
import { Floor } from '../floor/floor.entity';
import type { CatalogContext } from '../context';
import { Hall, HallFigures } from './hall.types';

/** The hall itself; the operator's settings, not rows an admin maintains. */
export const HALL = {
  name: '海阳市政务服务中心',
  openedOn: '2012-12-24',
} as const;

interface FiguresRow {
  departments: number;
  staffed_departments: number;
  proxied_departments: number;
  active_matters: number;
  cancelled_matters: number;
  windows: number;
  windows_floor_1: number;
  windows_floor_2: number;
  staff: number;
  agencies: number;
  banks: number;
  business_centers: number;
  average_compression: string | null;
  max_compression: string | null;
}

/** Every figure of the hall in one statement, so a dashboard tile costs one round trip. */
const FIGURES_SQL = `
select
  (select count(*) from catalog.department)::int as departments,
  (select count(*) from catalog.department where presence = 'STAFFED')::int as staffed_departments,
  (select count(*) from catalog.department where presence = 'PROXIED')::int as proxied_departments,
  (select count(*) from catalog.matter where status = 'ACTIVE')::int as active_matters,
  (select count(*) from catalog.matter where status = 'CANCELLED')::int as cancelled_matters,
  (select count(*) from catalog.window where active)::int as windows,
  (select count(*) from catalog.window where active and floor_number = 1)::int as windows_floor_1,
  (select count(*) from catalog.window where active and floor_number = 2)::int as windows_floor_2,
  (select count(*) from catalog.staff where active)::int as staff,
  (select count(*) from catalog.organization where kind = 'INTERMEDIARY_AGENCY')::int as agencies,
  (select count(*) from catalog.organization where kind = 'BANK')::int as banks,
  (select count(*) from catalog.organization where kind = 'BUSINESS_CENTER')::int as business_centers,
  (select avg(1 - promised_limit_days::numeric / statutory_limit_days) from catalog.matter
    where status = 'ACTIVE' and kind <> 'IMMEDIATE') as average_compression,
  (select max(1 - promised_limit_days::numeric / statutory_limit_days) from catalog.matter
    where status = 'ACTIVE' and kind <> 'IMMEDIATE') as max_compression
`;

@Resolver(() => Hall)
export class HallResolver {
  @Query(() => Hall)
  hall(): Hall {
    return { ...HALL };
  }

  @FieldResolver(() => Int, { description: 'Usable floor area in square metres, all floors.' })
  async floorAreaSqm(@Ctx() { loaders }: CatalogContext): Promise<number> {
    const floors = await loaders.floors();
    return floors.reduce((sum, floor) => sum + floor.areaSqm, 0);
  }

  @FieldResolver(() => [Floor])
  floors(@Ctx() { loaders }: CatalogContext) {
    return loaders.floors();
  }

  @FieldResolver(() => HallFigures)
  async figures(@Ctx() { em }: CatalogContext): Promise<HallFigures> {
    const [row] = await em.getConnection().execute<FiguresRow[]>(FIGURES_SQL);
    if (!row) throw new Error('the hall figures query returned no row');
    return {
      departments: row.departments,
      staffedDepartments: row.staffed_departments,
      proxiedDepartments: row.proxied_departments,
      activeMatters: row.active_matters,
      cancelledMatters: row.cancelled_matters,
      windows: row.windows,
      windowsOnFloor1: row.windows_floor_1,
      windowsOnFloor2: row.windows_floor_2,
      staff: row.staff,
      intermediaryAgencies: row.agencies,
      banks: row.banks,
      businessCenters: row.business_centers,
      averageCompression: Number(row.average_compression ?? 0),
      maxCompression: Number(row.max_compression ?? 0),
    };
  }
}
