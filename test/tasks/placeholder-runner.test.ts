import { afterEach, beforeEach, expect, test } from "@jest/globals";
import type { TaskState } from "../../src/tasks/model.ts";
import { PLACEHOLDER_MESSAGE, placeholderRunner } from "../../src/tasks/placeholder-runner.ts";
import type { RunContext } from "../../src/tasks/queue-types.ts";
import { SqliteStore } from "../../src/tasks/sqlite-store.ts";
import { newTask } from "./support/new-task.ts";

let store: SqliteStore;
let controller: AbortController;
let moves: TaskState[];
beforeEach(async () => {
  store = new SqliteStore({ dataDir: ":memory:" });
  controller = new AbortController();
  moves = [];
});
afterEach(async () => await store.close());

/** A run context over the store that records moves; `afterMove` lets a test act between steps. */
async function runContext(afterMove: (state: TaskState) => void = () => {}): Promise<RunContext> {
  const task = (await store.createTask(newTask())).task;
  return {
    task,
    run: await store.startRun(task.id),
    signal: controller.signal,
    moveTo: async (state) => {
      const moved = await store.transition(task.id, state);
      moves.push(state);
      afterMove(state);
      return moved;
    },
  };
}

test("the placeholder runner moves the task through the working states to delivering", async () => {
  await placeholderRunner(await runContext());
  expect(moves).toEqual(["preparing", "running", "verifying", "delivering"]);
});

test("the placeholder runner ends as no-changes, spending nothing, its note saying no code was changed", async () => {
  await expect(placeholderRunner(await runContext())).resolves.toEqual({
    outcome: "no-changes",
    summary:
      "Ferry's agent is not installed in this build yet: this task was only moved through its states, and no code was changed.",
    spend: { steps: 0, inputTokens: 0, cachedInputTokens: 0, outputTokens: 0, reasoningTokens: 0, costUsd: 0, minutes: 0 },
  });
  expect(PLACEHOLDER_MESSAGE).toContain("no code was changed");
});

test("the placeholder runner stops at the next step once aborted", async () => {
  const context = await runContext((state) => {
    if (state === "running") controller.abort(new DOMException("cancelled", "AbortError"));
  });
  await expect(placeholderRunner(context)).rejects.toMatchObject({ name: "AbortError" });
  expect(moves).toEqual(["preparing", "running"]);
});
