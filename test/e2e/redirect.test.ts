import { afterAll, beforeAll, expect, test } from "@jest/globals";
import { execa } from "execa";
import { waitFor } from "../helpers/process.ts";
import type { Comment, Issue, Repository } from "./github-standin/state.ts";
import { seedBuggyRepo, startHarness, testsPassOnFreshClone, waitForEnding, type Harness } from "./support/harness.ts";
import { followRedirectScript, MULTIPLY_JS, readAddTurn, REDIRECT_TEXT } from "./support/redirect-scripts.ts";
import { postedComment, type Sender } from "./support/webhooks.ts";

/**
 * Scenario 3: a writer's `/agent redirect` posted while the agent waits for the model reaches
 * the running agent in its very next model request, and the delivered change follows it.
 * The model's first answer is held until Ferry has taken the redirect, so the order is fixed
 * by the test, not by timing.
 */
let harness: Harness | undefined;
let repo: Repository;
let issue: Issue;
let redirectComment: Comment;
/** What the model had been asked when the redirect was taken, and the status comment then. */
let requestsWhileHeld = -1;
let statusWhileHeld = "";
const release = Promise.withResolvers<void>();

const world = (): Harness => {
  if (!harness) throw new Error("the harness did not start");
  return harness;
};
const statusComment = () => world().standin.commentsOn(repo, issue.number).find((comment) => /<!-- ferry:task=\d+ status -->/.test(comment.body));
const BRANCH = "agent/issue-1/part-1";
const INSTRUCTION = "New instruction from @maintainer";

/** The writer posts the comment on GitHub (the stand-in keeps it), and GitHub sends `issue_comment.created`. */
async function postComment(on: Repository, to: Issue, body: string, sender: Sender): Promise<Comment> {
  const { comment, payload } = postedComment(world().standin, on, to, body, sender);
  const delivery = await world().deliver({ event: "issue_comment", payload });
  expect(delivery.status).toBe(200);
  return comment;
}

beforeAll(async () => {
  harness = await startHarness();
  repo = await seedBuggyRepo(harness, "calc");
  harness.standin.setPermission(repo, "maintainer", "write");
  issue = harness.standin.addIssue(repo, { title: "add() subtracts", body: "add(2, 3) should be 5.", user: "reporter" });
  harness.model.reply({ held: release.promise, reply: readAddTurn() }, ...followRedirectScript());
  const delivery = await harness.label(repo, issue, "agent", { login: "maintainer" });
  expect(delivery.status).toBe(200);
  await waitFor("the agent's first model request", () => (harness && harness.model.requests.length > 0 ? true : undefined), 90000);

  redirectComment = await postComment(repo, issue, `/agent redirect ${REDIRECT_TEXT}`, { login: "maintainer" });
  await waitFor(
    "Ferry to answer the redirect",
    () => (harness?.standin.commentsOn(repo, issue.number).some((comment) => comment.body.startsWith("Got it: task")) ? true : undefined),
    30000,
  );
  statusWhileHeld = await waitFor("the status comment to list the redirect as received", () => {
    const body = statusComment()?.body;
    return body?.includes(REDIRECT_TEXT) ? body : undefined;
  }, 30000);
  requestsWhileHeld = harness.model.requests.length;

  release.resolve();
  await waitForEnding(harness, repo, issue);
  await waitFor("the status comment to end Done", () => (statusComment()?.body.includes("✅ **Done**") ? true : undefined), 30000);
}, 180000);

afterAll(async () => {
  release.resolve();
  const exitCode = await harness?.close();
  expect(exitCode).toBe(0);
}, 30000);

test("Ferry takes the redirect while the agent waits: 👀 on the comment and a reply saying when the agent gets it", () => {
  const reactions = world().standin.state.reactions.filter((reaction) => reaction.subject === `comment:${redirectComment.id}`);
  expect(reactions.map((reaction) => reaction.content)).toEqual(["eyes"]);
  const replies = world().standin.commentsOn(repo, issue.number).filter((comment) => comment.body.startsWith("Got it"));
  expect(replies.map((reply) => reply.body)).toEqual([expect.stringMatching(/^Got it: task \d+'s agent gets this instruction at its next step\.$/)]);
});

test("while the model's answer is held, the status comment lists the redirect as received, not yet applied", () => {
  expect(requestsWhileHeld).toBe(1);
  expect(statusWhileHeld).toContain("**Steering**");
  expect(statusWhileHeld).toContain(`- @maintainer: “${REDIRECT_TEXT}” · ⏳ received; the agent gets it at its next step`);
});

test("the request after the held one carries the redirect as a maintainer's instruction; the first did not", () => {
  const requests = world().model.requests;
  expect(requests.length).toBe(1 + followRedirectScript().length);
  expect(requests[0]?.raw).toContain("add(2, 3) should be 5.");
  expect(requests[0]?.raw).not.toContain(REDIRECT_TEXT);
  expect(requests[0]?.raw).not.toContain(INSTRUCTION);
  const next = JSON.stringify(requests[1]?.body);
  expect(next).toContain(`${INSTRUCTION} (a maintainer); it takes precedence over earlier ones:`);
  expect(next).toContain(REDIRECT_TEXT);
  // Handed over once: later requests keep it in the history, never as a second instruction.
  const last = requests.at(-1)?.raw ?? "";
  expect(last.split(INSTRUCTION)).toHaveLength(2);
  expect(world().model.pending).toBe(0);
});

test("the delivered branch follows the redirect: multiply() is there, and the tests pass on a fresh clone", async () => {
  const pulls = world().standin.pullsOf(repo);
  expect(pulls).toHaveLength(1);
  expect(pulls[0]).toMatchObject({ head: BRANCH, base: "main", draft: true });
  expect(await testsPassOnFreshClone(world(), repo, BRANCH)).toEqual({ exitCode: 0, output: "1 passed, 0 failed" });
  const pushed = await execa("git", ["--git-dir", repo.gitDir, "show", `${BRANCH}:src/multiply.js`]);
  expect(`${pushed.stdout}\n`).toBe(MULTIPLY_JS);
  const onMain = await execa("git", ["--git-dir", repo.gitDir, "cat-file", "-e", "main:src/multiply.js"], { reject: false });
  expect(onMain.exitCode).not.toBe(0);
});

test("the final status comment shows the redirect as applied", () => {
  const body = statusComment()?.body ?? "";
  expect(body).toContain("✅ **Done**");
  expect(body).toContain(`- @maintainer: “${REDIRECT_TEXT}” · ✅ applied`);
  expect(body).not.toContain("⏳ received");
});

test("every GitHub request Ferry made was one GitHub accepts", () => {
  expect(world().standin.violations).toEqual([]);
  expect(world().standin.gitRequests.filter((request) => !request.authorised)).toEqual([]);
});
