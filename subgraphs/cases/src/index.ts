export { casesSubgraph } from './cases';
export type { CasesContext, CasesLoaders, CasesServices } from './context';
export { CASES_EVENT_SOURCE, CASE_EVENT_TYPES, type CaseEventPayload } from './case/case.events';
export { CaseAction, CaseStatus, OPEN_STATUSES } from './case/case.machine';
export { computeCaseClock, type CaseClock, type ClockFacts } from './case/case.clock';
