/**
 * The operations the bench sends. Figures are read for the hall's year so far; the bench
 * hall's clock stands on 2026-11-24.
 */
export const YEAR = { from: '2026-01-01', to: '2026-12-31' };

/** (a) One subgraph: the catalog's departments, as the web client's name lists read them. */
export const SINGLE_SUBGRAPH = `query Departments {
  departments(first: 100) { totalCount nodes { id code name shortName nameEn sortOrder } }
}`;

/**
 * (b) The dashboard's department board across all four subgraphs: departments (catalog),
 * their case figures (cases), lights on (supervision) and satisfaction (evaluation).
 */
export const DASHBOARD = `query Dashboard($from: LocalDate!, $to: LocalDate!) {
  departments(first: 100) {
    nodes {
      id code name
      caseFigures(from: $from, to: $to) { registered completed onTimeRate averageWorkingDaysTaken }
      lightsOn { yellow red escalated }
      satisfaction(from: $from, to: $to) { ratings satisfactionRate badReviews }
    }
  }
}`;

/** The dashboard of the SQL counts: the board plus the hall's own figures, `first` departments. */
export const DASHBOARD_SIZED = `query Dashboard($first: Int!, $from: LocalDate!, $to: LocalDate!) {
  hallToday { visitorsToday waiting beingServed windowsOpen casesRegistered onTimeRate }
  lightCounts { yellow red escalated }
  caseFigures(from: $from, to: $to) { registered completed onTimeRate }
  caseTrend(from: $from, to: $to, granularity: MONTH) { periodStart registered completed }
  departments(first: $first) {
    nodes {
      id name matterCount
      caseFigures(from: $from, to: $to) { registered completed onTimeRate averageWorkingDaysTaken }
      lightsOn { yellow red escalated }
      satisfaction(from: $from, to: $to) { ratings satisfactionRate badReviews }
      complaintFigures(from: $from, to: $to) { received }
    }
  }
}`;

/** The lobby screen's board (web client `LOBBY_BOARD`), `first` departments. */
export const LOBBY_SIZED = `query Lobby($first: Int!) {
  hallToday { visitorsToday waiting beingServed windowsOpen casesRegistered casesCompleted onTimeRate }
  departments(first: $first) { nodes { id code name shortName sortOrder lightsOn { yellow red escalated } } }
  called: queue(status: CALLED) { id number window { id code label } matter { id name } department { id name } }
  serving: queue(status: SERVING) { id number window { id code label } matter { id name } department { id name } }
}`;

/** A case list with references into every subgraph, `first` cases. */
export const CASE_LIST_SIZED = `query Cases($first: Int!) {
  cases(first: $first) {
    totalCount
    nodes {
      serialNo status clock { dueOn remainingWorkingDays } applicant { name }
      matter { name department { name } } alertLight { level } rating { level }
    }
  }
}`;

/** The figures of the scale part: the hall, its trend and every department over a period. */
export const SCALE_DASHBOARD = `query ScaleDashboard($from: LocalDate!, $to: LocalDate!) {
  caseFigures(from: $from, to: $to) { registered accepted completed completedOnTime onTimeRate averageWorkingDaysTaken }
  caseTrend(from: $from, to: $to, granularity: MONTH) { periodStart registered completed onTimeRate }
  departments(first: 100) {
    nodes { id name caseFigures(from: $from, to: $to) { registered completed onTimeRate averageWorkingDaysTaken } }
  }
}`;

export const HALL_STATS = 'subscription { hallStats { visitorsToday waiting } }';

export const TAKE_TICKET =
  'mutation ($matterId: ID) { takeTicket(matterId: $matterId) { id number } }';

export function body(query: string, variables: Record<string, unknown> = {}): string {
  return JSON.stringify({ query, variables });
}
