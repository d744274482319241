import { REPO } from "../../../fixtures/webhooks.ts";
import type { TaskState } from "../../../../src/tasks/model.ts";
import type { SqliteStore } from "../../../../src/tasks/sqlite-store.ts";
import { PULL } from "./review-webhooks.ts";

const PATH_TO: Partial<Record<TaskState, TaskState[]>> = {
  done: ["preparing", "running", "done"],
  running: ["preparing", "running"],
};

/** A task on issue #1 that delivered pull request `pull` (#2, the examples' one) as its part 1, left in `state`. */
export async function agentPull(store: SqliteStore, state: "done" | "running" = "done", pull = PULL) {
  const { task } = await store.createTask({
    repo: { owner: REPO.owner, name: REPO.name, installationId: 4242, cloneUrl: "https://github.com/Codertocat/Hello-World.git", defaultBranch: REPO.defaultBranch },
    issueNumber: REPO.issue,
    trigger: "label",
    requester: "maintainer",
  });
  for (const to of PATH_TO[state] ?? []) await store.transition(task.id, to);
  await store.setParts(task.id, [
    { index: 1, branch: `agent/issue-${REPO.issue}/part-1`, number: pull, url: `https://github.com/Codertocat/Hello-World/pull/${pull}`, headSha: "a".repeat(40) },
  ]);
  return task;
}
