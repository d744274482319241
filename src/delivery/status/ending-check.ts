import type { CheckConclusion, CompletedCheck } from "../../github/upsert-check-run.ts";
import type { TaskResult, TaskState } from "../../tasks/model.ts";
import { explainEnding } from "./explain-ending.ts";
import { linkReference, pullRequestList } from "./pull-request-list.ts";
import { spendLine } from "./spend-line.ts";
import type { StatusView } from "./status-view.ts";
import { evidenceMarkdown } from "./evidence-markdown.ts";
import { MAX_NAMES } from "../../tasks/test-evidence.ts";

const CONCLUSIONS: Partial<Record<TaskState, CheckConclusion>> = { done: "success", failed: "failure", cancelled: "cancelled" };

const TITLES: Record<TaskResult["outcome"], string> = {
  "changes-ready": "The change is ready and the tests pass",
  "tests-failing": "The tests still fail",
  "no-changes": "The agent changed nothing",
  "budget-exhausted": "A budget ran out",
  blocked: "Blocked: the change holds a secret or a path Ferry never delivers",
  "setup-failed": "The setup command failed",
  cancelled: "Cancelled",
  failed: "The agent's run failed",
  error: "Ferry stopped with an error",
};

/** The id a task's check run is found by again. */
export const checkRunExternalId = (taskId: number): string => `ferry-task-${taskId}`;

/**
 * The check run that mirrors an ended task on the head of its last pull request, where
 * reviewers and branch protection look. None when nothing was delivered.
 */
export function endingCheck(view: StatusView): CompletedCheck | undefined {
  const { task } = view;
  const last = view.parts.at(-1);
  const conclusion = CONCLUSIONS[task.state];
  if (!last || !conclusion) return undefined;
  const summary = [pullRequestList(view.parts, linkReference), explainEnding(view), fullTestList(task.result), spendLine(task.result)];
  return {
    owner: task.repo.owner,
    repo: task.repo.name,
    headSha: last.headSha,
    externalId: checkRunExternalId(task.id),
    conclusion,
    title: task.result ? TITLES[task.result.outcome] : "Ended",
    summary: summary.filter((section) => section !== undefined).join("\n\n"),
  };
}

/** The check run's summary lists every test name kept (the status comment shows the first few). */
function fullTestList(result: TaskResult | null | undefined): string | undefined {
  const evidence = result && "tests" in result ? result.tests.evidence : undefined;
  return evidence?.mode === "per-test" ? `### Every test named\n\n${evidenceMarkdown(evidence, MAX_NAMES)}` : undefined;
}
