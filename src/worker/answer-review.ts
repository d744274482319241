import { describeOutcome } from "../agent/describe-outcome.ts";
import { AgentOutcome } from "../tasks/agent-outcome.ts";
import type { GitHub } from "../github/platform.ts";
import type { AccountOf } from "../github/ferry-account.ts";
import type { Log } from "../logger.ts";
import type { ParsedFollowUp } from "../steering/follow-ups/follow-up-data.ts";
import { replyToReview } from "../steering/review/thread-replies.ts";
import type { Task, TaskResult } from "../tasks/model.ts";
import type { Delivery } from "./deliver-outcome.ts";

/**
 * After a review follow-up: every comment of the review gets a reply in its thread, naming the
 * commit of the part that changed, or why nothing changed. A part that kept its commit did not change.
 */
export async function answerReview(
  deps: { client: GitHub; log: Log; account: AccountOf },
  task: Task,
  followUp: Extract<ParsedFollowUp, { kind: "review" }>,
  delivered: Delivery,
  previousShas: ReadonlySet<string>,
): Promise<void> {
  const target = { owner: task.repo.owner, repo: task.repo.name, pull: followUp.feedback.pull };
  const changed = delivered.parts.filter((part) => !previousShas.has(part.sha));
  const summary = summaryOf(delivered.result);
  const outcome =
    changed.length > 0
      ? { kind: "changed" as const, summary, commits: changed.map((part) => ({ part: part.index, sha: part.sha, url: `${part.url}/commits/${part.sha}`, paths: part.paths })) }
      : { kind: "unchanged" as const, reason: reasonOf(delivered.result) };
  try {
    await replyToReview(deps.client, target, task.id, followUp.feedback, outcome, { followUpId: followUp.id, log: deps.log, account: deps.account });
  } catch (error) {
    deps.log.warn({ task: task.id, pull: target.pull, err: error }, "could not answer the review threads");
  }
}

function summaryOf(result: TaskResult): string {
  return "summary" in result ? result.summary : "";
}

/** Why nothing changed, in one line. */
function reasonOf(result: TaskResult): string {
  const agent = AgentOutcome.safeParse(result);
  if (agent.success) {
    if (agent.data.outcome === "changes-ready" || agent.data.outcome === "no-changes") return `the run made no change to the code. ${summaryOf(result)}`.trim();
    return `the run ended without a change: ${describeOutcome(agent.data).split("\n")[0] ?? ""}`;
  }
  if (result.outcome === "error") return `the run failed: ${result.message.split("\n")[0] ?? ""}`;
  if (result.outcome === "cancelled") return `the run was cancelled (${result.reason}).`;
  return "the run ended without a change.";
}
