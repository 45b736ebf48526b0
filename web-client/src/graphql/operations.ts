/**
 * The operations of the client, one place for all: the pages name these, never inline
 * documents, so what the client asks of the graph can be read (and one day persisted) here.
 */

const DEPARTMENT = 'id code name shortName nameEn';
const CASE_FIGURES =
  'registered accepted completed completedOnTime denied onTimeRate averageWorkingDaysTaken';
const LIGHT = `id level status rule cause escalated raisedAt endedAt version
  department { ${DEPARTMENT} }
  case { id serialNo matter { id name } }`;
const LIGHT_WITH_HISTORY = `${LIGHT} history { id action level at actor note }`;
const MATTER_TERMS = `id code name kind category statutoryLimitDays promisedLimitDays feeFen
  feeStandard requiredMaterials siteSurvey legalBasis department { ${DEPARTMENT} }`;
const CASE_SUMMARY = `id serialNo status receivedAt receivedOn onTime
  matter { id code name } department { ${DEPARTMENT} } applicant { name }
  clock { dueOn remainingWorkingDays paused } alertLight { id level }`;
export const CASE_DETAIL = `id serialNo status version channel matterKind promisedLimitDays
  statutoryLimitDays receivedAt receivedOn acceptedOn decidedOn deliveredOn decisionReason
  missingMaterials extensionDays feeFen onTime workingDaysTaken allowedActions
  matter { ${MATTER_TERMS} } department { ${DEPARTMENT} }
  applicant { id kind name identityNumber phone }
  clock { startedOn limitDays pausedWorkingDays paused dueOn statutoryDueOn usedWorkingDays
    remainingWorkingDays elapsedRatio onTime }
  timeline { id sequence action fromStatus toStatus at actor reason }
  alertLight { ${LIGHT_WITH_HISTORY} }
  alertLights { ${LIGHT_WITH_HISTORY} }`;
const HALL_TODAY_FIELDS = `hallDate visitorsToday waiting beingServed served noShows
  averageWaitMinutes windowsOpen casesRegistered casesCompleted onTimeRate`;
const TICKET = `id number priority status takenAt calledAt window { id code label }
  matter { id name } department { ${DEPARTMENT} }`;
const COMPLAINT = `id code channel content receivedOn status deadline remainingWorkingDays
  overdue version answer satisfaction complainantName allowedActions
  department { ${DEPARTMENT} }`;

export const HALL_TODAY = `query HallToday {
  hallToday { ${HALL_TODAY_FIELDS} }
  lightCounts { yellow red escalated }
}`;

export const HALL_FIGURES = `query HallFigures {
  hall { name figures { departments activeMatters windows staff } }
}`;

export const CASE_PERIOD = `query CasePeriod($from: LocalDate!, $to: LocalDate!, $granularity: Granularity!) {
  caseFigures(from: $from, to: $to) { ${CASE_FIGURES} }
  caseTrend(from: $from, to: $to, granularity: $granularity) { periodStart ${CASE_FIGURES} }
}`;

export const DEPARTMENT_BOARD = `query DepartmentBoard($from: LocalDate!, $to: LocalDate!) {
  departments(first: 100) {
    totalCount
    nodes {
      ${DEPARTMENT} matterCount
      lightsOn { yellow red escalated }
      caseFigures(from: $from, to: $to) { ${CASE_FIGURES} }
    }
  }
}`;

/** Ratings and complaints by department: a separate query, since fewer roles may read them. */
export const DEPARTMENT_OPINIONS = `query DepartmentOpinions($from: LocalDate!, $to: LocalDate!) {
  departments(first: 100) {
    nodes {
      id
      satisfaction(from: $from, to: $to) { ratings satisfactionRate badReviews }
      complaintFigures(from: $from, to: $to) { received }
    }
  }
}`;

export const LIGHTS_OVERVIEW = `query LightsOverview($from: LocalDate!, $to: LocalDate!) {
  lightCounts { yellow red escalated }
  lightFigures(from: $from, to: $to) { raisedYellow raisedRed resolved wentOff revoked }
  lit: alertLights(first: 100) { totalCount nodes { ${LIGHT} } }
  ended: alertLights(first: 20, filter: { lit: false }) { totalCount nodes { ${LIGHT} } }
}`;

export const LIGHT_HISTORY = `query LightHistory($id: ID!) {
  alertLight(id: $id) { ${LIGHT_WITH_HISTORY} }
}`;

export const COMPLAINTS_OVERVIEW = `query ComplaintsOverview($from: LocalDate!, $to: LocalDate!) {
  complaintFigures(from: $from, to: $to) {
    received accepted rejected answered closed open overdue satisfactionRate
  }
  complaints(first: 8) { totalCount nodes { ${COMPLAINT} } }
}`;

export const SATISFACTION_OVERVIEW = `query SatisfactionOverview($from: LocalDate!, $to: LocalDate!) {
  satisfactionFigures(from: $from, to: $to) {
    ratings verySatisfied satisfied basicallySatisfied dissatisfied veryDissatisfied defaulted
    badReviews satisfactionRate badReviewRate
  }
  rectificationFigures { open overdue rectified voided appealsPending }
  ratings(first: 6, filter: { levels: [DISSATISFIED, VERY_DISSATISFIED], ratedFrom: $from, ratedTo: $to }) {
    totalCount
    nodes { id level ratedOn comment serialNo department { ${DEPARTMENT} } }
  }
}`;

export const REVIEW_ROUNDS = `query ReviewRounds {
  reviewRounds {
    id year name status publishedOn unitsReviewed raters
    results { rank of score unit { id name department { ${DEPARTMENT} } } }
  }
}`;

export const DEPARTMENT_DETAIL = `query DepartmentDetail($id: ID!, $from: LocalDate!, $to: LocalDate!) {
  department(id: $id) {
    ${DEPARTMENT} presence matterCount floor { number }
    lightsOn { yellow red escalated }
    caseFigures(from: $from, to: $to) { ${CASE_FIGURES} }
    matters {
      id code name kind promisedLimitDays statutoryLimitDays
      caseFigures(from: $from, to: $to) { ${CASE_FIGURES} }
    }
  }
}`;

export const DEPARTMENT_OPINION = `query DepartmentOpinion($id: ID!, $from: LocalDate!, $to: LocalDate!) {
  department(id: $id) {
    id
    satisfaction(from: $from, to: $to) { ratings satisfactionRate badReviews }
    complaintFigures(from: $from, to: $to) { received open overdue }
  }
}`;

export const MATTER_DETAIL = `query MatterDetail($id: ID!, $from: LocalDate!, $to: LocalDate!) {
  matter(id: $id) {
    ${MATTER_TERMS}
    caseFigures(from: $from, to: $to) { ${CASE_FIGURES} }
  }
}`;

export const CASE_LIST = `query CaseList($filter: CaseFilter, $first: Int!, $after: String) {
  cases(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { ${CASE_SUMMARY} }
  }
}`;

export const CASE_BY_ID = `query CaseById($id: ID!) { case(id: $id) { ${CASE_DETAIL} } }`;

export const CASE_BY_SERIAL = `query CaseBySerial($serialNo: String!) {
  caseBySerialNo(serialNo: $serialNo) { ${CASE_DETAIL} }
}`;

export const MATTER_SEARCH = `query MatterSearch($search: String, $departmentId: ID) {
  matters(first: 20, filter: { search: $search, departmentId: $departmentId }) {
    totalCount
    nodes { ${MATTER_TERMS} }
  }
}`;

export const APPLICANT_SEARCH = `query ApplicantSearch($search: String!) {
  applicants(search: $search) { id kind name identityNumber phone }
}`;

export const REGISTER_CASE = `mutation RegisterCase($input: RegisterCaseInput!) {
  registerCase(input: $input) { ${CASE_DETAIL} }
}`;

export const DESK_WINDOWS = `query DeskWindows($kind: WindowKind, $departmentId: ID) {
  windows(first: 100, filter: { kind: $kind, departmentId: $departmentId, active: true }) {
    nodes { id code label kind department { ${DEPARTMENT} } }
  }
}`;

export const DESK_QUEUE = `query DeskQueue($windowId: ID!) {
  hallToday { ${HALL_TODAY_FIELDS} }
  waiting: queue(status: WAITING) { ${TICKET} }
  window(id: $windowId) { id code label queueNow { ${TICKET} } }
}`;

export const TODAY_CASES = `query TodayCases($from: LocalDate!, $departmentId: ID) {
  cases(first: 10, filter: { receivedFrom: $from, departmentId: $departmentId }) {
    totalCount
    nodes { ${CASE_SUMMARY} }
  }
}`;

export const TAKE_TICKET = `mutation TakeTicket($matterId: ID) { takeTicket(matterId: $matterId) { ${TICKET} } }`;
export const CALL_NEXT = `mutation CallNext($windowId: ID!) { callNextTicket(windowId: $windowId) { ${TICKET} } }`;
export const START_SERVING = `mutation StartServing($id: ID!) { startServing(id: $id) { ${TICKET} } }`;
export const FINISH_TICKET = `mutation FinishTicket($id: ID!) { finishTicket(id: $id) { ${TICKET} } }`;
export const MARK_NO_SHOW = `mutation MarkNoShow($id: ID!) { markNoShow(id: $id) { ${TICKET} } }`;
export const OPEN_WINDOW = `mutation OpenWindow($windowId: ID!) { openWindow(windowId: $windowId) }`;
export const CLOSE_WINDOW = `mutation CloseWindow($windowId: ID!) { closeWindow(windowId: $windowId) }`;

export const LIGHT_BOARD = `query LightBoard($filter: AlertLightFilter, $first: Int!) {
  lightCounts { yellow red escalated }
  alertLights(filter: $filter, first: $first) { totalCount nodes { ${LIGHT_WITH_HISTORY} } }
}`;

export const DEPARTMENT_NAMES = `query DepartmentNames {
  departments(first: 100) { nodes { ${DEPARTMENT} } }
}`;

export const ACKNOWLEDGE_LIGHT = `mutation AcknowledgeLight($id: ID!) { acknowledgeLight(id: $id) { ${LIGHT_WITH_HISTORY} } }`;
export const RESOLVE_LIGHT = `mutation ResolveLight($id: ID!, $note: String!) { resolveLight(id: $id, note: $note) { ${LIGHT_WITH_HISTORY} } }`;
export const ESCALATE_LIGHT = `mutation EscalateLight($id: ID!, $note: String) { escalateLight(id: $id, note: $note) { ${LIGHT_WITH_HISTORY} } }`;

export const COMPLAINT_BOARD = `query ComplaintBoard($filter: ComplaintFilter) {
  complaints(first: 50, filter: $filter) { totalCount nodes { ${COMPLAINT} } }
}`;
export const ACCEPT_COMPLAINT = `mutation AcceptComplaint($id: ID!, $expectedVersion: Int) { acceptComplaint(id: $id, expectedVersion: $expectedVersion) { ${COMPLAINT} } }`;
export const REJECT_COMPLAINT = `mutation RejectComplaint($id: ID!, $expectedVersion: Int, $reason: String!) { rejectComplaint(id: $id, expectedVersion: $expectedVersion, reason: $reason) { ${COMPLAINT} } }`;
export const ANSWER_COMPLAINT = `mutation AnswerComplaint($id: ID!, $expectedVersion: Int, $answer: String!) { answerComplaint(id: $id, expectedVersion: $expectedVersion, answer: $answer) { ${COMPLAINT} } }`;
export const CLOSE_COMPLAINT = `mutation CloseComplaint($id: ID!, $expectedVersion: Int, $satisfaction: Satisfaction!) { closeComplaint(id: $id, expectedVersion: $expectedVersion, satisfaction: $satisfaction) { ${COMPLAINT} } }`;

/** The live figures of the hall (gateway subscriptions). */
export const HALL_STATS_LIVE = `subscription HallStats { hallStats { ${HALL_TODAY_FIELDS} } }`;
export const LIGHT_COUNTS_LIVE = `subscription LightCounts { lightCounts { yellow red escalated } }`;
export const ALERT_LIGHTS_LIVE = `subscription AlertLights($departmentId: ID, $levels: [LightLevel!], $after: String) {
  alertLights(departmentId: $departmentId, levels: $levels, after: $after) {
    id level status escalated case { serialNo matter { name department { name nameEn } } }
    department { ${DEPARTMENT} }
  }
}`;

export const LOBBY_BOARD = `query LobbyBoard {
  departments(first: 100) { nodes { ${DEPARTMENT} sortOrder lightsOn { yellow red escalated } } }
  called: queue(status: CALLED) { ${TICKET} }
  serving: queue(status: SERVING) { ${TICKET} }
}`;

export const LOBBY_SATISFACTION = `query LobbySatisfaction($from: LocalDate!, $to: LocalDate!) {
  satisfactionFigures(from: $from, to: $to) { ratings satisfactionRate }
}`;
