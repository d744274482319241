import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Model } from "../../../src/agent/models/model.ts";
import type { SandboxFactory } from "../../../src/sandbox/sandbox.ts";
import type { Task, TaskResult } from "../../../src/tasks/model.ts";
import { SqliteStore } from "../../../src/tasks/sqlite-store.ts";
import { runGit } from "../../../src/workspace/git.ts";
import { createBuggyRepo } from "../../agent/support/buggy-repo.ts";
import { INSTALLATION_ID, REPO } from "../../fixtures/webhooks.ts";
import { githubApi } from "../../helpers/github-api.ts";
import { mockRepoConfig } from "../../helpers/github-mocks.ts";
import { fakePulls } from "../../helpers/github-pulls.ts";
import { startGitHttpServer, type GitHttpServer } from "../../helpers/git-http-server.ts";
import { testRunner, type TestRunnerOptions } from "../../worker/support/test-runner.ts";

const TOKEN = "ghs_securityTestToken0123456789";
export const REPO_PATH = `/repos/${REPO.owner}/${REPO.name}`;
export const PART_1 = `agent/issue-${REPO.issue}/part-1`;

/** The operator's settings a run may be given (FERRY_MAX_*, FERRY_ALLOWED_IMAGES, FERRY_SANDBOX_DISK_MB) and the progress board it reports to. */
export type RunnerSettings = Partial<Pick<TestRunnerOptions, "ceilings" | "allowedImages" | "diskMb" | "progress">>;

export type TaskRuns = {
  store: SqliteStore;
  /** The upstream repository (bare), on its default branch `master`. */
  gitDir: string;
  /** Where the git server serves it (payloads need it as their clone URL). */
  cloneUrl: string;
  git(args: string[]): Promise<string>;
  newTask(): Promise<Task>;
  /** One run of the task as the queue does it; the task ends with the runner's result. */
  runOnce(task: Task, model: Model, sandboxes?: SandboxFactory, options?: RunnerSettings): Promise<TaskResult>;
  close(): Promise<void>;
};

/**
 * The real agent runner over a real git server and store, GitHub in nock: the repository is
 * the buggy calculator on `master` (the default branch of the webhook fixtures), so base and
 * default branch are the same commit.
 */
export async function taskRuns(extraFiles: Record<string, string> = {}): Promise<TaskRuns> {
  const root = await mkdtemp(join(tmpdir(), "ferry-security-"));
  const gitDir = join(root, "git", REPO.owner, `${REPO.name}.git`);
  await createBuggyRepo(gitDir, extraFiles, REPO.defaultBranch);
  const server: GitHttpServer = await startGitHttpServer({ root: join(root, "git"), tokens: [TOKEN] });
  const store = new SqliteStore({ dataDir: join(root, "data") });
  const cloneUrl = server.url(`${REPO.owner}/${REPO.name}.git`);
  return {
    store,
    gitDir,
    cloneUrl,
    git: async (args) => (await runGit(args, { gitDir, timeoutMs: 10_000 })).stdout.trim(),
    async newTask() {
      const repo = { owner: REPO.owner, name: REPO.name, installationId: INSTALLATION_ID, cloneUrl, defaultBranch: REPO.defaultBranch };
      return (await store.createTask({ repo, issueNumber: REPO.issue, trigger: "label", requester: "maintainer" })).task;
    },
    async runOnce(task, model, sandboxes, options = {}) {
      const run = await store.startRun(task.id);
      const runner = testRunner({ dataDir: join(root, "data"), store, model, token: TOKEN, ...(sandboxes && { sandboxes }), ...options });
      const result = await runner({ task, run, signal: new AbortController().signal, moveTo: async (state) => await store.transition(task.id, state) });
      await store.transition(task.id, result.outcome === "changes-ready" ? "done" : "failed", { result });
      await store.endRuns(task.id);
      return result;
    },
    async close() {
      await store.close();
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** `.github/agent.yml` and the issue as GitHub serves them for one run. */
export function mockConfigAndIssue(config: string, issue: { title?: string; body?: string } = {}): void {
  mockRepoConfig(githubApi(), config);
  githubApi()
    .get(`${REPO_PATH}/issues/${REPO.issue}`)
    .reply(200, { number: REPO.issue, title: issue.title ?? "add() subtracts", body: issue.body ?? "add(2, 3) gives -1.", html_url: `https://github.com/${REPO.owner}/${REPO.name}/issues/${REPO.issue}` })
    .get(`${REPO_PATH}/issues/${REPO.issue}/comments`)
    .query(true)
    .reply(200, []);
}

/** What delivering one new part asks of GitHub: the listing, the pull request, its reviewer, its body and label. */
export function mockFirstDelivery(pulls = fakePulls(REPO.owner, REPO.name), number = 101) {
  const scope = githubApi();
  pulls.expectList(scope);
  pulls.expectCreate(scope, number);
  pulls.expectReviewRequest(scope, number);
  pulls.expectIssuePatch(scope, number);
  return pulls;
}
