import { Octokit } from "@octokit/rest";
import { octokitPlatform } from "../../../src/github/octokit-platform.ts";
import type { GitHub } from "../../../src/github/platform.ts";
import type { Spend } from "../../../src/tasks/agent-outcome.ts";
import type { SweepConfig } from "../../../src/sweep/plan-sweep.ts";
import type { SweepGitHub } from "../../../src/sweep/sweep-github.ts";
import type { SweepDeps } from "../../../src/sweep/sweep-repository.ts";
import type { RepoRef, Task, TaskResult } from "../../../src/tasks/model.ts";
import { SqliteStore } from "../../../src/tasks/sqlite-store.ts";
import { silentLog } from "../../helpers/probot.ts";
import { recordingLog } from "../../helpers/recording-log.ts";
import { testAccountOf } from "../../helpers/ferry-account.ts";

/** Tuesday 4 March 2025, 30 s after a `0 6 * * *` sweep fell due. */
export const NOW = new Date("2025-03-04T06:00:30Z");
export const INSTALLATION_ID = 42;
export const OWNER = "octo-org";
export const NAME = "widgets";
export const FULL_NAME = `${OWNER}/${NAME}`;
export const REPO_PATH = `/repos/${OWNER}/${NAME}`;

export const REPO: RepoRef = {
  owner: OWNER,
  name: NAME,
  installationId: INSTALLATION_ID,
  cloneUrl: `https://github.com/${FULL_NAME}.git`,
  defaultBranch: "main",
};

export function sweepConfig(overrides: Partial<SweepConfig> = {}): SweepConfig {
  return { cron: "0 6 * * *", labels: ["agent-backlog"], maxPerRun: 2, maxOpenPRs: 5, dryRun: false, maxUsdPerDay: 10, ...overrides };
}

export const testClient = (): GitHub => octokitPlatform(new Octokit({ auth: "token", log: silentLog }));

/** Both the App client and every installation client are plain clients; nock answers for GitHub. */
export const testGitHub = (): SweepGitHub => ({ appClient: async () => testClient(), clientFor: async () => testClient() });

/** A store in memory whose clock the test moves, a queue that records what it was given, and a log that keeps its lines. */
export function sweepDeps(store?: SqliteStore): SweepDeps & { store: SqliteStore; enqueued: number[]; clock: { now: Date }; log: ReturnType<typeof recordingLog> } {
  const clock = { now: NOW };
  const enqueued: number[] = [];
  return {
    store: store ?? new SqliteStore({ dataDir: ":memory:", now: () => clock.now }),
    queue: {
      enqueue: async (taskId) => {
        enqueued.push(taskId);
      },
    },
    account: testAccountOf,
    now: () => clock.now,
    log: recordingLog(),
    enqueued,
    clock,
  };
}

const PASSED = { command: "npm test", passed: true, exitCode: 0, timedOut: false, durationMs: 1, output: "" };
const SPEND: Spend = { steps: 3, inputTokens: 100, cachedInputTokens: 0, outputTokens: 10, reasoningTokens: 0, costUsd: 0.5, minutes: 1 };

/** A task on the issue that has already ended the given way, at the store's current time. */
export async function endedTask(store: SqliteStore, issueNumber: number, ending: "failed" | "cancelled" | "no-changes" | "changes-ready", costUsd = 0.5): Promise<Task> {
  const { task } = await store.createTask({ repo: REPO, issueNumber, trigger: "label", requester: "maintainer" });
  const spend = { ...SPEND, costUsd };
  if (ending === "failed") return await store.transition(task.id, "failed", { result: { outcome: "failed", reason: "stuck", spend } });
  if (ending === "cancelled") return await store.transition(task.id, "cancelled", { result: { outcome: "cancelled", reason: "stopped", spend } });
  await store.transition(task.id, "preparing");
  await store.transition(task.id, "running");
  const result: TaskResult =
    ending === "no-changes"
      ? { outcome: "no-changes", summary: "nothing to do", spend }
      : { outcome: "changes-ready", summary: "done", tests: PASSED, files: [], weakening: [], spend: { ...spend, costUsd: 0 } };
  return await store.transition(task.id, "done", { result });
}

/** The error lines logged: an unexpected GitHub request (nock refuses it) shows up here. */
export const loggedErrors = (deps: { log: ReturnType<typeof recordingLog> }) =>
  deps.log.lines.filter((line) => line.level === "error").map((line) => ({ message: line.message, fields: line.fields }));
