import type { TaskState } from "../../tasks/model.ts";
import type { Progress } from "./progress.ts";
import type { StatusView } from "./status-view.ts";

/** The checklist's items before the ending, in the order a task goes through them. */
export const STAGES = ["queued", "preparing", "setup", "working", "testing", "delivering"] as const;
export type Stage = (typeof STAGES)[number];

/** Where a task that has not ended is: its state, refined by the agent's progress. */
export function activeStage(state: TaskState, progress: Progress | undefined): Stage {
  switch (state) {
    case "queued":
      return "queued";
    case "preparing":
      // The setup command runs before the task moves to `running`.
      return progress?.phase === "setup" ? "setup" : "preparing";
    case "running":
      return progress?.phase === "testing" ? "testing" : "working";
    case "waiting":
      return "working";
    case "verifying":
      return "testing";
    default:
      return "delivering";
  }
}

/** Where a failed or cancelled task stopped: said by its ending where it can, else by its last state. */
export function stoppedStage(view: StatusView): Stage {
  const result = view.task.result;
  if (result?.outcome === "setup-failed") return "setup";
  if (result?.outcome === "tests-failing" || result?.outcome === "blocked") return "testing";
  if (view.stoppedIn) return activeStage(view.stoppedIn, view.progress);
  if (result?.outcome === "budget-exhausted" || result?.outcome === "failed") return "working";
  if (result?.outcome === "cancelled") return result.spend ? "working" : "queued";
  return "preparing";
}
