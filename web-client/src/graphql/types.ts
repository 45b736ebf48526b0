/**
 * The parts of the supergraph the client reads, as TypeScript types. Only the fields the
 * pages select are here; names follow the graph.
 */

export type CaseStatus =
  | 'RECEIVED'
  | 'SUPPLEMENT_REQUESTED'
  | 'ACCEPTED'
  | 'NOT_ACCEPTED'
  | 'UNDER_REVIEW'
  | 'SPECIAL_PROCEDURE'
  | 'EXTENDED'
  | 'COMPLETED_APPROVED'
  | 'COMPLETED_DENIED'
  | 'DELIVERED'
  | 'WITHDRAWN';

export const CASE_STATUSES: readonly CaseStatus[] = [
  'RECEIVED',
  'SUPPLEMENT_REQUESTED',
  'ACCEPTED',
  'NOT_ACCEPTED',
  'UNDER_REVIEW',
  'SPECIAL_PROCEDURE',
  'EXTENDED',
  'COMPLETED_APPROVED',
  'COMPLETED_DENIED',
  'DELIVERED',
  'WITHDRAWN',
];

export type CaseAction =
  | 'REGISTER'
  | 'ACCEPT'
  | 'REFUSE'
  | 'REQUEST_SUPPLEMENT'
  | 'RECEIVE_SUPPLEMENT'
  | 'START_REVIEW'
  | 'START_SPECIAL_PROCEDURE'
  | 'END_SPECIAL_PROCEDURE'
  | 'EXTEND'
  | 'APPROVE'
  | 'DENY'
  | 'DELIVER'
  | 'WITHDRAW';

export type CaseChannel = 'WINDOW' | 'ONLINE' | 'APPOINTMENT' | 'PROXY';
export type MatterKind = 'IMMEDIATE' | 'PROMISED' | 'JOINT' | 'REPORTED';
export type MatterCategory = 'APPROVAL' | 'SERVICE' | 'FEE';
export type ApplicantKind = 'PERSON' | 'ENTERPRISE';
export type LightLevel = 'YELLOW' | 'RED';
export type LightStatus = 'ON' | 'ACKNOWLEDGED' | 'APPEALED' | 'RESOLVED' | 'REVOKED' | 'OFF';
export type LightAction =
  | 'RAISED'
  | 'ROSE'
  | 'CAUSE_ADDED'
  | 'ACKNOWLEDGED'
  | 'APPEALED'
  | 'APPEAL_UPHELD'
  | 'APPEAL_REJECTED'
  | 'ESCALATED'
  | 'RESOLVED'
  | 'WENT_OFF';
export type RuleCode =
  | 'DEADLINE_NEAR'
  | 'PROMISED_LIMIT_PASSED'
  | 'STATUTORY_LIMIT_PASSED'
  | 'STEP_OVER_LIMIT'
  | 'SUPPLEMENT_NOTICE_LATE'
  | 'DENIAL_WITHOUT_REASON'
  | 'FEE_IRREGULAR'
  | 'COMPLAINT_OVERDUE'
  | 'MANUAL';
export type ComplaintStatus = 'RECEIVED' | 'ACCEPTED' | 'REJECTED' | 'ANSWERED' | 'CLOSED';
export type ComplaintAction = 'ACCEPT' | 'REJECT' | 'ANSWER' | 'CLOSE';
export type ComplaintChannel = 'PHONE' | 'WEB' | 'LETTER' | 'VISIT';
export type Satisfaction = 'SATISFIED' | 'BASICALLY_SATISFIED' | 'DISSATISFIED';
export type TicketStatus = 'WAITING' | 'CALLED' | 'SERVING' | 'FINISHED' | 'NO_SHOW';
export type SpecialProcedure =
  'HEARING' | 'INSPECTION' | 'TESTING' | 'APPRAISAL' | 'EXPERT_REVIEW' | 'PUBLIC_NOTICE';
export type RatingLevel =
  'VERY_SATISFIED' | 'SATISFIED' | 'BASICALLY_SATISFIED' | 'DISSATISFIED' | 'VERY_DISSATISFIED';
export type Granularity = 'DAY' | 'MONTH' | 'YEAR';
export type WindowKind =
  | 'UNIFIED_ACCEPTANCE'
  | 'DEPARTMENT'
  | 'COMPREHENSIVE'
  | 'SERVICE_DESK'
  | 'INTERMEDIARY_AGENCY'
  | 'BANK'
  | 'BUSINESS_CENTER';

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<T> {
  totalCount: number;
  pageInfo: PageInfo;
  nodes: T[];
}

export interface HallToday {
  hallDate: string;
  visitorsToday: number;
  waiting: number;
  beingServed: number;
  served: number;
  noShows: number;
  averageWaitMinutes: number | null;
  windowsOpen: number;
  casesRegistered: number;
  casesCompleted: number;
  onTimeRate: number | null;
}

export interface LightCounts {
  yellow: number;
  red: number;
  escalated: number;
}

export interface CaseFigures {
  registered: number;
  accepted: number;
  completed: number;
  completedOnTime: number;
  denied: number;
  onTimeRate: number | null;
  averageWorkingDaysTaken: number | null;
}

export interface PeriodCaseFigures extends CaseFigures {
  periodStart: string;
}

export interface SatisfactionFigures {
  ratings: number;
  verySatisfied: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  veryDissatisfied: number;
  defaulted: number;
  badReviews: number;
  satisfactionRate: number | null;
  badReviewRate: number | null;
}

export interface ComplaintFigures {
  received: number;
  accepted: number;
  rejected: number;
  answered: number;
  closed: number;
  open: number;
  overdue: number;
  satisfactionRate: number | null;
}

export interface LightFigures {
  raisedYellow: number;
  raisedRed: number;
  resolved: number;
  wentOff: number;
  revoked: number;
}

export interface DepartmentName {
  id: string;
  code: string;
  name: string;
  shortName: string;
  nameEn: string;
}

export interface CaseClock {
  startedOn: string;
  limitDays: number;
  pausedWorkingDays: number;
  paused: boolean;
  dueOn: string;
  statutoryDueOn: string;
  usedWorkingDays: number;
  remainingWorkingDays: number;
  elapsedRatio: number;
  onTime: boolean;
}

export interface CaseStep {
  id: string;
  sequence: number;
  action: CaseAction;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  at: string;
  actor: string;
  reason: string | null;
}

export interface LightEntry {
  id: string;
  action: LightAction;
  level: LightLevel;
  at: string;
  actor: string;
  note: string | null;
}

export interface AlertLight {
  id: string;
  level: LightLevel;
  status: LightStatus;
  rule: RuleCode;
  cause: string;
  escalated: boolean;
  raisedAt: string;
  endedAt: string | null;
  version: number;
  department: DepartmentName;
  case: {
    id: string;
    serialNo: string;
    matter: { id: string; name: string };
  } | null;
  history?: LightEntry[];
}

export interface MatterTerms {
  id: string;
  code: string;
  name: string;
  kind: MatterKind;
  category: MatterCategory;
  statutoryLimitDays: number;
  promisedLimitDays: number;
  feeFen: number;
  feeStandard: string | null;
  requiredMaterials: string[];
  siteSurvey: boolean;
  legalBasis: string;
  department: DepartmentName;
}

export interface CaseSummary {
  id: string;
  serialNo: string;
  status: CaseStatus;
  receivedAt: string;
  receivedOn: string;
  onTime: boolean | null;
  matter: { id: string; code: string; name: string };
  department: DepartmentName;
  applicant: { name: string };
  clock: { dueOn: string; remainingWorkingDays: number; paused: boolean } | null;
  alertLight: { id: string; level: LightLevel } | null;
}

export interface CaseDetail {
  id: string;
  serialNo: string;
  status: CaseStatus;
  version: number;
  channel: CaseChannel;
  matterKind: string;
  promisedLimitDays: number;
  statutoryLimitDays: number;
  receivedAt: string;
  receivedOn: string;
  acceptedOn: string | null;
  decidedOn: string | null;
  deliveredOn: string | null;
  decisionReason: string | null;
  missingMaterials: string[];
  extensionDays: number;
  feeFen: number;
  onTime: boolean | null;
  workingDaysTaken: number | null;
  allowedActions: CaseAction[];
  matter: MatterTerms;
  department: DepartmentName;
  applicant: {
    id: string;
    kind: ApplicantKind;
    name: string;
    identityNumber: string;
    phone: string;
  };
  clock: CaseClock | null;
  timeline: CaseStep[];
  alertLight: AlertLight | null;
  alertLights: AlertLight[];
}

export interface QueueTicket {
  id: string;
  number: string;
  priority: boolean;
  status: TicketStatus;
  takenAt: string;
  calledAt: string | null;
  window: { id: string; code: string; label: string } | null;
  matter: { id: string; name: string } | null;
  department: DepartmentName | null;
}

export interface Window {
  id: string;
  code: string;
  label: string;
  kind: WindowKind;
  department: DepartmentName | null;
  queueNow: QueueTicket[];
}

export interface Complaint {
  id: string;
  code: string;
  channel: ComplaintChannel;
  content: string;
  receivedOn: string;
  status: ComplaintStatus;
  deadline: string | null;
  remainingWorkingDays: number | null;
  overdue: boolean;
  version: number;
  answer: string | null;
  satisfaction: Satisfaction | null;
  complainantName: string;
  allowedActions: ComplaintAction[];
  department: DepartmentName;
}
