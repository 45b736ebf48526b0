import { entityReference, keyOnlyReferenceResolvers, type SubgraphDefinition } from '@hall/kit';
import { CallBack } from './call-back/call-back.entity';
import { CallBackResolver, CaseCallBackResolver } from './call-back/call-back.resolver';
import {
  createEvaluationLoaders,
  createEvaluationServices,
  type EvaluationLoaders,
  type EvaluationServices,
} from './context';
import { GradeReport, StaffGrade } from './grade/grade.entity';
import {
  GradeReportResolver,
  StaffGradeFieldResolver,
  StaffGradeResolver,
} from './grade/grade.resolver';
import { SupervisionSignal } from './grade/supervision-signal.entity';
import { evaluationMigrations } from './migrations';
import { FinishedCase } from './rating/finished-case.entity';
import { Rating } from './rating/rating.entity';
import {
  CaseRatingResolver,
  DepartmentSatisfactionResolver,
  RATING_REFERENCE_TYPES,
  RatingResolver,
  SatisfactionFiguresResolver,
  StaffSatisfactionResolver,
  WindowSatisfactionResolver,
} from './rating/rating.resolver';
import { RectificationTicket } from './rectification/rectification.entity';
import { RectificationResolver } from './rectification/rectification.resolver';
import { ReviewPanel, ReviewRound, ReviewScore, ReviewUnit } from './review/review.entity';
import {
  DepartmentReviewResolver,
  ReviewResultResolver,
  ReviewRoundResolver,
  ReviewUnitResolver,
} from './review/review.resolver';
import { isEvaluationSeeded, seedEvaluation } from './seed/seed';

/**
 * The evaluation subgraph (评价): ratings of finished cases and hall visits, bad-review
 * rectification, call-backs, quarterly staff grades and the department reviews. It follows
 * the cases subgraph's event log (a decided case opens its rating) and supervision's (the
 * lights and complaints the grades weigh), and extends Case, Department, Window and Staff.
 */
export const evaluationSubgraph: SubgraphDefinition<EvaluationLoaders, EvaluationServices> = {
  name: 'evaluation',
  dbSchema: 'evaluation',
  entities: [
    Rating,
    FinishedCase,
    RectificationTicket,
    CallBack,
    SupervisionSignal,
    StaffGrade,
    GradeReport,
    ReviewRound,
    ReviewPanel,
    ReviewUnit,
    ReviewScore,
  ],
  migrations: evaluationMigrations,
  resolvers: [
    RatingResolver,
    SatisfactionFiguresResolver,
    CaseRatingResolver,
    DepartmentSatisfactionResolver,
    WindowSatisfactionResolver,
    StaffSatisfactionResolver,
    RectificationResolver,
    CallBackResolver,
    CaseCallBackResolver,
    StaffGradeResolver,
    GradeReportResolver,
    StaffGradeFieldResolver,
    ReviewRoundResolver,
    ReviewUnitResolver,
    ReviewResultResolver,
    DepartmentReviewResolver,
  ],
  orphanedTypes: RATING_REFERENCE_TYPES.map((name) => entityReference(name, 'evaluation')),
  referenceResolvers: {
    ...keyOnlyReferenceResolvers(RATING_REFERENCE_TYPES),
    Rating: (reference, { loaders }) => loaders.ratingById.load(reference.id),
    RectificationTicket: (reference, { loaders }) => loaders.ticketById.load(reference.id),
    CallBack: (reference, { loaders }) => loaders.callBackById.load(reference.id),
    ReviewRound: (reference, { loaders }) => loaders.reviewRoundById.load(reference.id),
  },
  createServices: createEvaluationServices,
  createLoaders: createEvaluationLoaders,
  seed: seedEvaluation,
  isSeeded: isEvaluationSeeded,
};
