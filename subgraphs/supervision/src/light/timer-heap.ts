/**
 * A min-heap of (instant, key) with replace-by-key: the in-memory side of the light timers.
 * Scheduling a key again supersedes its earlier entry (stale entries are skipped on pop).
 */
export class TimerHeap {
  private readonly heap: { at: number; key: string }[] = [];
  private readonly current = new Map<string, number>();

  get size(): number {
    return this.current.size;
  }

  schedule(key: string, at: number | null): void {
    if (at === null) {
      this.current.delete(key);
      return;
    }
    this.current.set(key, at);
    this.heap.push({ at, key });
    this.up(this.heap.length - 1);
  }

  /** Removes and returns the keys due at or before `now`, earliest first. */
  takeDue(now: number): string[] {
    const due: string[] = [];
    while (this.heap.length > 0 && this.heap[0]!.at <= now) {
      const top = this.pop()!;
      if (this.current.get(top.key) === top.at) {
        this.current.delete(top.key);
        due.push(top.key);
      }
    }
    return due;
  }

  private pop(): { at: number; key: string } | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (this.heap.length > 0 && last) {
      this.heap[0] = last;
      this.down(0);
    }
    return top;
  }

  private up(index: number): void {
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.heap[parent]!.at <= this.heap[i]!.at) break;
      [this.heap[parent], this.heap[i]] = [this.heap[i]!, this.heap[parent]!];
      i = parent;
    }
  }

  private down(index: number): void {
    let i = index;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < this.heap.length && this.heap[left]!.at < this.heap[smallest]!.at) smallest = left;
      if (right < this.heap.length && this.heap[right]!.at < this.heap[smallest]!.at)
        smallest = right;
      if (smallest === i) return;
      [this.heap[smallest], this.heap[i]] = [this.heap[i]!, this.heap[smallest]!];
      i = smallest;
    }
  }
}
