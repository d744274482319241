import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { ScriptedModel } from "../../src/agent/models/scripted-model.ts";
import { FINISH, FIX, pushedPart, shell } from "./support/frozen-attacks.ts";
import { mockConfigAndIssue, taskRuns, type TaskRuns } from "./support/task-runs.ts";

// Attack: the path policy (paths.deny, default `.github/workflows/**` and `**/.env*`) was only
// checked by write_file and edit_file, so the shell could deliver a workflow or an env file.
// It is now enforced on the frozen change, whichever tool wrote the file.
let runs: TaskRuns;
beforeEach(async () => {
  runs = await taskRuns();
});
afterEach(async () => runs.close());

test("a workflow the shell wrote blocks the change, and nothing is pushed", async () => {
  mockConfigAndIssue("test: node test.js\n");
  const workflow = shell("mkdir -p .github/workflows && printf 'on: push\\njobs: {}\\n' > .github/workflows/x.yml");
  const result = await runs.runOnce(await runs.newTask(), new ScriptedModel([FIX, workflow, FINISH]));
  expect(result).toMatchObject({ outcome: "blocked", findings: [expect.objectContaining({ path: ".github/workflows/x.yml", kind: "paths.deny .github/workflows/**" })] });
  expect(await pushedPart(runs)).toBeUndefined();
});

test("an env file the shell wrote blocks the change, and nothing is pushed", async () => {
  mockConfigAndIssue("test: node test.js\n");
  const result = await runs.runOnce(await runs.newTask(), new ScriptedModel([FIX, shell("mkdir -p config && echo MODE=prod > config/.env.production"), FINISH]));
  expect(result).toMatchObject({ outcome: "blocked", findings: [expect.objectContaining({ path: "config/.env.production" })] });
  expect(await pushedPart(runs)).toBeUndefined();
});

test("deleting a denied path is a write to it too", async () => {
  await runs.close();
  runs = await taskRuns({ ".github/workflows/ci.yml": "on: push\n" });
  mockConfigAndIssue("test: node test.js\n");
  const result = await runs.runOnce(await runs.newTask(), new ScriptedModel([FIX, shell("rm .github/workflows/ci.yml"), FINISH]));
  expect(result).toMatchObject({ outcome: "blocked", findings: [expect.objectContaining({ path: ".github/workflows/ci.yml" })] });
  expect(await pushedPart(runs)).toBeUndefined();
});
