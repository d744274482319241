import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { ScriptedModel } from "../../src/agent/models/scripted-model.ts";
import { addCommits } from "../helpers/git-fixtures.ts";
import { githubApi } from "../helpers/github-api.ts";
import { FIXED_ADD } from "../agent/support/buggy-repo.ts";
import { mockConfigAndIssue, mockFirstDelivery, PART_1, taskRuns, type TaskRuns } from "./support/task-runs.ts";

// Attack: a maintainer pushes a commit onto Ferry's part branch; a new task on the same issue
// (a new label, a sweep) must not force-push over it.
const CONFIG = "test: node test.js\n";
const fix = (content = FIXED_ADD) =>
  new ScriptedModel([
    { toolCalls: [{ name: "write_file", arguments: { path: "src/add.js", content } }] },
    { toolCalls: [{ name: "finish", arguments: { summary: "add() adds." } }] },
  ]);

let runs: TaskRuns;
beforeEach(async () => {
  runs = await taskRuns();
});
afterEach(async () => runs.close());

test("a maintainer's commit on a part branch survives a new task on the same issue, which says why it did not push", async () => {
  mockConfigAndIssue(CONFIG);
  mockFirstDelivery();
  expect(await runs.runOnce(await runs.newTask(), fix())).toMatchObject({ outcome: "changes-ready" });
  const [maintainers] = await addCommits(runs.gitDir, [{ message: "Maintainer's touch", branch: PART_1, files: { "NOTES.md": "mine\n" } }]);

  mockConfigAndIssue(CONFIG);
  const result = await runs.runOnce(await runs.newTask(), fix("export const add = (a, b) => b + a;\n"));

  expect(result).toMatchObject({ outcome: "error" });
  expect(result.outcome === "error" && result.message).toContain(`${PART_1} has a commit Ferry did not push`);
  expect(await runs.git(["rev-parse", PART_1])).toBe(maintainers);
});

test("the new task is refused before the agent runs, so it costs nothing", async () => {
  mockConfigAndIssue(CONFIG);
  mockFirstDelivery();
  await runs.runOnce(await runs.newTask(), fix());
  await addCommits(runs.gitDir, [{ message: "Maintainer's touch", branch: PART_1, files: { "NOTES.md": "mine\n" } }]);

  mockConfigAndIssue(CONFIG);
  const model = fix();
  const result = await runs.runOnce(await runs.newTask(), model);

  expect(result.outcome === "error" && result.message).toMatch(/^Not started: /);
  expect(model.requests).toHaveLength(0);
});

test("a maintainer's commit pushed while the agent works survives too: the push itself is leased to Ferry's last push", async () => {
  mockConfigAndIssue(CONFIG);
  mockFirstDelivery();
  await runs.runOnce(await runs.newTask(), fix());
  let maintainers = "";
  mockConfigAndIssue(CONFIG);
  const model = new ScriptedModel([
    { toolCalls: [{ name: "write_file", arguments: { path: "src/add.js", content: "export const add = (a, b) => b + a;\n" } }] },
    async () => {
      [maintainers = ""] = await addCommits(runs.gitDir, [{ message: "Maintainer's touch", branch: PART_1, files: { "NOTES.md": "mine\n" } }]);
      return { toolCalls: [{ name: "finish", arguments: { summary: "add() adds." } }] };
    },
  ]);

  const result = await runs.runOnce(await runs.newTask(), model);

  expect(result.outcome === "error" && result.message).toContain(`Not pushed: ${PART_1} has a commit Ferry did not push`);
  expect(await runs.git(["rev-parse", PART_1])).toBe(maintainers);
});

test("a new task on the same issue may replace what Ferry itself pushed there", async () => {
  mockConfigAndIssue(CONFIG);
  const pulls = mockFirstDelivery();
  await runs.runOnce(await runs.newTask(), fix());
  const first = await runs.git(["rev-parse", PART_1]);

  mockConfigAndIssue(CONFIG);
  const scope = githubApi();
  pulls.expectList(scope);
  pulls.expectPullPatch(scope, 101);
  const result = await runs.runOnce(await runs.newTask(), fix("export const add = (a, b) => b + a;\n"));

  expect(result).toMatchObject({ outcome: "changes-ready" });
  expect(await runs.git(["rev-parse", PART_1])).not.toBe(first);
});
