import {
  byIdLoader,
  groupLoader,
  type HallContext,
  type Stoppable,
  type SubgraphEnvironment,
  type WorkingCalendar,
} from '@hall/kit';
import { createCatalogClient, type CatalogClient } from '@hall/catalog';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { CallBack } from './call-back/call-back.entity';
import { Rating } from './rating/rating.entity';
import {
  satisfactionLoader,
  type SatisfactionFigures,
  type SatisfactionKey,
} from './rating/rating.figures';
import { createRatingWatch, type RatingWatch } from './rating/rating-watch';
import { RectificationTicket } from './rectification/rectification.entity';
import { ReviewPanel, ReviewRound, ReviewScore, ReviewUnit } from './review/review.entity';

/** What an evaluation process creates once: its client of the catalog and its rating watch. */
export interface EvaluationServices extends Stoppable {
  catalog: CatalogClient;
  /** Opens ratings from the case events, counts supervision's signals, defaults ratings. */
  ratings: RatingWatch;
}

export async function createEvaluationServices(
  environment: SubgraphEnvironment,
): Promise<EvaluationServices> {
  const url = environment.peerUrls.catalog;
  if (!url) throw new Error('the evaluation subgraph needs the catalog subgraph’s URL');
  const catalog = await createCatalogClient({
    url,
    client: 'evaluation',
    callerSecret: environment.callerSecret,
    databaseUrl: environment.databaseUrl,
    clock: environment.clock,
    log: environment.log,
  });
  const ratings = createRatingWatch({
    orm: environment.orm,
    databaseUrl: environment.databaseUrl,
    clock: environment.clock,
    log: environment.log.child({ component: 'ratings' }),
  });
  await ratings.start();
  return {
    catalog,
    ratings,
    async stop() {
      await ratings.stop();
      await catalog.stop();
    },
  };
}

/** Per-request loaders of the evaluation subgraph. */
export interface EvaluationLoaders {
  calendar(): Promise<WorkingCalendar>;
  catalog: CatalogClient;
  ratingById: DataLoader<string, Rating | null>;
  /** A case's rating, or null when the case is not decided yet. */
  ratingByCase: DataLoader<string, Rating | null>;
  ticketById: DataLoader<string, RectificationTicket | null>;
  /** A rating's rectification ticket, or null when it was no bad review. */
  ticketByRating: DataLoader<string, RectificationTicket | null>;
  /** A case's call-backs, newest first. */
  callBacksByCase: DataLoader<string, CallBack[]>;
  callBackById: DataLoader<string, CallBack | null>;
  satisfaction: DataLoader<SatisfactionKey, SatisfactionFigures, string>;
  reviewRoundById: DataLoader<string, ReviewRound | null>;
  panelsByRound: DataLoader<string, ReviewPanel[]>;
  unitsByRound: DataLoader<string, ReviewUnit[]>;
  scoresByRound: DataLoader<string, ReviewScore[]>;
  /** Every review unit standing for a department, oldest round first. */
  unitsByDepartment: DataLoader<string, ReviewUnit[]>;
}

export type EvaluationContext = HallContext<EvaluationLoaders>;

export function createEvaluationLoaders(
  em: EntityManager,
  services: EvaluationServices,
): EvaluationLoaders {
  return {
    calendar: () => services.catalog.calendar(),
    catalog: services.catalog,
    ratingById: byIdLoader(em, Rating),
    ratingByCase: new DataLoader(async (caseIds) => {
      const ratings = await em.find(Rating, { caseId: { $in: [...caseIds] } });
      return caseIds.map((id) => ratings.find((rating) => rating.caseId === id) ?? null);
    }),
    ticketById: byIdLoader(em, RectificationTicket),
    ticketByRating: new DataLoader(async (ratingIds) => {
      const tickets = await em.find(RectificationTicket, { ratingId: { $in: [...ratingIds] } });
      return ratingIds.map((id) => tickets.find((ticket) => ticket.ratingId === id) ?? null);
    }),
    callBacksByCase: groupLoader(em, CallBack, 'caseId', { orderBy: { calledAt: 'desc' } }),
    callBackById: byIdLoader(em, CallBack),
    satisfaction: satisfactionLoader(em),
    reviewRoundById: byIdLoader(em, ReviewRound),
    panelsByRound: groupLoader(em, ReviewPanel, 'roundId', { orderBy: { weight: 'desc' } }),
    unitsByRound: groupLoader(em, ReviewUnit, 'roundId', { orderBy: { name: 'asc' } }),
    scoresByRound: groupLoader(em, ReviewScore, 'roundId'),
    unitsByDepartment: groupLoader(em, ReviewUnit, 'departmentId'),
  };
}
