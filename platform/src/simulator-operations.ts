/**
 * Every document the hall simulator sends, one place for all, so that the gateway's trusted
 * documents (gateway/trusted-documents.json) can hold them: the simulator keeps working when
 * the gateway serves trusted documents only.
 */
export const SIMULATOR_OPERATIONS = {
  matters: `query SimulatorMatters($after: String) { matters(first: 100, after: $after) { nodes { id kind department { id } } pageInfo { hasNextPage endCursor } } }`,
  windows: `query SimulatorWindows($after: String) { windows(first: 100, after: $after, filter: { active: true }) { nodes { id kind department { id } } pageInfo { hasNextPage endCursor } } }`,
  workingDay: `query SimulatorWorkingDay($day: LocalDate!) { workingCalendar(from: $day, to: $day) { isWorkingDay } }`,
  takeTicket: `mutation SimulatorTakeTicket($matterId: ID) { takeTicket(matterId: $matterId) { id } }`,
  markNoShow: `mutation SimulatorMarkNoShow($id: ID!) { markNoShow(id: $id) { id } }`,
  startServing: `mutation SimulatorStartServing($id: ID!) { startServing(id: $id) { id } }`,
  finishTicket: `mutation SimulatorFinishTicket($id: ID!) { finishTicket(id: $id) { id } }`,
  callNextTicket: `mutation SimulatorCallNextTicket($windowId: ID!) { callNextTicket(windowId: $windowId) { id matter { id } } }`,
  registerCase: `mutation SimulatorRegisterCase($input: RegisterCaseInput!) { registerCase(input: $input) { id } }`,
  openCases: `query SimulatorOpenCases($from: LocalDate!) { cases(first: 40, filter: { open: true, receivedFrom: $from }) { nodes { id status receivedOn } } }`,
  acceptCase: `mutation SimulatorAcceptCase($id: ID!) { acceptCase(id: $id) { id } }`,
  startReview: `mutation SimulatorStartReview($id: ID!) { startReview(id: $id) { id } }`,
  requestSupplement: `mutation SimulatorRequestSupplement($id: ID!) { requestSupplement(id: $id, missingMaterials: ["现场平面布置图"]) { id } }`,
  receiveSupplement: `mutation SimulatorReceiveSupplement($id: ID!) { receiveSupplement(id: $id) { id } }`,
  approveCase: `mutation SimulatorApproveCase($id: ID!) { approveCase(id: $id) { id } }`,
} as const;

/** The case steps the simulator takes, by the mutation's name. */
export type SimulatorCaseStep =
  'acceptCase' | 'startReview' | 'requestSupplement' | 'receiveSupplement' | 'approveCase';
