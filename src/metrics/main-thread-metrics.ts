/** How long the webhook thread waits for the main thread's metrics before failing the scrape. */
export const MAIN_METRICS_TIMEOUT_MS = 5000;

type Waiter = { resolve(text: string): void; reject(error: Error): void; timer: NodeJS.Timeout };

/**
 * The webhook thread's side of asking the main thread for its metrics text: each request gets
 * a call number the answer carries back, and fails after `timeoutMs` if a busy or stuck main
 * thread does not answer (the webhook thread itself keeps answering).
 */
export class MainThreadMetrics {
  readonly #ask: (call: number) => void;
  readonly #timeoutMs: number;
  readonly #waiters = new Map<number, Waiter>();
  #nextCall = 1;

  constructor(ask: (call: number) => void, timeoutMs = MAIN_METRICS_TIMEOUT_MS) {
    this.#ask = ask;
    this.#timeoutMs = timeoutMs;
  }

  text(): Promise<string> {
    const call = this.#nextCall++;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(call);
        reject(new Error(`the main thread did not answer within ${this.#timeoutMs} ms`));
      }, this.#timeoutMs);
      this.#waiters.set(call, { resolve, reject, timer });
      this.#ask(call);
    });
  }

  /** The main thread's answer to `call` (late answers are dropped). */
  settle(call: number, answer: { text: string } | { error: string }): void {
    const waiter = this.#waiters.get(call);
    if (!waiter) return;
    this.#waiters.delete(call);
    clearTimeout(waiter.timer);
    if ("text" in answer) waiter.resolve(answer.text);
    else waiter.reject(new Error(answer.error));
  }
}
