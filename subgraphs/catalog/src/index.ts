export { catalogSubgraph } from './catalog';
export type { CatalogContext, CatalogLoaders } from './context';
export { buildCatalogSeed, CATALOG_SEED, CLEAN_UP } from './seed/seed';
export { HOLIDAY_ARRANGEMENTS } from './seed/calendar.data';
export { GIVEN_NAME_CHARACTERS, SURNAMES } from './seed/hall.data';
export type { CatalogSeedPlan } from './seed/seed';
export {
  announceCatalogChange,
  CATALOG_CHANGED_CHANNEL,
  type CatalogChange,
} from './catalog-changes';
export * from './client/catalog-client';
