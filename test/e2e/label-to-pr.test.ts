import { beforeAll, expect, test } from "@jest/globals";
import { waitFor } from "../helpers/process.ts";
import type { Issue, Repository } from "./github-standin/state.ts";
import { seedBuggyRepo, testsPassOnFreshClone, waitForEnding } from "./support/harness.ts";
import { harnessFor } from "./support/harness-for.ts";
import { fixAddScript } from "./support/model-scripts.ts";

/**
 * Scenario 1: a writer labels an issue `agent` on a repository whose test fails; Ferry, as
 * a real process against the GitHub stand-in and a scripted model, delivers one pull request
 * whose branch passes the tests, keeping one status comment up to date on the issue.
 */
let repo: Repository;
let issue: Issue;

const world = harnessFor();

beforeAll(async () => {
  const harness = world();
  repo = await seedBuggyRepo(harness, "calc");
  harness.standin.setPermission(repo, "maintainer", "write");
  issue = harness.standin.addIssue(repo, { title: "add() subtracts", body: "add(2, 3) should be 5.", user: "reporter" });
  harness.model.reply(...fixAddScript());
  const delivery = await harness.label(repo, issue, "agent", { login: "maintainer" });
  expect(delivery.status).toBe(200);
  await waitForEnding(harness, repo, issue);
  // The ending reaction comes with the final status; give the check run the same chance.
  await waitFor("the Ferry check run", () => (harness?.standin.checkRunsOf(repo).some((run) => run.status === "completed") ? true : undefined), 30000);
}, 150000);

test("the issue gets 👀 when the task starts and 🚀 when the change is delivered", () => {
  expect(world().standin.reactionsOn(repo, issue.number)).toEqual(["eyes", "rocket"]);
});

test("one draft pull request, from the part branch to main, closes the issue and asks the requester to review", () => {
  const pulls = world().standin.pullsOf(repo);
  expect(pulls).toHaveLength(1);
  const [pull] = pulls;
  expect(pull).toMatchObject({ head: "agent/issue-1/part-1", base: "main", draft: true, requestedReviewers: ["maintainer"] });
  expect(pull?.issue?.state).toBe("open");
  expect(pull?.issue?.labels).toContain("ferry");
  // A single part carries the issue title as it is; `(k/n)` only when there are several.
  expect(pull?.issue?.title).toBe("add() subtracts");
  expect(pull?.issue?.body).toContain("Closes #1");
});

test("the pull request's branch passes the tests when cloned fresh from the stand-in, and main still fails", async () => {
  const branch = await testsPassOnFreshClone(world(), repo, "agent/issue-1/part-1");
  expect(branch).toEqual({ exitCode: 0, output: "1 passed, 0 failed" });
  const main = await testsPassOnFreshClone(world(), repo, "main");
  expect(main.exitCode).toBe(1);
});

test("one status comment, edited through the stages in order, ends Done with the pull request", () => {
  const comments = world().standin.commentsOn(repo, issue.number);
  expect(comments).toHaveLength(1);
  const [status] = comments;
  const history = status?.history ?? [];
  expect(history.length).toBeGreaterThanOrEqual(2);
  const marker = /<!-- ferry:task=\d+ status -->/.exec(history[0] ?? "")?.[0];
  expect(marker).toBeDefined();
  expect(history.every((body) => marker !== undefined && body.includes(marker))).toBe(true);
  const order = ["Queued", "Preparing the workspace", "Setup", "Working", "Testing", "Delivering", "Done"];
  const stages = history.map((body) => (body.includes("✅ **Done**") ? "Done" : (/⏳ \*\*(.+?)\*\*/.exec(body)?.[1] ?? "?")));
  if (process.env.E2E_LOGS) process.stderr.write(`status stages: ${stages.join(" → ")}\n`);
  expect(stages[0]).toBe("Queued");
  expect(stages.at(-1)).toBe("Done");
  const indexes = stages.map((stage) => order.indexOf(stage));
  expect(indexes.every((index, at) => index >= 0 && (at === 0 || index >= (indexes[at - 1] ?? 0)))).toBe(true);
  expect(status?.body).toContain("**Pull request**: #2");
});

test("a successful Ferry check run sits on the pull request's head", async () => {
  const branches = await world().standin.branchesOf(repo);
  const runs = world().standin.checkRunsOf(repo);
  expect(runs).toHaveLength(1);
  expect(runs[0]).toMatchObject({ name: "Ferry", status: "completed", conclusion: "success", headSha: branches.get("agent/issue-1/part-1") });
});

test("the model was asked with the issue and every GitHub request was one GitHub accepts", () => {
  expect(JSON.stringify(world().model.requests[0]?.body)).toContain("add(2, 3) should be 5.");
  expect(world().model.pending).toBe(0);
  expect(world().standin.violations).toEqual([]);
  expect(world().standin.gitRequests.filter((request) => !request.authorised)).toEqual([]);
});
