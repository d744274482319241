import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Octokit } from "@octokit/rest";
import { octokitPlatform } from "../../src/github/octokit-platform.ts";
import { enqueueIssueTask } from "../../src/intake/intake.ts";
import { SqliteStore } from "../../src/tasks/sqlite-store.ts";
import { INSTALLATION_ID, REPO } from "../fixtures/webhooks.ts";
import { githubApi } from "../helpers/github-api.ts";
import { testAccountOf } from "../helpers/ferry-account.ts";
import { repoPath } from "../helpers/github-mocks.ts";

/**
 * A task starts the moment it is stored: its status comment (a GitHub write, spaced about a
 * second from the last) goes out beside its preparation, never before it.
 */
let root: string;
let store: SqliteStore;
let enqueued: number[];
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "ferry-intake-order-"));
  store = new SqliteStore({ dataDir: root });
  enqueued = [];
});
afterEach(async () => {
  await store.close();
  await rm(root, { recursive: true, force: true });
});

const request = () => ({
  client: octokitPlatform(new Octokit({ request: { retries: 0 } })),
  repo: { owner: REPO.owner, name: REPO.name, installationId: INSTALLATION_ID, cloneUrl: "https://example.invalid/x.git", defaultBranch: "main" },
  issueNumber: REPO.issue,
  trigger: "label" as const,
  requester: "maintainer",
  by: "maintainer",
});
const intake = () => enqueueIssueTask({ store, queue: { enqueue: async (taskId) => void enqueued.push(taskId) }, account: testAccountOf }, request());

test("the task is in the queue before its status comment is even looked up", async () => {
  let queuedAtLookup: number[] | undefined;
  githubApi()
    .get(`${repoPath}/issues/${REPO.issue}/comments`)
    .query(true)
    .reply(() => {
      queuedAtLookup = [...enqueued];
      return [200, []];
    })
    .post(`${repoPath}/issues/${REPO.issue}/comments`)
    .reply(201, { id: 9001 });
  const outcome = await intake();
  expect(queuedAtLookup).toEqual([outcome.task.id]);
});

test("a status comment GitHub refuses does not keep the task from running, and the failure reaches the caller", async () => {
  githubApi().get(`${repoPath}/issues/${REPO.issue}/comments`).query(true).reply(502, { message: "Bad Gateway" });
  await expect(intake()).rejects.toThrow();
  const [task] = await store.listTasks(["queued"]);
  expect(enqueued).toEqual([task?.id]);
});
