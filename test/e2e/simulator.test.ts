import { createLogger } from '@hall/kit';
import { createHallSimulator } from '@hall/platform';
import { dataOf, startTestGraph, type TestGraph } from '@hall/test';

let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph.close());

/**
 * The simulator plays the hall through the gateway on the graph's clock; here the test moves
 * that clock a minute at a time through the first hour of a working day and lets
 * the simulator catch up after each minute.
 */
describe('the hall simulator', () => {
  it('fills the hall: tickets taken, called and served, cases registered and moved', async () => {
    graph.clock.set('2026-11-24T08:58:00+08:00');
    const simulator = createHallSimulator({
      gatewayUrl: graph.gatewayUrl,
      token: await graph.tokenFor('SERVICE_BUREAU_ADMIN'),
      clock: graph.clock,
      log: createLogger('simulator', process.env.LOG_LEVEL ?? 'silent'),
      seed: 7,
      windowsOpen: { unified: 3, department: 10 },
    });
    try {
      for (let minute = 0; minute < 62; minute += 1) {
        graph.clock.advance(60_000);
        await simulator.step();
      }
    } finally {
      await simulator.stop();
    }
    const today = dataOf(
      await graph.query<{
        hallToday: {
          visitorsToday: number;
          served: number;
          windowsOpen: number;
          casesRegistered: number;
          casesCompleted: number;
        };
      }>('{ hallToday { visitorsToday served windowsOpen casesRegistered casesCompleted } }'),
    ).hallToday;
    // About 820 visitors a day, some 130 of them between 9 and 10.
    expect(today.visitorsToday).toBeGreaterThan(80);
    expect(today.visitorsToday).toBeLessThan(250);
    expect(today.windowsOpen).toBe(13);
    expect(today.served).toBeGreaterThan(10);
    expect(today.casesRegistered).toBeGreaterThan(2);
    expect(today.casesCompleted).toBeGreaterThan(0);
  }, 180_000);
});
