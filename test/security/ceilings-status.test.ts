import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import { octokitPlatform } from "../../src/github/octokit-platform.ts";
import { ScriptedModel } from "../../src/agent/models/scripted-model.ts";
import { DEFAULT_CEILINGS } from "../../src/config/clamp-limits.ts";
import { ProgressBoard } from "../../src/delivery/status/progress-board.ts";
import { createStatusReporter } from "../../src/delivery/status/status-reporter.ts";
import { githubApi } from "../helpers/github-api.ts";
import { mockNewStatusComment } from "../helpers/github-mocks.ts";
import { silentLog } from "../helpers/probot.ts";
import { FIX, shell, trajectoryEvents } from "./support/frozen-attacks.ts";
import { mockConfigAndIssue, taskRuns, type TaskRuns } from "./support/task-runs.ts";
import { testAccountOf } from "../helpers/ferry-account.ts";

// Attack: `.github/agent.yml` is the repository's to write, and a pull request that edits it (or
// a careless maintainer) could ask for 10,000 steps, $500 a run or hour-long commands on the
// operator's bill and machine. The operator's FERRY_MAX_* now cap it, and the status says so.
let runs: TaskRuns;
beforeEach(async () => {
  runs = await taskRuns();
});
afterEach(async () => runs.close());

test("a repository asking for 10000 steps runs with the operator's cap, and the status comment says so", async () => {
  mockConfigAndIssue("test: node test.js\nlimits:\n  steps: 10000\n");
  const progress = new ProgressBoard();
  const task = await runs.newTask();
  const ceilings = { ...DEFAULT_CEILINGS, steps: 2 };
  const result = await runs.runOnce(task, new ScriptedModel([FIX, shell("true"), shell("true"), shell("true")]), undefined, { ceilings, progress });

  expect(result).toMatchObject({ outcome: "budget-exhausted", budget: "steps", limit: 2 });
  const started = (await trajectoryEvents(runs, task.id)).find((event) => event.type === "run-started");
  expect(started).toMatchObject({ data: { limits: { steps: 2 } } });

  const bodies: string[] = [];
  mockNewStatusComment(githubApi(), bodies);
  const client = octokitPlatform(new Octokit({ auth: "token", log: silentLog }));
  const status = createStatusReporter({ clientFor: async () => client, account: testAccountOf, log: silentLog, partsOf: async () => [], progress });
  await status.listener({ ...task, state: "running" });
  status.close();
  expect(bodies[0]).toContain("limits.steps 10000 was capped at 2 by the operator (FERRY_MAX_STEPS)");
});

test("setup runs under the command cap too: a 3-second setup stops at the operator's 1 second", async () => {
  mockConfigAndIssue("test: node test.js\nsetup: sleep 3\nlimits:\n  commandSeconds: 3600\n");
  const result = await runs.runOnce(await runs.newTask(), new ScriptedModel([]), undefined, { ceilings: { ...DEFAULT_CEILINGS, commandSeconds: 1 } });
  expect(result).toMatchObject({ outcome: "setup-failed", command: "sleep 3", timedOut: true });
});
