import type { Usage } from "./models/model.ts";
import type { BudgetName, Spend } from "../tasks/agent-outcome.ts";

export type BudgetLimits = { steps: number; tokens: number; usd: number; minutes: number };

/**
 * What a run may spend, checked by the harness before every step. Minutes are wall-clock
 * time less the time spent waiting for a person; an unknown price leaves the USD budget
 * unchecked while the token budget still applies.
 */
export class Budgets {
  readonly limits: BudgetLimits;
  readonly #now: () => number;
  readonly #startedAt: number;
  #pausedMs = 0;
  #steps = 0;
  #usage: Usage = { inputTokens: 0, cachedInputTokens: 0, outputTokens: 0, reasoningTokens: 0 };
  #costUsd: number | null = 0;

  constructor(limits: BudgetLimits, now: () => number = Date.now) {
    this.limits = limits;
    this.#now = now;
    this.#startedAt = now();
  }

  /** A model response was paid for; `step` is false for compaction requests. */
  charge(usage: Usage, costUsd: number | null, options: { step: boolean }): void {
    if (options.step) this.#steps += 1;
    this.#usage = {
      inputTokens: this.#usage.inputTokens + usage.inputTokens,
      cachedInputTokens: this.#usage.cachedInputTokens + usage.cachedInputTokens,
      outputTokens: this.#usage.outputTokens + usage.outputTokens,
      reasoningTokens: this.#usage.reasoningTokens + usage.reasoningTokens,
    };
    this.#costUsd = this.#costUsd === null || costUsd === null ? null : this.#costUsd + costUsd;
  }

  paused(ms: number): void {
    this.#pausedMs += ms;
  }

  /** The first budget that is used up, or undefined. */
  exhausted(): BudgetName | undefined {
    const spend = this.spend();
    if (spend.steps >= this.limits.steps) return "steps";
    if (spend.inputTokens + spend.outputTokens >= this.limits.tokens) return "tokens";
    if (spend.costUsd !== null && spend.costUsd >= this.limits.usd) return "usd";
    if (spend.minutes >= this.limits.minutes) return "minutes";
    return undefined;
  }

  spend(): Spend {
    const minutes = Math.max(0, this.#now() - this.#startedAt - this.#pausedMs) / 60_000;
    return { steps: this.#steps, ...this.#usage, costUsd: this.#costUsd, minutes };
  }
}
