import { beforeAll, expect, test } from "@jest/globals";
import { execa } from "execa";
import { waitFor } from "../helpers/process.ts";
import { addReview } from "./github-standin/seed-reviews.ts";
import type { Issue, Pull, Repository, ReviewComment } from "./github-standin/state.ts";
import { deliveriesInDatabase, followUpsInDatabase, runsInDatabase, tasksInDatabase } from "./support/ferry-db.ts";
import { seedBuggyRepo, testsPassOnFreshClone, waitForEnding } from "./support/harness.ts";
import { harnessFor } from "./support/harness-for.ts";
import { fixAddScript } from "./support/model-scripts.ts";
import { answerReviewScript, REVIEWED_ADD } from "./support/review-script.ts";
import { pullRequestReviewCommentCreated, pullRequestReviewSubmitted } from "./support/webhooks.ts";

/**
 * Scenario 4: once Ferry has delivered part 1 (as in scenario 1), a writer submits a review with
 * two inline comments on it. GitHub sends `pull_request_review_comment.created` for each comment
 * and `pull_request_review.submitted` for the review; Ferry gathers them into one follow-up run
 * (after its 20 s batching window, which no setting shortens), changes the file on the part's
 * branch, and answers each thread once. No new pull request.
 */
const PART_BRANCH = "agent/issue-1/part-1";

let repo: Repository;
let issue: Issue;
let pull: Pull;
let comments: ReviewComment[];
let headBefore: string | undefined;
let modelRequestsBefore = 0;
const deliveryIds: string[] = [];

const world = harnessFor();

/** Ferry's replies in the thread a comment starts. */
const repliesTo = (comment: ReviewComment) => world().standin.state.reviewComments.filter((reply) => reply.inReplyTo === comment.id);

beforeAll(async () => {
  const harness = world();
  const h = harness;
  repo = await seedBuggyRepo(h, "calc");
  h.standin.setPermission(repo, "maintainer", "write");
  issue = h.standin.addIssue(repo, { title: "add() subtracts", body: "add(2, 3) should be 5.", user: "reporter" });
  h.model.reply(...fixAddScript());
  expect((await h.label(repo, issue, "agent", { login: "maintainer" })).status).toBe(200);
  await waitForEnding(h, repo, issue);
  await waitFor("the Ferry check run", () => (h.standin.checkRunsOf(repo).some((run) => run.status === "completed") ? true : undefined), 30000);
  const [delivered] = h.standin.state.pulls;
  if (!delivered) throw new Error("Ferry delivered no pull request");
  pull = delivered;
  headBefore = (await h.standin.branchesOf(repo)).get(PART_BRANCH);
  modelRequestsBefore = h.model.requests.length;

  // The writer's review, as GitHub stores it: two inline comments on the file part 1 changed.
  const hunk = "@@ -1 +1 @@\n-export const add = (a, b) => a - b;\n+export const add = (a, b) => a + b;";
  const review = addReview(h.standin.state, repo, pull.number, {
    user: "maintainer",
    state: "CHANGES_REQUESTED",
    body: "Two small things before this goes in.",
    comments: [
      { path: "src/add.js", line: 1, body: "Please name the parameters x and y.", diffHunk: hunk },
      { path: "src/add.js", line: 1, body: "Please add a one-line doc comment above add().", diffHunk: hunk },
    ],
  });
  comments = review.comments;
  const [names, doc] = comments;
  if (!names || !doc) throw new Error("the review has no comments");
  h.model.reply(...answerReviewScript(names.id, doc.id));

  // What GitHub sends for a submitted review: one event per inline comment, then the review.
  for (const comment of comments) {
    const sent = await h.deliver({ event: "pull_request_review_comment", payload: await pullRequestReviewCommentCreated(h.standin, repo, pull, comment) });
    expect(sent.status).toBeLessThan(300);
    deliveryIds.push(sent.id);
  }
  const sent = await h.deliver({ event: "pull_request_review", payload: await pullRequestReviewSubmitted(h.standin, repo, pull, review.review) });
  expect(sent.status).toBeLessThan(300);
  deliveryIds.push(sent.id);

  // Settled: every delivery handled, every follow-up taken and done, the task ended again, and
  // each comment answered. Anything Ferry would still start would have to come from one of these.
  await waitFor(
    "the review follow-up to settle",
    () => {
      const handled = deliveriesInDatabase(h.dir);
      const followUps = followUpsInDatabase(h.dir);
      const [task] = tasksInDatabase(h.dir);
      const settled =
        deliveryIds.every((id) => handled.includes(id)) &&
        followUps.length > 0 &&
        followUps.every((followUp) => followUp.done) &&
        task?.state === "done" &&
        runsInDatabase(h.dir).every((run) => run.ended) &&
        comments.every((comment) => repliesTo(comment).length > 0);
      return settled ? true : undefined;
    },
    150000,
  ).catch((error: unknown) => {
    const tail = h.ferry.output().split("\n").slice(-40).join("\n");
    throw new Error(`${String(error)}\nstand-in violations: ${JSON.stringify(h.standin.violations)}\nFerry's last output:\n${tail}`, { cause: error });
  });
}, 300000);

test("the review and its comment events make exactly one follow-up run, which takes both comments", () => {
  const followUps = followUpsInDatabase(world().dir);
  expect(followUps).toHaveLength(1);
  const [followUp] = followUps;
  expect(followUp).toMatchObject({ kind: "review", done: true });
  const addressed = (followUp?.data as { comments?: { id: number }[] }).comments?.map((comment) => comment.id);
  expect(addressed?.sort()).toEqual(comments.map((comment) => comment.id).sort());
  const runs = runsInDatabase(world().dir);
  // The delivery run, then the follow-up run, which took the follow-up.
  expect(runs).toHaveLength(2);
  expect(followUp?.run).toBe(runs[1]?.id);
  expect(runs.some((run) => run.interrupted)).toBe(false);
  expect(tasksInDatabase(world().dir)).toEqual([expect.objectContaining({ state: "done", issue: issue.number })]);
});

test("the follow-up run asked the model with both comments, their ids and the reviewer's words", () => {
  const requests = world().model.requests.slice(modelRequestsBefore);
  // One conversation of four turns: read, write, test, finish.
  expect(requests).toHaveLength(4);
  expect(world().model.pending).toBe(0);
  const first = JSON.stringify(requests[0]?.body);
  for (const comment of comments) {
    expect(first).toContain(`#${comment.id}`);
    expect(first).toContain(comment.body);
  }
});

test("each review comment gets exactly one reply in its thread, naming the new commit and the agent's line for it", async () => {
  const head = (await world().standin.branchesOf(repo)).get(PART_BRANCH);
  expect(head).toBeDefined();
  const lines = ["renamed a and b to x and y.", "added a one-line doc comment."];
  comments.forEach((comment, index) => {
    const replies = repliesTo(comment);
    expect(replies).toHaveLength(1);
    const [reply] = replies;
    expect(reply?.user.login).toBe("ferry[bot]");
    expect(reply?.pull).toBe(pull.number);
    expect(reply?.body).toContain(`Changed in [\`${head?.slice(0, 7)}\`]`);
    expect(reply?.body).toContain(lines[index]);
    expect(reply?.body).toContain(`comment=${comment.id} -->`);
  });
  // Nothing else was said inline: the two comments and one reply each.
  expect(world().standin.state.reviewComments).toHaveLength(4);
});

test("the part's branch moved to a commit that holds the change, to the commented file only, and its tests pass", async () => {
  const h = world();
  const head = (await h.standin.branchesOf(repo)).get(PART_BRANCH);
  expect(headBefore).toBeDefined();
  expect(head).toBeDefined();
  expect(head).not.toBe(headBefore);
  const gitDir = repo.gitDir;
  const file = await execa("git", [`--git-dir=${gitDir}`, "show", `${head}:src/add.js`]);
  expect(`${file.stdout}\n`).toBe(REVIEWED_ADD);
  // Ferry rebuilds a part's commits (a forced push with a lease), so compare trees: only the commented file changed.
  const changed = await execa("git", [`--git-dir=${gitDir}`, "diff", "--name-only", String(headBefore), String(head)]);
  expect(changed.stdout.split("\n")).toEqual(["src/add.js"]);
  expect(await testsPassOnFreshClone(h, repo, PART_BRANCH)).toEqual({ exitCode: 0, output: "1 passed, 0 failed" });
});

test("no new pull request: the same one, still open, from the same branch", () => {
  const pulls = world().standin.pullsOf(repo);
  expect(pulls).toHaveLength(1);
  expect(pulls[0]).toMatchObject({ number: pull.number, head: PART_BRANCH, base: "main" });
  expect(pulls[0]?.issue?.state).toBe("open");
});

test("every GitHub request was one GitHub accepts", () => {
  expect(world().standin.violations).toEqual([]);
  expect(world().standin.gitRequests.filter((request) => !request.authorised)).toEqual([]);
});
