import { createHash } from "node:crypto";
import type { Baseline } from "./judge.ts";

/** What a run on the base depends on: the same key, the same outcomes. */
export type BaselineKey = { repo: string; baseSha: string; image: string; setup?: string; test: string; testReport?: string };

/**
 * The test runs on untouched bases this worker made, most recent last, so follow-ups of a task
 * (a redirect, a review) on the same base do not run the whole suite again before the agent.
 * A run that timed out is not kept: the next task measures again.
 */
export class BaselineCache {
  readonly #entries = new Map<string, Baseline>();
  readonly #max: number;

  constructor(max = 64) {
    this.#max = max;
  }

  async get(key: BaselineKey, measure: () => Promise<Baseline>): Promise<Baseline> {
    const id = keyOf(key);
    const kept = this.#entries.get(id);
    if (kept) {
      this.#entries.delete(id);
      this.#entries.set(id, kept);
      return kept;
    }
    const measured = await measure();
    if (!measured.run.timedOut) {
      this.#entries.set(id, measured);
      for (const oldest of this.#entries.keys()) {
        if (this.#entries.size <= this.#max) break;
        this.#entries.delete(oldest);
      }
    }
    return measured;
  }
}

const keyOf = (key: BaselineKey): string => createHash("sha256").update(JSON.stringify([key.repo, key.baseSha, key.image, key.setup ?? null, key.test, key.testReport ?? null])).digest("hex");
