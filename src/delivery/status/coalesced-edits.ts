import type { Clock } from "./clock.ts";

/**
 * The edits of one thing on GitHub, one after another so they never race: the first goes out at
 * once, later ones at most once per interval. A wait merges every change made in it into one
 * edit, since the edit reads the latest state when it runs. A failed edit is handed to
 * `onFailure` and the chain goes on: one throw must not freeze the comment for good.
 */
export class CoalescedEdits {
  readonly #edit: () => Promise<void>;
  readonly #intervalMs: number;
  readonly #clock: Clock;
  readonly #onFailure: (error: unknown) => void;
  #chain: Promise<void> = Promise.resolve();
  #lastEditAt: number | undefined;
  #cancelWait: (() => void) | undefined;

  /** `onFailure` is told of an edit (or queued work) that threw; it should log, with context. */
  constructor(edit: () => Promise<void>, intervalMs: number, clock: Clock, onFailure: (error: unknown) => void) {
    this.#edit = edit;
    this.#intervalMs = intervalMs;
    this.#clock = clock;
    this.#onFailure = onFailure;
  }

  /** An edit as soon as the interval allows. Resolves when it is done, or at once when it waits. */
  soon(): Promise<void> {
    if (this.#cancelWait) return Promise.resolve();
    const wait = this.#lastEditAt === undefined ? 0 : this.#lastEditAt + this.#intervalMs - this.#clock.now();
    if (wait <= 0) return this.now();
    this.#cancelWait = this.#clock.schedule(() => {
      this.#cancelWait = undefined;
      void this.now();
    }, wait);
    return Promise.resolve();
  }

  /** An edit now, replacing one that waits; resolves when it is done. */
  now(): Promise<void> {
    this.cancel();
    this.#lastEditAt = this.#clock.now();
    return this.then(this.#edit);
  }

  /** Runs `work` after every edit queued so far; never rejects (a failure goes to `onFailure`). */
  then(work: () => Promise<void>): Promise<void> {
    this.#chain = this.#chain.then(work).catch((error: unknown) => {
      this.#onFailure(error);
    });
    return this.#chain;
  }

  /** Sends a waiting edit now; resolves when every queued edit is done. */
  flush(): Promise<void> {
    return this.#cancelWait ? this.now() : this.#chain;
  }

  /** Drops a waiting edit. */
  cancel(): void {
    this.#cancelWait?.();
    this.#cancelWait = undefined;
  }
}
