import { TimerHeap } from './timer-heap';

describe('the timer heap', () => {
  it('hands out due keys earliest first, and a rescheduled key only at its new time', () => {
    const heap = new TimerHeap();
    for (const [key, at] of [
      ['c', 30],
      ['a', 10],
      ['d', 40],
      ['b', 20],
    ] as const) {
      heap.schedule(key, at);
    }
    heap.schedule('d', 5);
    heap.schedule('c', null);
    expect(heap.takeDue(25)).toEqual(['d', 'a', 'b']);
    expect(heap.takeDue(100)).toEqual([]);
    expect(heap.size).toBe(0);
  });
});
