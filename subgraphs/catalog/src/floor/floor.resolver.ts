import { Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { CatalogContext } from '../context';
import { Window } from '../window/window.entity';
import { Floor } from './floor.entity';

@Resolver(() => Floor)
export class FloorResolver {
  @Query(() => [Floor], { description: 'The three floors, bottom up.' })
  floors(@Ctx() { loaders }: CatalogContext) {
    return loaders.floors();
  }

  @FieldResolver(() => [Window])
  windows(@Root() floor: Floor, @Ctx() { loaders }: CatalogContext) {
    return loaders.windowsByFloor.load(floor.number);
  }

  @FieldResolver(() => Int)
  async windowCount(@Root() floor: Floor, @Ctx() { loaders }: CatalogContext) {
    return (await loaders.windowsByFloor.load(floor.number)).length;
  }
}
