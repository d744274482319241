import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ScriptedModel } from "../../src/agent/models/scripted-model.ts";
import type { NewFollowUp, Task, TaskResult } from "../../src/tasks/model.ts";
import { SqliteStore } from "../../src/tasks/sqlite-store.ts";
import { runGit } from "../../src/workspace/git.ts";
import { createBuggyRepo, FIXED_ADD } from "../agent/support/buggy-repo.ts";
import { INSTALLATION_ID, REPO } from "../fixtures/webhooks.ts";
import { githubApi } from "../helpers/github-api.ts";
import { mockRepoConfig } from "../helpers/github-mocks.ts";
import { fakePulls } from "../helpers/github-pulls.ts";
import { startGitHttpServer, type GitHttpServer } from "../helpers/git-http-server.ts";
import { testRunner } from "./support/test-runner.ts";

const TOKEN = "ghs_followUpTestToken0123456789";
const repoPath = `/repos/${REPO.owner}/${REPO.name}`;
const CONFIG = "base: main\ntest: node test.js\n";
const BRANCH = `agent/issue-${REPO.issue}/part-1`;
const FIX = [
  { toolCalls: [{ name: "write_file", arguments: { path: "src/add.js", content: FIXED_ADD } }] },
  { toolCalls: [{ name: "finish", arguments: { summary: "add() adds." } }] },
];

let root: string;
let server: GitHttpServer;
let store: SqliteStore;
let gitDir: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "ferry-follow-up-"));
  gitDir = join(root, "git", REPO.owner, `${REPO.name}.git`);
  await createBuggyRepo(gitDir);
  server = await startGitHttpServer({ root: join(root, "git"), tokens: [TOKEN] });
  store = new SqliteStore({ dataDir: join(root, "data") });
});
afterEach(async () => {
  await store.close();
  await server.close();
  await rm(root, { recursive: true, force: true });
});

const runner = (model: ScriptedModel) => testRunner({ dataDir: join(root, "data"), store, model, token: TOKEN });

/** One run of the task as the queue does it, ending the task with the runner's result. */
async function runOnce(task: Task, model: ScriptedModel): Promise<TaskResult> {
  const run = await store.startRun(task.id);
  const result = await runner(model)({ task, run, signal: new AbortController().signal, moveTo: async (state) => await store.transition(task.id, state) });
  await store.transition(task.id, result.outcome === "changes-ready" ? "done" : "failed", { result });
  await store.endRuns(task.id);
  return result;
}

function mockConfigAndIssue() {
  mockRepoConfig(githubApi(), CONFIG);
  githubApi().get(`${repoPath}/issues/${REPO.issue}`).reply(200, { number: REPO.issue, title: "add() subtracts", body: "add(2, 3) gives -1.", html_url: "https://github.com/x/y/issues/1" }).get(`${repoPath}/issues/${REPO.issue}/comments`).query(true).reply(200, []);
}

/** A first run that delivered pull request 101, then `followUp` queued and the task queued again. */
async function deliveredTask(pulls: ReturnType<typeof fakePulls>, followUp: NewFollowUp): Promise<Task> {
  const cloneUrl = server.url(`${REPO.owner}/${REPO.name}.git`);
  const { task } = await store.createTask({ repo: { owner: REPO.owner, name: REPO.name, installationId: INSTALLATION_ID, cloneUrl, defaultBranch: REPO.defaultBranch }, issueNumber: REPO.issue, trigger: "label", requester: "maintainer" });
  mockConfigAndIssue();
  const scope = githubApi();
  pulls.expectList(scope);
  pulls.expectCreate(scope, 101);
  pulls.expectReviewRequest(scope, 101);
  pulls.expectIssuePatch(scope, 101);
  await runOnce(task, new ScriptedModel(FIX));
  await store.addFollowUp(task.id, followUp);
  return await store.transition(task.id, "queued");
}

const git = (args: string[]) => runGit(args, { gitDir, timeoutMs: 10_000 }).then((out) => out.stdout);

test("a redirect after the end continues from the delivered branch, with the instruction first, and updates the same pull request", async () => {
  const pulls = fakePulls(REPO.owner, REPO.name);
  const task = await deliveredTask(pulls, { kind: "redirect", author: "maintainer", data: { text: "Also add a NOTES.md saying add() is fixed." } });
  const firstHead = await git(["rev-parse", BRANCH]);
  mockConfigAndIssue();
  const scope = githubApi();
  pulls.expectList(scope);
  pulls.expectPullPatch(scope, 101);
  const model = new ScriptedModel([
    { toolCalls: [{ name: "write_file", arguments: { path: "NOTES.md", content: "add() is fixed.\n" } }] },
    { toolCalls: [{ name: "finish", arguments: { summary: "Wrote the note." } }] },
  ]);

  const result = await runOnce(task, model);

  expect(result).toMatchObject({ outcome: "changes-ready" });
  const firstRequest = JSON.stringify(model.requests[0]?.messages);
  expect(firstRequest).toContain("This is a follow-up run of this task");
  expect(firstRequest).toContain("Also add a NOTES.md saying add() is fixed.");
  // The follow-up started from the delivered fix: both changes are on the same branch, still one part.
  expect(await git(["show", `${BRANCH}:src/add.js`])).toBe(FIXED_ADD);
  expect(await git(["show", `${BRANCH}:NOTES.md`])).toBe("add() is fixed.\n");
  expect(await git(["rev-parse", BRANCH])).not.toBe(firstHead);
  expect(pulls.writes.slice(-1)).toEqual(["PATCH /pulls/101 body"]);
  expect(pulls.writes.filter((write) => write === "POST /pulls")).toHaveLength(1);
  expect(await store.partsOf(task.id)).toMatchObject([{ index: 1, number: 101, branch: BRANCH }]);
});

test("a retry starts afresh from the base, not from the delivered branch", async () => {
  const pulls = fakePulls(REPO.owner, REPO.name);
  const task = await deliveredTask(pulls, { kind: "retry", author: "maintainer", data: {} });
  mockConfigAndIssue();
  const model = new ScriptedModel([{ toolCalls: [{ name: "shell", arguments: { command: "cat src/add.js" } }] }, { text: "Nothing to do." }]);

  const result = await runOnce(task, model);

  expect(result).toMatchObject({ outcome: "no-changes" });
  const toolResult = JSON.stringify(model.requests[1]?.messages.at(-1));
  expect(toolResult).toContain("a - b");
  expect(JSON.stringify(model.requests[0]?.messages)).not.toContain("follow-up run");
});

test("a follow-up whose delivered branch is gone ends with a clear message and nothing pushed", async () => {
  const pulls = fakePulls(REPO.owner, REPO.name);
  const task = await deliveredTask(pulls, { kind: "redirect", author: "maintainer", data: { text: "more" } });
  await git(["update-ref", "-d", `refs/heads/${BRANCH}`]);
  mockConfigAndIssue();

  const result = await runOnce(task, new ScriptedModel([]));

  expect(result).toMatchObject({ outcome: "error" });
  expect(result.outcome === "error" && result.message).toContain(`The branch ${BRANCH} of the earlier delivery is gone`);
});

test("a review follow-up changes the part, answers each thread (with the commit, or why not) and opens no new pull request", async () => {
  const pulls = fakePulls(REPO.owner, REPO.name);
  const note = (id: number, body: string) => ({ id, path: "src/add.js", line: 1, diffHunk: "@@ -1 +1 @@\n-a - b\n+a + b", body, author: "reviewer" });
  const feedback = {
    pull: 101,
    part: 1,
    branch: BRANCH,
    reviews: [{ id: 77, state: "changes_requested", body: "Two things.", author: "reviewer" }],
    comments: [note(1001, "Name the parameters x and y."), note(1002, "Should this use Math.fround?")],
    threads: [],
  };
  const task = await deliveredTask(pulls, { kind: "review", author: "reviewer", data: feedback, batch: "review:pull-101" });
  mockConfigAndIssue();
  const scope = githubApi();
  pulls.expectList(scope);
  pulls.expectPullPatch(scope, 101);
  const replies: { id: string; body: string }[] = [];
  scope.get(`${repoPath}/pulls/101/comments`).query(true).reply(200, []);
  for (const id of ["1001", "1002"]) {
    scope
      .post(`${repoPath}/pulls/101/comments/${id}/replies`, (body: { body?: unknown }) => {
        if (typeof body.body !== "string") return false;
        replies.push({ id, body: body.body });
        return true;
      })
      .reply(201, { id: Number(id) + 5000, body: "ok" });
  }
  const renamed = "export const add = (x, y) => x + y;\n";
  const model = new ScriptedModel([
    { toolCalls: [{ name: "write_file", arguments: { path: "src/add.js", content: renamed } }] },
    { toolCalls: [{ name: "finish", arguments: { summary: "Renamed.\n#1001: renamed the parameters to x and y.\n#1002: no change: integer addition needs no fround." } }] },
  ]);

  const result = await runOnce(task, model);

  expect(result).toMatchObject({ outcome: "changes-ready" });
  const firstRequest = JSON.stringify(model.requests[0]?.messages);
  expect(firstRequest).toContain("Name the parameters x and y.");
  expect(firstRequest).toContain("1002");
  expect(await git(["show", `${BRANCH}:src/add.js`])).toBe(renamed);
  const head = (await git(["rev-parse", BRANCH])).trim();
  expect(replies.map((reply) => reply.id)).toEqual(["1001", "1002"]);
  expect(replies[0]?.body).toContain("renamed the parameters to x and y.");
  expect(replies[0]?.body).toContain(head.slice(0, 7));
  expect(replies[1]?.body).toContain("integer addition needs no fround");
  expect(pulls.writes.filter((write) => write === "POST /pulls")).toHaveLength(1);
});
