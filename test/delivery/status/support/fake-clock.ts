import type { Clock } from "../../../../src/delivery/status/clock.ts";

type Timer = { at: number; run: () => void };

/** A clock that moves only when a test says so. */
export class FakeClock implements Clock {
  #now = 0;
  #timers: Timer[] = [];

  now(): number {
    return this.#now;
  }

  schedule(run: () => void, ms: number): () => void {
    const timer = { at: this.#now + ms, run };
    this.#timers.push(timer);
    return () => {
      this.#timers = this.#timers.filter((candidate) => candidate !== timer);
    };
  }

  /** Moves time on, running every timer that comes due on the way, in order. */
  advance(ms: number): void {
    const until = this.#now + ms;
    for (;;) {
      const [next] = [...this.#timers].sort((a, b) => a.at - b.at);
      if (!next || next.at > until) break;
      this.#timers = this.#timers.filter((candidate) => candidate !== next);
      this.#now = next.at;
      next.run();
    }
    this.#now = until;
  }

  get waiting(): number {
    return this.#timers.length;
  }
}
