import type { AgentRun } from "./agent-run.ts";
import { compactIfNeeded } from "./compact-if-needed.ts";
import { executeCalls } from "./execute-calls.ts";
import { deliverInbox } from "./inbox.ts";
import { endOnError } from "./end-on-error.ts";
import type { AgentOutcome } from "../tasks/agent-outcome.ts";
import { query } from "./query.ts";
import { verifyFinish } from "./verify-finish.ts";

/**
 * The agent loop: check the budgets, hand over steering messages, keep the context small,
 * ask the model, run its tool calls; when it says it is done, the harness verifies.
 */
export async function runAgentLoop(run: AgentRun): Promise<AgentOutcome> {
  const { budgets, toolContext } = run;
  let failedTestRuns = 0;
  try {
    for (;;) {
      toolContext.signal.throwIfAborted();
      const budget = budgets.exhausted();
      if (budget) return { outcome: "budget-exhausted", budget, limit: budgets.limits[budget], spend: budgets.spend() };
      await deliverInbox(run);
      await compactIfNeeded(run);
      const response = await query(run);
      const finish = await executeCalls(run, response);
      if (!finish) continue;
      const verdict = await verifyFinish(run, finish.summary, failedTestRuns);
      if (verdict.done) return verdict.outcome;
      failedTestRuns += 1;
    }
  } catch (error) {
    return endOnError(error, run);
  }
}
