import type { AgentRun } from "./agent-run.ts";

/**
 * Compacts older turns once the next request would pass the threshold share of the model's
 * context window. Between compactions the conversation only grows at its end, so each request
 * starts with the bytes of the previous one and provider prompt caching keeps working.
 */
export async function compactIfNeeded(run: AgentRun): Promise<void> {
  const { conversation, model, budgets, toolContext } = run;
  if (!conversation.needsCompaction(model.contextWindow, run.compactAt)) return;
  const facts = await conversation.compact(model, {
    signal: toolContext.signal,
    onRetry: (notice) => toolContext.trajectory.record("model-retry", { purpose: "compaction", ...notice }),
    onResponse: (response) => budgets.charge(response.usage, response.costUsd, { step: false }),
    keepRecentShare: 0.5,
  });
  toolContext.trajectory.record("compaction", { ...facts });
}
