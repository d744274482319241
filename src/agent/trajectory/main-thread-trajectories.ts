import type { TrajectoryRef } from "./trajectory-link.ts";
import type { TrajectoryPage } from "./trajectory-lines.ts";

/** How long the webhook thread waits for a page of a trajectory before failing the request. */
export const TRAJECTORY_PAGE_TIMEOUT_MS = 10_000;

type Waiter = { resolve(page: TrajectoryPage): void; reject(error: Error): void; timer: NodeJS.Timeout };

export type PageRequest = { call: number; ref: TrajectoryRef; after: number };

/**
 * The webhook thread's side of reading a trajectory from the database: the thread holds no
 * database connection (nor DATABASE_URL), so it asks the main thread, whose store pool reads it,
 * one page at a time. Each request gets a call number the answer carries back, and fails after
 * `timeoutMs` if the main thread does not answer. Modelled on MainThreadMetrics.
 */
export class MainThreadTrajectories {
  readonly #ask: (request: PageRequest) => void;
  readonly #timeoutMs: number;
  readonly #waiters = new Map<number, Waiter>();
  #nextCall = 1;

  constructor(ask: (request: PageRequest) => void, timeoutMs = TRAJECTORY_PAGE_TIMEOUT_MS) {
    this.#ask = ask;
    this.#timeoutMs = timeoutMs;
  }

  page(ref: TrajectoryRef, after: number): Promise<TrajectoryPage> {
    const call = this.#nextCall++;
    return new Promise<TrajectoryPage>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(call);
        reject(new Error(`the main thread did not answer within ${this.#timeoutMs} ms`));
      }, this.#timeoutMs);
      this.#waiters.set(call, { resolve, reject, timer });
      this.#ask({ call, ref, after });
    });
  }

  /** The main thread's answer to `call` (late answers are dropped). */
  settle(call: number, answer: { page: TrajectoryPage } | { error: string }): void {
    const waiter = this.#waiters.get(call);
    if (!waiter) return;
    this.#waiters.delete(call);
    clearTimeout(waiter.timer);
    if ("page" in answer) waiter.resolve(answer.page);
    else waiter.reject(new Error(answer.error));
  }
}
