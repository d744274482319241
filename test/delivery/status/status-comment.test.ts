import { describe, expect, test } from "@jest/globals";
import { renderStatusComment } from "../../src/delivery/status-comment.ts";
import type { Task } from "../../src/tasks/model.ts";
import { sampleTask } from "../fixtures/tasks.ts";

const task = sampleTask();

describe("the status comment", () => {
  test("a queued task", () => {
    expect(renderStatusComment(task)).toMatchInlineSnapshot(`
"<!-- ferry:task=7 status -->
**Ferry** · task 7

⏳ Queued: waiting for a free worker.

<sub>Requested by @mona through the issue's label. Comment \`/agent help\` for commands.</sub>"
`);
  });

  test("a task the placeholder runner finished says that no code was changed", () => {
    const done: Task = { ...task, state: "done", result: { outcome: "placeholder", message: "No code was changed." } };
    expect(renderStatusComment(done)).toMatchInlineSnapshot(`
"<!-- ferry:task=7 status -->
**Ferry** · task 7

✅ Done.
> [!NOTE]
> No code was changed.

<sub>Requested by @mona through the issue's label. Comment \`/agent help\` for commands.</sub>"
`);
  });

  test("a cancelled task says who cancelled it", () => {
    const cancelled: Task = { ...task, state: "cancelled", trigger: "command", result: { outcome: "cancelled", reason: "@mona closed the issue" } };
    expect(renderStatusComment(cancelled)).toContain("🛑 Cancelled.\nReason: @mona closed the issue");
    expect(renderStatusComment(cancelled)).toContain("through `/agent run`");
  });

  test("a failed task says what went wrong", () => {
    const failed: Task = { ...task, state: "failed", result: { outcome: "error", message: "the sandbox did not start" } };
    expect(renderStatusComment(failed)).toContain("❌ Failed.\nWhat went wrong: the sandbox did not start");
  });
});
