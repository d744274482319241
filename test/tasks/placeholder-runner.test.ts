import { afterEach, beforeEach, expect, test } from "@jest/globals";
import type { TaskState } from "../../src/tasks/model.ts";
import { PLACEHOLDER_MESSAGE, placeholderRunner } from "../../src/tasks/placeholder-runner.ts";
import type { RunContext } from "../../src/tasks/queue-types.ts";
import { SqliteStore } from "../../src/tasks/sqlite-store.ts";
import { newTask } from "./support/new-task.ts";

let store: SqliteStore;
let controller: AbortController;
let moves: TaskState[];
beforeEach(() => {
  store = new SqliteStore({ dataDir: ":memory:" });
  controller = new AbortController();
  moves = [];
});
afterEach(() => store.close());

/** A run context over the store that records moves; `afterMove` lets a test act between steps. */
function runContext(afterMove: (state: TaskState) => void = () => {}): RunContext {
  const task = store.createTask(newTask()).task;
  return {
    task,
    run: store.startRun(task.id),
    signal: controller.signal,
    moveTo: async (state) => {
      const moved = store.transition(task.id, state);
      moves.push(state);
      afterMove(state);
      return moved;
    },
  };
}

test("the placeholder runner moves the task through the working states to delivering", async () => {
  await placeholderRunner(runContext());
  expect(moves).toEqual(["preparing", "running", "verifying", "delivering"]);
});

test("the placeholder runner ends as no-changes, spending nothing, its note saying no code was changed", async () => {
  await expect(placeholderRunner(runContext())).resolves.toEqual({
    outcome: "no-changes",
    summary:
      "Ferry's agent is not installed in this build yet: this task was only moved through its states, and no code was changed.",
    spend: { steps: 0, inputTokens: 0, cachedInputTokens: 0, outputTokens: 0, reasoningTokens: 0, costUsd: 0, minutes: 0 },
  });
  expect(PLACEHOLDER_MESSAGE).toContain("no code was changed");
});

test("the placeholder runner stops at the next step once aborted", async () => {
  const context = runContext((state) => {
    if (state === "running") controller.abort(new DOMException("cancelled", "AbortError"));
  });
  await expect(placeholderRunner(context)).rejects.toMatchObject({ name: "AbortError" });
  expect(moves).toEqual(["preparing", "running"]);
});
