import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ScriptedModel } from "../../src/agent/models/scripted-model.ts";
import type { Task, TaskState } from "../../src/tasks/model.ts";
import { SqliteStore } from "../../src/tasks/sqlite-store.ts";
import { createBuggyRepo, FIXED_ADD } from "../agent/support/buggy-repo.ts";
import { INSTALLATION_ID, REPO } from "../fixtures/webhooks.ts";
import { githubApi } from "../helpers/github-api.ts";
import { mockRepoConfig, repoPath } from "../helpers/github-mocks.ts";
import { startGitHttpServer, type GitHttpServer } from "../helpers/git-http-server.ts";
import { addCommits } from "../helpers/git-fixtures.ts";
import { fakePulls } from "../helpers/github-pulls.ts";
import { Workspaces } from "../../src/workspace/workspaces.ts";
import { testRunner } from "./support/test-runner.ts";

/**
 * Moving to `preparing` tells the queue's listener, which edits the status comment: a GitHub
 * write spaced about a second from the last (the 👀 and the queued comment went just before).
 * The run prepares its workspace and starts its agent meanwhile, not after. The issue is read,
 * and the part branch checked for commits Ferry did not push, beside the checkout too.
 */
const TOKEN = "ghs_runnerTestToken0123456789";
let root: string;
let server: GitHttpServer;
let store: SqliteStore;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "ferry-runner-beside-"));
  await createBuggyRepo(join(root, "git", REPO.owner, `${REPO.name}.git`));
  server = await startGitHttpServer({ root: join(root, "git"), tokens: [TOKEN] });
  store = new SqliteStore({ dataDir: join(root, "data") });
});
afterEach(async () => {
  await store.close();
  await server.close();
  await rm(root, { recursive: true, force: true });
});

async function newTask(): Promise<Task> {
  const cloneUrl = server.url(`${REPO.owner}/${REPO.name}.git`);
  const repo = { owner: REPO.owner, name: REPO.name, installationId: INSTALLATION_ID, cloneUrl, defaultBranch: REPO.defaultBranch };
  return (await store.createTask({ repo, issueNumber: REPO.issue, trigger: "label", requester: "maintainer" })).task;
}

test("the agent runs while the preparing status edit is still on its way to GitHub", async () => {
  mockRepoConfig(githubApi(), "base: main\ntest: node test.js\n");
  githubApi()
    .get(`${repoPath}/issues/${REPO.issue}`)
    .reply(200, { number: REPO.issue, title: "add() subtracts", body: "add(2, 3) gives -1.", html_url: "https://github.com/x/y/issues/1" })
    .get(`${repoPath}/issues/${REPO.issue}/comments`)
    .query(true)
    .reply(200, []);
  const pulls = fakePulls(REPO.owner, REPO.name);
  const scope = githubApi();
  pulls.expectList(scope);
  pulls.expectCreate(scope, 101);
  pulls.expectReviewRequest(scope, 101);
  pulls.expectIssuePatch(scope, 101);
  const model = new ScriptedModel([
    { toolCalls: [{ name: "write_file", arguments: { path: "src/add.js", content: FIXED_ADD } }] },
    { toolCalls: [{ name: "finish", arguments: { summary: "add() adds." } }] },
  ]);
  const task = await newTask();
  const states: TaskState[] = [];
  const statusEdit = Promise.withResolvers<void>();
  const result = await testRunner({ dataDir: join(root, "data"), store, model, token: TOKEN })({
    task,
    run: await store.startRun(task.id),
    signal: new AbortController().signal,
    // Moves at once, as the queue does; the listener's edit of `preparing` never comes back during the run.
    moveTo: async (state) => {
      states.push(state);
      const moved = await store.transition(task.id, state);
      if (state === "preparing") await statusEdit.promise;
      return moved;
    },
  });
  statusEdit.resolve();
  expect(result).toMatchObject({ outcome: "changes-ready" });
  expect(states).toEqual(["preparing", "running", "verifying", "delivering"]);
});

test("an issue GitHub fails to give, read beside the checkout, still gives the checkout back so its mirror can be evicted", async () => {
  mockRepoConfig(githubApi(), "base: main\ntest: node test.js\n");
  githubApi().get(`${repoPath}/issues/${REPO.issue}`).delay(200).reply(502, { message: "Bad Gateway" });
  const task = await newTask();
  const workspaces = new Workspaces({ dataDir: join(root, "data") });
  const runner = testRunner({ dataDir: join(root, "data"), store, model: new ScriptedModel([]), token: TOKEN, workspaces });
  const run = runner({ task, run: await store.startRun(task.id), signal: new AbortController().signal, moveTo: async (state) => await store.transition(task.id, state) });
  await expect(run).rejects.toThrow();
  expect((await workspaces.evict(0)).evicted).toHaveLength(1);
});

test("a part branch holding someone else's commit, checked beside the checkout, refuses the run before the agent and gives the checkout back", async () => {
  mockRepoConfig(githubApi(), "base: main\ntest: node test.js\n");
  githubApi()
    .get(`${repoPath}/issues/${REPO.issue}`)
    .reply(200, { number: REPO.issue, title: "add() subtracts", body: "add(2, 3) gives -1.", html_url: "https://github.com/x/y/issues/1" })
    .get(`${repoPath}/issues/${REPO.issue}/comments`)
    .query(true)
    .reply(200, []);
  await addCommits(join(root, "git", REPO.owner, `${REPO.name}.git`), [{ message: "Maintainer's touch", branch: `agent/issue-${REPO.issue}/part-1`, files: { "NOTES.md": "mine\n" } }]);
  const task = await newTask();
  const workspaces = new Workspaces({ dataDir: join(root, "data") });
  const model = new ScriptedModel([]);
  const runner = testRunner({ dataDir: join(root, "data"), store, model, token: TOKEN, workspaces });
  const result = await runner({ task, run: await store.startRun(task.id), signal: new AbortController().signal, moveTo: async (state) => await store.transition(task.id, state) });
  expect(result.outcome === "error" && result.message).toMatch(/^Not started: /);
  expect(model.requests).toHaveLength(0);
  expect((await workspaces.evict(0)).evicted).toHaveLength(1);
});
