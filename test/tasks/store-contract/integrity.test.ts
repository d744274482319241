import { beforeEach, expect, test } from "@jest/globals";
import type { Store } from "../../../src/tasks/store.ts";
import { newTask } from "../support/new-task.ts";
import { describeEachStore } from "./each-store.ts";
import type { RawDatabase } from "./each-store.ts";

// These tests write to the store's database behind its back, as an operator or another build might.
describeEachStore("what the database itself guards", ({ kind, open, raw }) => {
  let store: Store;
  let db: RawDatabase;
  beforeEach(async () => {
    store = await open();
    db = await raw();
  });

  test("stored events cannot be changed", async () => {
    const { task } = await store.createTask(newTask());
    await store.appendEvent(task.id, "tool-call", { tool: "shell" });
    await expect(db.exec("UPDATE events SET type = 'edited'")).rejects.toThrow("events are append-only");
    expect((await store.listEvents(task.id)).map((event) => event.type)).toEqual(["tool-call"]);
  });

  test("stored events cannot be deleted", async () => {
    const { task } = await store.createTask(newTask());
    await store.appendEvent(task.id, "tool-call");
    await expect(db.exec("DELETE FROM events")).rejects.toThrow("events are append-only");
    expect(await store.listEvents(task.id)).toHaveLength(1);
  });

  test("a stored result that is not a valid TaskResult is refused when read", async () => {
    const { task } = await store.createTask(newTask());
    await db.exec(`UPDATE tasks SET result = '{"outcome":"merged"}' WHERE id = ${task.id}`);
    await expect(store.getTask(task.id)).rejects.toThrow(`Task ${task.id} has a stored result that is not a valid TaskResult`);
  });

  test("a stored state the model does not know is refused when read", async () => {
    const { task } = await store.createTask(newTask());
    // The table's CHECK refuses it too: an older or hand-made schema may not have one.
    await db.exec(kind === "sqlite" ? "PRAGMA ignore_check_constraints = ON" : "ALTER TABLE tasks DROP CONSTRAINT tasks_state_check");
    await db.exec(`UPDATE tasks SET state = 'paused' WHERE id = ${task.id}`);
    await expect(store.getTask(task.id)).rejects.toThrow(/state/);
  });

  test("the database refuses a state it does not know", async () => {
    const { task } = await store.createTask(newTask());
    await expect(db.exec(`UPDATE tasks SET state = 'paused' WHERE id = ${task.id}`)).rejects.toThrow(/CHECK constraint failed|violates check constraint/);
  });

  test("the database itself refuses a second active task for an issue, whatever the case of its names", async () => {
    await store.createTask(newTask());
    const insert = `INSERT INTO tasks (owner, repo, installation_id, clone_url, default_branch, issue_number,
      "trigger", requester, state, created_at, updated_at) VALUES ('OCTO-ORG', 'Widgets', 42, 'x', 'main', 7, 'label',
      'hubot', 'running', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`;
    await expect(db.exec(insert)).rejects.toThrow(/UNIQUE constraint failed|duplicate key value violates unique constraint "tasks_one_active_per_issue"/);
  });
});
