import { describe, expect, test } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import { octokitPlatform } from "../../../src/github/octokit-platform.ts";
import { reportEnding } from "../../../src/delivery/status/report-ending.ts";
import type { StatusView } from "../../../src/delivery/status/status-view.ts";
import type { Task, TaskResult } from "../../../src/tasks/model.ts";
import { sampleTask } from "../../fixtures/tasks.ts";
import { githubApi } from "../../helpers/github-api.ts";
import { silentLog } from "../../helpers/probot.ts";
import { recordingLog } from "../../helpers/recording-log.ts";
import { part, passingTests, spend } from "./support/outcomes.ts";

const client = octokitPlatform(new Octokit({ auth: "token", log: silentLog }));
const reactions = "/repos/octo/app/issues/3/reactions";
const ready: TaskResult = { outcome: "changes-ready", summary: "Fixed add().", tests: passingTests, files: [], weakening: [], spend };
const lastHead = "2".repeat(40);
const checkRunsOfHead = `/repos/octo/app/commits/${lastHead}/check-runs`;
const ferryRuns = { check_name: "Ferry", filter: "all", per_page: "100" };

function endedView(state: Task["state"], result: TaskResult, parts = [part(1, 12), part(2, 13)]): StatusView {
  return { task: sampleTask({ state, result }), parts };
}

describe("the end of a task on GitHub", () => {
  test("🚀 on the issue when the task is done with a change", async () => {
    githubApi().post(reactions, { content: "rocket" }).reply(201, { id: 1, content: "rocket" });
    await reportEnding(client, endedView("done", ready, []), silentLog);
  });

  test("😕 on the issue when the task failed", async () => {
    githubApi().post(reactions, { content: "confused" }).reply(201, { id: 1, content: "confused" });
    await reportEnding(client, endedView("failed", { outcome: "error", message: "boom" }, []), silentLog);
  });

  test("no reaction when the task was cancelled, or done without a change", async () => {
    const log = recordingLog();
    await reportEnding(client, endedView("cancelled", { outcome: "cancelled", reason: "@mona closed the issue" }, []), log);
    await reportEnding(client, endedView("done", { outcome: "no-changes", summary: "Nothing to do.", spend }, []), log);
    expect(log.lines).toEqual([]);
  });

  test("a check run on the last part's head mirrors the ending, with the pull requests linked", async () => {
    const created: Record<string, unknown>[] = [];
    githubApi()
      .post(reactions, { content: "rocket" })
      .reply(201, { id: 1, content: "rocket" })
      .get(checkRunsOfHead)
      .query(ferryRuns)
      .reply(200, { total_count: 0, check_runs: [] })
      .post("/repos/octo/app/check-runs", (body: Record<string, unknown>) => created.push(body) > 0)
      .reply(201, { id: 31 });

    await reportEnding(client, endedView("done", ready), silentLog);

    expect(created).toEqual([
      expect.objectContaining({ name: "Ferry", head_sha: lastHead, external_id: "ferry-task-7", status: "completed", conclusion: "success" }),
    ]);
    expect(created[0]?.output).toMatchInlineSnapshot(`
{
  "summary": "**Pull requests**
- Part 1 of 2: [#12](https://github.com/octo/app/pull/12)
- Part 2 of 2: [#13](https://github.com/octo/app/pull/13)

**changes-ready**: the tests pass (\`npm test\`).

> Fixed add().

Spent: 12 steps · 34,567 tokens · $0.42 · 3.3 min",
  "title": "The change is ready and the tests pass",
}
`);
  });

  test("a check run the task already has is edited, not duplicated", async () => {
    const patched: Record<string, unknown>[] = [];
    githubApi()
      .post(reactions, { content: "confused" })
      .reply(201, { id: 1, content: "confused" })
      .get(checkRunsOfHead)
      .query(ferryRuns)
      .reply(200, { total_count: 2, check_runs: [{ id: 30, external_id: "" }, { id: 31, external_id: "ferry-task-7" }] })
      .patch("/repos/octo/app/check-runs/31", (body: Record<string, unknown>) => patched.push(body) > 0)
      .reply(200, { id: 31 });
    const tests = { ...passingTests, passed: false, exitCode: 1, output: "1 failing" };

    await reportEnding(client, endedView("failed", { outcome: "tests-failing", summary: "", tests, spend }), silentLog);

    expect(patched).toEqual([
      expect.objectContaining({ conclusion: "failure", external_id: "ferry-task-7", output: expect.objectContaining({ title: "The tests still fail" }) }),
    ]);
  });

  test("a cancelled task's check run is cancelled", async () => {
    const created: Record<string, unknown>[] = [];
    githubApi()
      .get(checkRunsOfHead)
      .query(ferryRuns)
      .reply(200, { total_count: 0, check_runs: [] })
      .post("/repos/octo/app/check-runs", (body: Record<string, unknown>) => created.push(body) > 0)
      .reply(201, { id: 32 });

    await reportEnding(client, endedView("cancelled", { outcome: "cancelled", reason: "@mona closed the issue" }), silentLog);

    expect(created[0]).toEqual(expect.objectContaining({ conclusion: "cancelled", output: { title: "Cancelled", summary: expect.stringContaining("@mona closed the issue") } }));
  });

  test("no check run when nothing was delivered; the reaction reaching GitHub is the whole ending", async () => {
    githubApi().post(reactions, { content: "confused" }).reply(201, { id: 1, content: "confused" });
    await expect(reportEnding(client, endedView("failed", { outcome: "error", message: "boom" }, []), silentLog)).resolves.toBe(true);
  });

  test("GitHub failing the reaction or the check run is logged, never thrown, and the ending counts as not reported", async () => {
    githubApi().post(reactions).reply(500, { message: "boom" }).get(checkRunsOfHead).query(ferryRuns).reply(403, { message: "Resource not accessible by integration" });
    const log = recordingLog();

    await expect(reportEnding(client, endedView("done", ready), log)).resolves.toBe(false);

    expect(log.lines.map((line) => [line.level, line.message])).toEqual([
      ["warn", "could not react to the issue"],
      ["warn", "could not report the check run"],
    ]);
  });
});
