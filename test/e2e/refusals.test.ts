import { beforeAll, expect, test } from "@jest/globals";
import { expectLoggedWarning } from "../helpers/logged-problems.ts";
import { waitFor } from "../helpers/process.ts";
import type { Repository } from "./github-standin/state.ts";
import { tasksInDatabase } from "./support/ferry-db.ts";
import { seedBuggyRepo, waitUntilHandled } from "./support/harness.ts";
import { harnessFor } from "./support/harness-for.ts";
import { issueCommentCreated, issuesLabeled, signatureOf } from "./support/webhooks.ts";

/**
 * Scenario 5: what Ferry refuses, as a real process against the GitHub stand-in. Ferry answers
 * a delivery once it is stored and handles it right after; once Ferry's store marks it handled,
 * what the stand-in holds is all Ferry did for it.
 */
let repo: Repository;

const world = harnessFor();
const tasksFor = (on: Repository, number: number) =>
  tasksInDatabase(world().dir).filter((task) => task.repo === `${on.owner}/${on.name}` && task.issue === number);
const writesTo = (path: string) => world().standin.requests.filter((request) => request.method !== "GET" && request.path.includes(path));

beforeAll(async () => {
  const harness = world();
  repo = await seedBuggyRepo(harness, "calc");
  harness.standin.setPermission(repo, "maintainer", "write");
  harness.standin.setPermission(repo, "reader", "read");
}, 60000);

test("a label from someone with read access starts nothing and says nothing", async () => {
  const issue = world().standin.addIssue(repo, { title: "add() subtracts" });
  const delivery = await world().label(repo, issue, "agent", { login: "reader" });

  expect(delivery.status).toBe(200);
  await waitUntilHandled(world(), delivery.id);
  // It was looked at: Ferry asked GitHub for the sender's permission, then stopped.
  expect(world().standin.requests.some((request) => request.path.endsWith("/collaborators/reader/permission"))).toBe(true);
  expect(tasksFor(repo, issue.number)).toEqual([]);
  expect(world().standin.commentsOn(repo, issue.number)).toEqual([]);
  expect(world().standin.reactionsOn(repo, issue.number)).toEqual([]);
  expect(world().model.requests).toEqual([]);
});

test("`/agent run` from someone with read access gets a short reply and starts nothing", async () => {
  const issue = world().standin.addIssue(repo, { title: "add() subtracts" });
  const payload = issueCommentCreated(world().standin, repo, issue, "/agent run", { login: "reader" });
  const delivery = await world().deliver({ event: "issue_comment", payload });

  expect(delivery.status).toBe(200);
  await waitUntilHandled(world(), delivery.id);
  expect(tasksFor(repo, issue.number)).toEqual([]);
  const replies = world().standin.commentsOn(repo, issue.number);
  expect(replies).toHaveLength(1);
  expect(replies[0]?.body).toMatch(/write/i);
  expect(world().model.requests).toEqual([]);
});

test("a delivery with a forged signature is refused before Ferry asks GitHub anything", async () => {
  const issue = world().standin.addIssue(repo, { title: "add() subtracts" });
  const before = world().standin.requests.length;
  const payload = issuesLabeled(world().standin, repo, issue, "agent", { login: "maintainer" });
  expectLoggedWarning(/webhook delivery refused or not answered/, 2);
  const forged = await world().deliver({ event: "issues", payload, secret: "not-the-secret" });
  const unsigned = await world().deliver({ event: "issues", payload, signature: "" });

  expect([forged.status, unsigned.status]).toEqual([400, 400]);
  expect(world().standin.requests.slice(before)).toEqual([]);
  expect(tasksFor(repo, issue.number)).toEqual([]);
});

test("a signature over other bytes than the body is refused", async () => {
  const issue = world().standin.addIssue(repo, { title: "add() subtracts" });
  const before = world().standin.requests.length;
  const payload = issuesLabeled(world().standin, repo, issue, "agent", { login: "maintainer" });
  const signature = signatureOf(JSON.stringify({ ...payload, sender: { login: "someone-else", type: "User" } }), "e2e-webhook-secret");
  expectLoggedWarning(/webhook delivery refused or not answered/);
  const delivery = await world().deliver({ event: "issues", payload, signature });

  expect(delivery.status).toBe(400);
  expect(world().standin.requests.slice(before)).toEqual([]);
});

test("a redelivered delivery (same id) is handled once: one task, one status comment, one 👀", async () => {
  const issue = world().standin.addIssue(repo, { title: "add() subtracts", body: "add(2, 3) should be 5." });
  world().model.reply({ text: "Nothing to change." });
  const first = await world().label(repo, issue, "agent", { login: "maintainer" }, "delivery-redelivered");
  const again = await world().label(repo, issue, "agent", { login: "maintainer" }, "delivery-redelivered");
  expect([first.status, again.status]).toEqual([200, 200]);

  const ended = await waitFor(
    "the task to end",
    () => tasksFor(repo, issue.number).find((task) => ["done", "failed", "cancelled"].includes(task.state)),
    90000,
  );
  await waitFor("the status comment to show the ending", () => (world().standin.commentsOn(repo, issue.number)[0]?.body.includes("**Done**") ? true : undefined), 30000);
  expect(tasksFor(repo, issue.number)).toEqual([ended]);
  expect(world().standin.commentsOn(repo, issue.number)).toHaveLength(1);
  expect(writesTo(`/issues/${issue.number}/reactions`).filter((request) => JSON.stringify(request.body).includes("eyes"))).toHaveLength(1);
  expect(world().model.requests).toHaveLength(1);
}, 120000);

test("an invalid .github/agent.yml gets a clear comment and a failed check on the default branch, and no task", async () => {
  const broken = await seedBuggyRepo(world(), "broken", "test: node test.js\nlimits: { steps: lots }\n");
  world().standin.setPermission(broken, "maintainer", "write");
  const issue = world().standin.addIssue(broken, { title: "add() subtracts" });
  const delivery = await world().label(broken, issue, "agent", { login: "maintainer" });

  expect(delivery.status).toBe(200);
  await waitUntilHandled(world(), delivery.id);
  const comments = world().standin.commentsOn(broken, issue.number);
  expect(comments).toHaveLength(1);
  expect(comments[0]?.body).toContain("Ferry could not use `.github/agent.yml` on `main`");
  expect(comments[0]?.body).toContain("limits.steps");
  const main = (await world().standin.branchesOf(broken)).get("main");
  expect(world().standin.checkRunsOf(broken)).toEqual([
    expect.objectContaining({ name: "Ferry", headSha: main, status: "completed", conclusion: "failure", output: expect.objectContaining({ title: "Invalid .github/agent.yml" }) }),
  ]);
  expect(world().standin.reactionsOn(broken, issue.number)).toEqual([]);
  expect(tasksFor(broken, issue.number)).toEqual([]);
});

test("nothing Ferry sent the stand-in was refused or unknown to GitHub", () => {
  expect(world().standin.violations).toEqual([]);
  expect(world().standin.gitRequests.filter((request) => !request.authorised)).toEqual([]);
});
