import { beforeAll, expect, test } from "@jest/globals";
import { waitFor } from "../helpers/process.ts";
import type { Repository } from "../e2e/github-standin/state.ts";
import { seedBuggyRepo, waitForEnding } from "../e2e/support/harness.ts";
import { harnessFor } from "../e2e/support/harness-for.ts";
import { fixAddScript } from "../e2e/support/model-scripts.ts";

/**
 * `npm start` as a process against the GitHub stand-in and the scripted model: after one task is
 * delivered, GET /metrics shows what start.ts wired (runner, model, GitHub client, webhook thread).
 */
let repo: Repository;
let text: string;

const world = harnessFor();

/** The value of one sample line (`name{labels} value`), or undefined. */
function sample(line: string): number | undefined {
  const found = text.split("\n").find((candidate) => candidate.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

beforeAll(async () => {
  const harness = world();
  repo = await seedBuggyRepo(harness, "calc");
  harness.standin.setPermission(repo, "maintainer", "write");
  const issue = harness.standin.addIssue(repo, { title: "add() subtracts", body: "add(2, 3) should be 5.", user: "reporter" });
  harness.model.reply(...fixAddScript());
  expect((await harness.label(repo, issue, "agent", { login: "maintainer" })).status).toBe(200);
  await waitForEnding(harness, repo, issue);
  // The run's duration is observed once the runner returns, a moment after the ending is shown.
  text = await waitFor("the run's duration in /metrics", async () => {
    const body = await (await fetch(`${harness.ferry.url}/metrics`)).text();
    return body.includes('ferry_task_run_duration_seconds_count{outcome="changes-ready"} 1') ? body : undefined;
  }, 30000);
}, 150000);

test("the task's run and the working states it went through were timed, and its slot given back", () => {
  expect(sample('ferry_task_run_duration_seconds_count{outcome="changes-ready"}')).toBe(1);
  expect(sample('ferry_task_phase_duration_seconds_count{phase="running"}')).toBeGreaterThanOrEqual(1);
  expect(sample('ferry_task_phase_duration_seconds_count{phase="delivering"}')).toBeGreaterThanOrEqual(1);
  expect(sample("ferry_worker_busy_slots")).toBe(0);
});

test("the model's requests were timed and their tokens counted for the repository", () => {
  expect(sample('ferry_model_request_duration_seconds_count{purpose="step",result="ok"}')).toBe(fixAddScript().length);
  expect(sample(`ferry_model_tokens_total{repository="${repo.owner}/${repo.name}",kind="input"}`)).toBeGreaterThan(0);
});

test("GitHub requests were counted and the webhook's answer timed", () => {
  expect(sample('ferry_github_requests_total{method="GET",status="200"}')).toBeGreaterThan(0);
  expect(sample('ferry_webhook_answer_duration_seconds_count{status="200"}')).toBeGreaterThanOrEqual(1);
  expect(sample('ferry_tasks{state="running"}')).toBe(0);
});
