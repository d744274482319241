import { afterAll, beforeAll, beforeEach, describe, expect, test } from "@jest/globals";
import { httpStatusOf } from "../../src/github/http-status.ts";
import { COMMENT_PAGE_SIZE, type GitHub, type IssueComment, type IssueRef } from "../../src/github/platform.ts";
import { FILES, memoryWorlds, standInWorlds, type World } from "./platform-worlds.ts";

/**
 * One set of scenarios, two GitHubs: the in-memory platform tests use, and the Octokit platform
 * against the e2e stand-in (which answers as GitHub does, checked in test/e2e/github-standin.test.ts).
 * A verb that behaves differently in the two fails here.
 */

const statusOf = (promise: Promise<unknown>) => promise.then(() => 200, httpStatusOf);

async function commentsOf(github: GitHub, issue: IssueRef, pages?: { first?: number; last?: number }): Promise<IssueComment[]> {
  const all: IssueComment[] = [];
  for await (const page of github.issueComments(issue, pages)) all.push(...page);
  return all;
}

describe.each([memoryWorlds(), standInWorlds()])("the GitHub platform, $name", (worlds) => {
  let world: World;
  let github: GitHub;

  beforeAll(() => worlds.start());
  afterAll(() => worlds.stop());
  beforeEach(async () => {
    world = await worlds.world();
    github = world.github;
  });

  describe("issues and comments", () => {
    test("an issue is read with its title, body and comment count", async () => {
      const issue = world.addIssue("Fix the parser", "It breaks on tabs");
      world.addComment(issue, "me too", "reporter");
      expect(await github.getIssue(issue)).toEqual({ number: issue.issueNumber, title: "Fix the parser", body: "It breaks on tabs", url: expect.any(String), commentCount: 1 });
    });

    test("an issue that does not exist is a 404", async () => {
      expect(await statusOf(github.getIssue({ ...world.repo, issueNumber: 999 }))).toBe(404);
    });

    test("a comment Ferry posts is listed after earlier ones, written by the App's bot", async () => {
      const issue = world.addIssue("t", "b");
      world.addComment(issue, "first", "reporter");
      const { id } = await github.createComment(issue, "Ferry's answer");
      expect(await commentsOf(github, issue)).toEqual([
        { id: expect.any(Number), body: "first", author: { login: "reporter", type: "User" } },
        { id, body: "Ferry's answer", author: { login: "ferry[bot]", type: "Bot" } },
      ]);
    });

    test("an edited comment is listed with its new body", async () => {
      const issue = world.addIssue("t", "b");
      const { id } = await github.createComment(issue, "before");
      await github.updateComment(world.repo, id, "after");
      expect((await commentsOf(github, issue)).map((comment) => comment.body)).toEqual(["after"]);
    });

    test("comments come in pages of 100, and a range reads only its pages", async () => {
      const issue = world.addIssue("t", "b");
      for (let n = 1; n <= COMMENT_PAGE_SIZE + 1; n++) world.addComment(issue, `comment ${n}`, "reporter");
      const pages: number[] = [];
      for await (const page of github.issueComments(issue)) pages.push(page.length);
      expect(pages).toEqual([COMMENT_PAGE_SIZE, 1]);
      expect((await commentsOf(github, issue, { first: 2 })).map((comment) => comment.body)).toEqual([`comment ${COMMENT_PAGE_SIZE + 1}`]);
    });

    test("open issues are listed by label, newest first, without pull requests", async () => {
      const older = world.addIssue("older", "b", { labels: ["agent-backlog"] });
      world.addIssue("unlabelled", "b");
      const newer = world.addIssue("newer", "b", { labels: ["Agent-Backlog", "bug"] });
      await world.addBranch("labelled-pull");
      const pull = await github.createPull(world.repo, { head: "labelled-pull", base: "main", title: "t", body: "b", draft: false });
      await github.updateIssue({ ...world.repo, issueNumber: pull.number }, { labels: ["agent-backlog"] });
      const listed = await github.listOpenIssues(world.repo, "agent-backlog");
      expect(listed.map((issue) => [issue.number, issue.labels])).toEqual([
        [newer.issueNumber, ["Agent-Backlog", "bug"]],
        [older.issueNumber, ["agent-backlog"]],
      ]);
      expect(listed[1]).toEqual({
        number: older.issueNumber,
        title: "older",
        body: "b",
        locked: false,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        author: { login: "reporter", type: "User" },
        labels: ["agent-backlog"],
        thumbsUp: 0,
      });
    });

    test("an issue's label events say who applied each label", async () => {
      const issue = world.addIssue("t", "b", { labels: ["agent-backlog"], labelledBy: "mia" });
      expect(await github.labelEvents(issue)).toEqual([{ label: "agent-backlog", actor: { login: "mia", type: "User" } }]);
    });

    test("an issue Ferry opens is listed with its labels, written by the App's bot", async () => {
      const { number } = await github.createIssue(world.repo, { title: "Ferry backlog", body: "marked", labels: ["ferry"] });
      const [listed] = await github.listOpenIssues(world.repo, "ferry");
      expect(listed).toMatchObject({ number, title: "Ferry backlog", body: "marked", labels: ["ferry"], author: { login: "ferry[bot]", type: "Bot" } });
    });

    test("labels set on an issue replace its labels", async () => {
      const issue = world.addIssue("t", "b", { labels: ["question"] });
      await github.updateIssue(issue, { labels: ["ferry", "bug"], title: "renamed" });
      expect((await github.listOpenIssues(world.repo, "bug")).map((listed) => [listed.title, listed.labels])).toEqual([["renamed", ["ferry", "bug"]]]);
    });

    test("reacting twice with the same reaction is no error", async () => {
      const issue = world.addIssue("t", "b");
      const commentId = world.addComment(issue, "please", "reporter");
      await github.react({ kind: "issue", issue }, "eyes");
      await github.react({ kind: "issue", issue }, "eyes");
      await expect(github.react({ kind: "issue-comment", repo: world.repo, commentId }, "rocket")).resolves.toBeUndefined();
    });
  });

  describe("permissions", () => {
    test("a maintainer's classic level is write and their role maintain", async () => {
      world.setRole("mia", "maintain");
      expect(await github.permissionOf(world.repo, "mia")).toEqual({ level: "write", role: "maintain" });
    });

    test("someone who is not a collaborator has level none", async () => {
      expect((await github.permissionOf(world.repo, "stranger")).level).toBe("none");
    });
  });

  describe("files and branches", () => {
    test("a file is read as text at a ref", async () => {
      expect(await github.readFile(world.repo, ".github/agent.yml", "main")).toEqual({ kind: "file", text: FILES[".github/agent.yml"] });
    });

    test("a missing file is absent and a directory is not a file", async () => {
      expect(await github.readFile(world.repo, "nope.yml", "main")).toEqual({ kind: "absent" });
      expect(await github.readFile(world.repo, "src", "main")).toEqual({ kind: "not-a-file" });
    });

    test("a branch's head is its commit; deleting it twice says it was gone the second time", async () => {
      const sha = await world.addBranch("topic");
      expect(await github.branchHeadSha(world.repo, "topic")).toBe(sha);
      expect(await github.deleteBranch(world.repo, "topic")).toBe(true);
      expect(await github.deleteBranch(world.repo, "topic")).toBe(false);
    });

    test("a missing branch's head is a 404", async () => {
      expect(await statusOf(github.branchHeadSha(world.repo, "nope"))).toBe(404);
    });
  });

  describe("check runs", () => {
    test("a run is found by name on its commit, and an update edits it in place", async () => {
      const sha = await world.addBranch("checked");
      const run = { name: "Ferry", externalId: "ferry-task-1", conclusion: "failure", title: "t", summary: "s" } as const;
      const { id } = await github.createCheckRun(world.repo, sha, run);
      await github.updateCheckRun(world.repo, id, { ...run, conclusion: "success" });
      expect(await github.checkRuns(world.repo, sha, "Ferry")).toEqual([{ id, externalId: "ferry-task-1" }]);
      expect(await github.checkRuns(world.repo, sha, "Other")).toEqual([]);
    });
  });

  describe("pull requests", () => {
    async function openPull(head: string, base = "main") {
      await world.addBranch(head);
      return github.createPull(world.repo, { head, base, title: `from ${head}`, body: "marker", draft: false });
    }

    test("a new pull request has its head's commit, repository and base, and no labels", async () => {
      const sha = await world.addBranch("part-1");
      const pull = await github.createPull(world.repo, { head: "part-1", base: "main", title: "Part 1", body: "b", draft: true });
      expect(pull).toEqual({
        number: expect.any(Number),
        state: "open",
        merged: false,
        url: expect.any(String),
        title: "Part 1",
        body: "b",
        labels: [],
        head: { ref: "part-1", sha, repoFullName: `${world.repo.owner}/${world.repo.repo}` },
        base: "main",
      });
    });

    test("a pull request from a branch that does not exist is a 422", async () => {
      expect(await statusOf(github.createPull(world.repo, { head: "nope", base: "main", title: "t", body: "b", draft: false }))).toBe(422);
    });

    test("open pull requests are listed newest first, by base when asked", async () => {
      const first = await openPull("a");
      const second = await openPull("b", "a");
      expect((await github.listPulls(world.repo, { state: "open" })).map((pull) => pull.number)).toEqual([second.number, first.number]);
      expect((await github.listPulls(world.repo, { state: "open", base: "a" })).map((pull) => pull.number)).toEqual([second.number]);
    });

    test("a closed pull request is listed only with state all", async () => {
      const pull = await openPull("closing");
      await github.updatePull({ ...world.repo, pull: pull.number }, { state: "closed" });
      expect(await github.listPulls(world.repo, { state: "open" })).toEqual([]);
      expect((await github.listPulls(world.repo, { state: "all" })).map((listed) => listed.number)).toEqual([pull.number]);
    });

    test("a merged pull request is closed and merged", async () => {
      const pull = await openPull("merging");
      world.mergePull({ ...world.repo, pull: pull.number });
      expect((await github.listPulls(world.repo, { state: "all" })).map((listed) => [listed.state, listed.merged])).toEqual([["closed", true]]);
    });

    test("a pull request takes a new base, title and body, and labels through its issue", async () => {
      await world.addBranch("next");
      const pull = await openPull("edited");
      await github.updatePull({ ...world.repo, pull: pull.number }, { base: "next", title: "new title", body: "new body" });
      await github.updateIssue({ ...world.repo, issueNumber: pull.number }, { labels: ["ferry"] });
      const [listed] = await github.listPulls(world.repo, { state: "open" });
      expect(listed).toMatchObject({ title: "new title", body: "new body", base: "next", labels: ["ferry"] });
    });

    test("a collaborator can be asked to review; someone else is refused", async () => {
      const pull = await openPull("review-me");
      world.setRole("mia", "write");
      expect(await github.requestReviewers({ ...world.repo, pull: pull.number }, ["mia"])).toEqual({ kind: "requested" });
      expect(await github.requestReviewers({ ...world.repo, pull: pull.number }, ["stranger"])).toEqual({ kind: "refused", reason: expect.stringContaining("stranger is not a collaborator") });
    });
  });

  describe("reviews", () => {
    async function reviewed() {
      await world.addBranch("reviewed");
      const pull = await github.createPull(world.repo, { head: "reviewed", base: "main", title: "t", body: "b", draft: false });
      const target = { ...world.repo, pull: pull.number };
      const review = world.addReview(target, {
        author: "mia",
        state: "CHANGES_REQUESTED",
        body: "Please fix",
        comments: [
          { path: "src/a.js", line: 1, body: "rename this" },
          { path: "src/a.js", line: 1, body: "and this" },
        ],
      });
      const [first = 0, second = 0] = review.commentIds;
      return { target, reviewId: review.id, first, second };
    }

    test("a review is read with its state in lowercase and its inline comments", async () => {
      const { target, reviewId, first, second } = await reviewed();
      expect(await github.getReview(target, reviewId)).toEqual({ id: reviewId, state: "changes_requested", body: "Please fix", author: "mia" });
      expect((await github.reviewComments(target, reviewId)).map((comment) => [comment.id, comment.author, comment.line])).toEqual([
        [first, "mia", 1],
        [second, "mia", 1],
      ]);
    });

    test("a reply to a reply goes to the thread's root, as Ferry's bot", async () => {
      const { target, first } = await reviewed();
      await github.replyToReviewComment(target, first, "done");
      const reply = (await github.pullComments(target)).find((comment) => comment.body === "done");
      await github.replyToReviewComment(target, reply?.id ?? 0, "and again");
      const replies = (await github.pullComments(target)).filter((comment) => comment.inReplyTo !== undefined);
      expect(replies.map((comment) => [comment.body, comment.inReplyTo, comment.author?.login])).toEqual([
        ["done", first, "ferry[bot]"],
        ["and again", first, "ferry[bot]"],
      ]);
    });

    test("threads are the root comments with their replies, resolved or not", async () => {
      const { target, first, second } = await reviewed();
      await github.replyToReviewComment(target, second, "done");
      world.resolveThread(first);
      const threads = await github.reviewThreads(target);
      expect(threads.map((thread) => [thread.resolved, thread.comments.map((comment) => comment.body)])).toEqual([
        [true, ["rename this"]],
        [false, ["and this", "done"]],
      ]);
    });

  });

  describe("the App and its installations", () => {
    test("the App's slug is read with its own credentials", async () => {
      expect(await world.app.appSlug()).toBe("ferry");
    });

    test("the App lists its installation, which is not suspended", async () => {
      expect(await world.app.installations()).toContainEqual({ id: world.installationId, suspended: false });
    });

    test("the App finds its installation on a repository, and none where it is not installed", async () => {
      expect(await world.app.installationOf(world.repo)).toBe(world.installationId);
      expect(await world.app.installationOf({ owner: "elsewhere", repo: "nothing" })).toBeUndefined();
    });

    test("an installation reaches the repository, and reads it", async () => {
      const expected = { owner: world.repo.owner, name: world.repo.repo, cloneUrl: expect.any(String), defaultBranch: "main", archived: false, disabled: false, pushedAt: null };
      expect(await github.installationRepos()).toContainEqual(expected);
      expect(await github.getRepository(world.repo)).toEqual(expected);
    });
  });
});
