import { beforeAll, expect, test } from "@jest/globals";
import { waitFor } from "../helpers/process.ts";
import type { Issue, Repository } from "./github-standin/state.ts";
import { neverFinishingScript } from "./support/budget-script.ts";
import { tasksInDatabase } from "./support/ferry-db.ts";
import { seedBuggyRepo, waitForEnding } from "./support/harness.ts";
import { harnessFor } from "./support/harness-for.ts";

/**
 * Scenario 7: `limits.steps: 3` in `.github/agent.yml`, and a model that edits a file and
 * then never finishes. The run stops after its third step; the issue's status says the steps
 * budget ended it, and nothing is pushed: no branch, no pull request, no successful check.
 */
const STEPS = 3;
/** What the model would go on doing if Ferry let it. */
const SCRIPTED = 8;

let repo: Repository;
let issue: Issue;
let seededMain: string | undefined;

const world = harnessFor();
const statusBody = (): string => world().standin.commentsOn(repo, issue.number)[0]?.body ?? "";

beforeAll(async () => {
  const harness = world();
  repo = await seedBuggyRepo(harness, "calc", `base: main\ntest: node test.js\nlimits: { steps: ${STEPS} }\n`);
  seededMain = (await harness.standin.branchesOf(repo)).get("main");
  harness.standin.setPermission(repo, "maintainer", "write");
  issue = harness.standin.addIssue(repo, { title: "add() subtracts", body: "add(2, 3) should be 5.", user: "reporter" });
  harness.model.reply(...neverFinishingScript(SCRIPTED));
  const delivery = await harness.label(repo, issue, "agent", { login: "maintainer" });
  // Acknowledged (200, or 202 once handling is deferred); what it led to is polled for below.
  expect([200, 202]).toContain(delivery.status);
  await waitForEnding(harness, repo, issue, 120000);
  // The reaction and the last edit of the status are separate writes: wait for the edit too.
  await waitFor("the status comment to show the ending", () => (statusBody().includes("❌ **Failed**") ? true : undefined), 30000);
}, 180000);

test("the model was asked exactly as many times as the steps budget allows", () => {
  expect(world().model.requests).toHaveLength(STEPS);
  expect(world().model.pending).toBe(SCRIPTED - STEPS);
});

test("the issue's one status comment says the steps budget ended the run, and how to go on", () => {
  const comments = world().standin.commentsOn(repo, issue.number);
  expect(comments).toHaveLength(1);
  const body = statusBody();
  expect(body).toContain("**budget-exhausted**: the run used up its steps budget (3 steps) before the agent finished.");
  expect(body).toContain("Raise `limits.steps` in `.github/agent.yml`");
  expect(body).toContain("- [ ] ❌ Working · 3 steps");
  expect(body).toContain("Spent: 3 steps");
  expect(body).not.toMatch(/\*\*Pull requests?\*\*/);
  // No other budget is blamed.
  expect(body).not.toMatch(/its (tokens|usd|minutes) budget/);
});

test("the issue gets 👀 then 😕, and the task ended failed", () => {
  expect(world().standin.reactionsOn(repo, issue.number)).toEqual(["eyes", "confused"]);
  const tasks = tasksInDatabase(world().dir).filter((task) => task.issue === issue.number);
  expect(tasks).toEqual([expect.objectContaining({ state: "failed" })]);
});

test("nothing was pushed: main is as seeded, no agent branch, no pull request, no successful check run", async () => {
  const branches = await world().standin.branchesOf(repo);
  expect([...branches.keys()]).toEqual(["main"]);
  expect(branches.get("main")).toBe(seededMain);
  expect(world().standin.gitRequests.filter((request) => request.service === "git-receive-pack" || request.path.endsWith("/git-receive-pack"))).toEqual([]);
  expect(world().standin.pullsOf(repo)).toEqual([]);
  expect(world().standin.checkRunsOf(repo).filter((run) => run.conclusion === "success")).toEqual([]);
});

test("every GitHub request was one GitHub accepts", () => {
  expect(world().standin.violations).toEqual([]);
  expect(world().standin.gitRequests.filter((request) => !request.authorised)).toEqual([]);
});
