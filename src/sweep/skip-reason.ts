import type { Task } from "../tasks/model.ts";
import { isTerminal } from "../tasks/model.ts";
import type { AgentPull } from "./agent-pulls.ts";
import type { ListedIssue } from "./listed-issues.ts";
import type { Approval } from "./sweep-approvals.ts";
import type { SkipCode } from "./sweep-report.ts";

/** A task that ended without a result is not retried for this long unless the issue sees new activity. */
export const RETRY_AFTER_MS = 7 * 24 * 60 * 60 * 1000;
/**
 * Ferry's own last edit of its status comment lands just after the task ends; activity this
 * soon after the end is taken to be that edit, not a person's.
 */
export const OWN_ACTIVITY_SLACK_MS = 5 * 60 * 1000;

/** `approval` is undefined when it was not looked up (an earlier rule passed the issue over). */
export type IssueFacts = { issue: ListedIssue; activeTask: Task | undefined; latestTask: Task | undefined; pulls: readonly AgentPull[]; approval?: Approval | undefined };

export type Skip = { code: SkipCode; reason: string };

/** Why the sweep must pass over this issue, or undefined when it may pick it. The first rule that applies wins. */
export function skipReason(facts: IssueFacts, now: Date): Skip | undefined {
  const { issue, activeTask, pulls } = facts;
  if (issue.locked) return { code: "locked", reason: "the issue is locked" };
  if (activeTask) return { code: "active-task", reason: `task ${activeTask.id} is already ${activeTask.state}` };
  const open = pulls.find((pull) => pull.state === "open");
  if (open) return { code: "open-pull", reason: `agent pull request #${open.number} is open` };
  const rejected = pulls.find((pull) => pull.state === "closed" && !pull.merged);
  if (rejected) {
    return { code: "closed-pull", reason: `agent pull request #${rejected.number} was closed without merging; sweeps never retry it` };
  }
  return endedRecently(facts, now) ?? unapproved(facts);
}

/** Last, as it costs GitHub requests: only a writer's label (or a writer's issue) may start work. */
function unapproved({ approval }: IssueFacts): Skip | undefined {
  if (approval?.approvedBy) return undefined;
  return { code: "unapproved", reason: "labelled by someone without write access" };
}

/** The latest task ended without a result (failed, stopped, no changes) lately, and nobody touched the issue since. */
function endedRecently({ issue, latestTask }: IssueFacts, now: Date): Skip | undefined {
  if (!latestTask || !isTerminal(latestTask.state)) return undefined;
  const ending = endingWords(latestTask);
  if (!ending) return undefined;
  const endedAt = Date.parse(latestTask.updatedAt);
  if (now.getTime() - endedAt >= RETRY_AFTER_MS) return undefined;
  if (Date.parse(issue.updatedAt) > endedAt + OWN_ACTIVITY_SLACK_MS) return undefined;
  const day = latestTask.updatedAt.slice(0, 10);
  return {
    code: "ended-recently",
    reason: `task ${latestTask.id} ${ending} on ${day} and the issue has had no activity since; retried after 7 days or new activity`,
  };
}

function endingWords(task: Task): string | undefined {
  if (task.state === "failed") return "failed";
  if (task.state === "cancelled") return "was stopped";
  if (task.result?.outcome === "no-changes") return "ended without changes";
  return undefined;
}
