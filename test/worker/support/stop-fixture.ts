import nock from "nock";
import { mkdtemp, realpath, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ScriptedModel } from "../../../src/agent/models/scripted-model.ts";
import type { SandboxFactory } from "../../../src/sandbox/sandbox.ts";
import type { Task } from "../../../src/tasks/model.ts";
import { InProcessQueue } from "../../../src/tasks/queue.ts";
import { SqliteStore } from "../../../src/tasks/sqlite-store.ts";
import { runGit } from "../../../src/workspace/git.ts";
import { taskDirsOf } from "../../../src/workspace/layout.ts";
import { createBuggyRepo } from "../../agent/support/buggy-repo.ts";
import { INSTALLATION_ID, REPO } from "../../fixtures/webhooks.ts";
import { githubApi } from "../../helpers/github-api.ts";
import { mockRepoConfig } from "../../helpers/github-mocks.ts";
import { startGitHttpServer, type GitHttpServer } from "../../helpers/git-http-server.ts";
import { testRunner } from "./test-runner.ts";

const TOKEN = "ghs_stopTestToken0123456789";
const LOOPBACK = /^(127\.0\.0\.1|localhost)$/;

export type StopFixture = {
  store: SqliteStore;
  queue: InProcessQueue;
  git: GitHttpServer;
  /** Every state change the queue announced, as the status comment would see it. */
  announced: Task[];
  /** GitHub requests nock had no reply for: anything delivery would have sent. */
  unexpectedGitHub: string[];
  /** A queued task whose agent runs `sleep 600` as its first command. */
  sleepingTask(): Promise<Task>;
  /** The checkout the task's commands run in, once it exists. */
  workDirOf(taskId: number): Promise<string | undefined>;
  /** The bare repository's refs, branch by branch. */
  refs(): Promise<string>;
  close(): Promise<void>;
};

/** A runner over a real git server, store and queue, with GitHub in nock; the sandbox is the caller's. */
export async function stopFixture(sandboxes: SandboxFactory, image = "unused"): Promise<StopFixture> {
  const root = await mkdtemp(join(tmpdir(), "ferry-stop-"));
  const dataDir = join(root, "data");
  const gitDir = join(root, "git", REPO.owner, `${REPO.name}.git`);
  await createBuggyRepo(gitDir);
  const git = await startGitHttpServer({ root: join(root, "git"), tokens: [TOKEN] });
  const store = new SqliteStore({ dataDir });
  const model = new ScriptedModel([{ toolCalls: [{ name: "shell", arguments: { command: "sleep 600" } }] }, { text: "never asked" }]);
  const runner = testRunner({ dataDir, store, model, token: TOKEN, sandboxes, image });
  const announced: Task[] = [];
  const queue = new InProcessQueue({ store, runner, concurrency: 1, listener: async (task) => void announced.push(task) });
  const unexpectedGitHub: string[] = [];
  // nock reports every request it has no reply for, loopback ones (git, Docker) included.
  const noMatch = (request: { method: string; url: string }) => {
    if (!LOOPBACK.test(new URL(request.url).hostname)) unexpectedGitHub.push(`${request.method} ${request.url}`);
  };
  nock.emitter.on("no match", noMatch);
  return {
    store,
    queue,
    git,
    announced,
    unexpectedGitHub,
    async sleepingTask() {
      mockRepoConfig(githubApi(), "base: main\ntest: node test.js\n");
      mockIssue();
      const cloneUrl = git.url(`${REPO.owner}/${REPO.name}.git`);
      const repo = { owner: REPO.owner, name: REPO.name, installationId: INSTALLATION_ID, cloneUrl, defaultBranch: REPO.defaultBranch };
      return (await store.createTask({ repo, issueNumber: REPO.issue, trigger: "label", requester: "maintainer" })).task;
    },
    workDirOf: (taskId) => realpath(taskDirsOf(dataDir, String(taskId)).work).catch(() => undefined),
    refs: async () => (await runGit(["for-each-ref", "--format=%(refname) %(objectname)"], { gitDir, timeoutMs: 10_000 })).stdout,
    async close() {
      nock.emitter.removeListener("no match", noMatch);
      await queue.stop();
      await store.close();
      await git.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

function mockIssue() {
  const repoPath = `/repos/${REPO.owner}/${REPO.name}`;
  githubApi()
    .get(`${repoPath}/issues/${REPO.issue}`)
    .reply(200, { number: REPO.issue, title: "add() subtracts", body: "add(2, 3) gives -1.", html_url: "https://github.com/x/y/issues/1" })
    .get(`${repoPath}/issues/${REPO.issue}/comments`)
    .query(true)
    .reply(200, []);
}
