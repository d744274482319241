import type { Spend } from "../../tasks/agent-outcome.ts";
import type { TaskResult } from "../../tasks/model.ts";

/** What the run spent, when its result says (a task cancelled before its agent started spent nothing). */
export function spendOf(result: TaskResult | null): Spend | undefined {
  if (!result || !("spend" in result)) return undefined;
  return result.spend;
}

/** "Spent: 12 steps · 34,567 tokens · $0.42 · 3.2 min", once the spend is known. */
export function spendLine(result: TaskResult | null): string | undefined {
  const spend = spendOf(result);
  if (!spend) return undefined;
  const tokens = (spend.inputTokens + spend.outputTokens).toLocaleString("en-US");
  const cost = spend.costUsd === null ? "cost unknown" : `$${spend.costUsd.toFixed(2)}`;
  return `Spent: ${spend.steps} ${spend.steps === 1 ? "step" : "steps"} · ${tokens} tokens · ${cost} · ${spend.minutes.toFixed(1)} min`;
}
