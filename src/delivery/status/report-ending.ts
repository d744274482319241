import type { GitHub } from "../../github/platform.ts";
import { reactToIssue, type EndingReaction } from "../../github/reactions.ts";
import { upsertCheckRun } from "../../github/upsert-check-run.ts";
import type { Log } from "../../logger.ts";
import { endingCheck } from "./ending-check.ts";
import type { StatusView } from "./status-view.ts";

/**
 * 🚀 when the task made a change, 😕 when it failed. A task that ended done without a change
 * (nothing to fix) and a cancelled one get none: there is nothing to cheer or regret.
 */
export function endingReaction(view: StatusView): EndingReaction | undefined {
  const { state, result } = view.task;
  if (state === "failed") return "confused";
  if (state === "done" && (view.parts.length > 0 || result?.outcome === "changes-ready")) return "rocket";
  return undefined;
}

/**
 * Besides the last edit of the status: the reaction and the check run. Failures are logged,
 * never thrown; resolves with whether both reached GitHub (both are safe to send again).
 */
export async function reportEnding(client: GitHub, view: StatusView, log: Log): Promise<boolean> {
  const { task } = view;
  let reported = true;
  const reaction = endingReaction(view);
  if (reaction) {
    const issue = { owner: task.repo.owner, repo: task.repo.name, issueNumber: task.issueNumber };
    try {
      await reactToIssue(client, issue, reaction);
    } catch (error) {
      reported = false;
      log.warn({ err: error, task: task.id, reaction }, "could not react to the issue");
    }
  }
  const check = endingCheck(view);
  if (!check) return reported;
  try {
    await upsertCheckRun(client, check);
  } catch (error) {
    reported = false;
    log.warn({ err: error, task: task.id, headSha: check.headSha }, "could not report the check run");
  }
  return reported;
}
