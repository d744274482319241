import type { Logger } from "pino";
import { BaselineCache } from "./verification/baseline-cache.ts";
import { join } from "node:path";
import { Probot } from "probot";
import { webhookHandlers } from "./intake/app.ts";
import { WebhookBacklog } from "./intake/backlog/webhook-backlog.ts";
import { JOURNAL_DIR } from "./intake/webhook-server/journal.ts";
import { WebhookServer } from "./intake/webhook-server/webhook-server.ts";
import type { AppCredentials } from "./config/app-credentials.ts";
import type { Env } from "./config/env.ts";
import { localSandboxRefusal } from "./config/local-sandbox-consent.ts";
import { warnIfNoModel } from "./config/model-warning.ts";
import { postgresKeyLock, type KeyLock } from "./delivery/status/postgres-key-lock.ts";
import { shareStatusWrites } from "./delivery/status/publish-status.ts";
import { publicTrajectory } from "./delivery/status/public-trajectory.ts";
import { createStatusReporter } from "./delivery/status/status-reporter.ts";
import { createSandboxFactory } from "./sandbox/create-sandbox.ts";
import type { SandboxFactory } from "./sandbox/sandbox.ts";
import { createModel } from "./agent/models/create-model.ts";
import { appAccount } from "./github/ferry-account.ts";
import { ferryOctokit } from "./github/github-octokit.ts";
import { installationToken } from "./github/installation-token.ts";
import { octokitPlatform } from "./github/octokit-platform.ts";
import { createAgentRunner } from "./worker/agent-runner.ts";
import { Workspaces } from "./workspace/workspaces.ts";
import { FERRY_GIT_IDENTITY } from "./workspace/ferry-identity.ts";
import type { LinkSettings } from "./agent/trajectory/trajectory-location.ts";
import { trajectoryLocation } from "./agent/trajectory/trajectory-location.ts";
import type { Store } from "./tasks/store.ts";
import { InProcessQueue } from "./tasks/queue.ts";
import type { Queue, TaskListener, TaskRunner } from "./tasks/queue-types.ts";
import { openStorage } from "./tasks/open-storage.ts";
import { openLiveState } from "./live-state.ts";
import type { Storage } from "./tasks/open-storage.ts";
import { PgBossQueue } from "./tasks/pg-boss/pg-boss-queue.ts";
import { startMetricsServer } from "./metrics/metrics-server.ts";
import type { Log } from "./logger.ts";
import type { Task } from "./tasks/model.ts";
import { steeringOf } from "./delivery/status/steering-of.ts";
import { ENDING_REPORTED, unreportedEndings } from "./delivery/status/unreported-endings.ts";
import { FollowUps } from "./steering/follow-ups/follow-ups.ts";
import { startSweeps } from "./sweep/start-sweeps.ts";
import { createFerryMetrics, type FerryMetrics } from "./metrics/ferry-metrics.ts";
import { measuredModel } from "./metrics/measured-model.ts";
import { measuredRunner } from "./metrics/measured-runner.ts";
import { storeSources } from "./metrics/metrics-sources.ts";
import { pgBossQueues } from "./metrics/pg-boss-sources.ts";
import { TASK_QUEUE } from "./tasks/pg-boss/pg-boss-queue.ts";

/**
 * What this process does. `all` (npm start, `ferry start`): everything, the only choice without a
 * database server. With DATABASE_URL, `server` answers webhooks, takes commands, reports status
 * and runs sweeps, and `worker` runs tasks; any number of each, on any machines.
 */
export type Role = "all" | "server" | "worker";

export type Ferry = {
  role: Role;
  /** Where webhooks (a server) or metrics (a worker) are served. */
  port: number;
  store: Store;
  queue: Queue;
  /** Makes the sandbox a task's commands run in (FERRY_SANDBOX). */
  sandboxes: SandboxFactory;
  /** What GET /metrics reports. */
  metrics: FerryMetrics;
  /** Settles if the webhook thread dies: the process can no longer take webhooks and should stop. */
  failed: Promise<Error>;
  stop(): Promise<void>;
};

export type StartOptions = {
  /** Replaces the task runner (tests); default: the agent. */
  runner?: TaskRunner;
  role?: Role;
};

/** Start-up in order: store → sandboxes → queue and workers → webhook server. The caller owns the process. */
export async function startFerry(env: Env, app: AppCredentials, log: Logger, options: StartOptions = {}): Promise<Ferry> {
  const role = options.role ?? "all";
  // A server runs no agent command, so the local sandbox's consent is not its question.
  const refusal = roleRefusal(role, env) ?? (role === "server" ? undefined : localSandboxRefusal(env.sandbox));
  if (refusal) throw new Error(refusal);
  const probotOptions = { appId: app.id, privateKey: app.privateKey, secret: app.webhookSecret, baseUrl: env.github.apiUrl, log };
  const works = role !== "server";
  if (works) warnIfNoModel(env.model, log);
  const storage = await openStorage({ dataDir: env.dataDir, databaseUrl: env.databaseUrl, log });
  const { store } = storage;
  // Status comment writes of one task, from a server and a worker, one at a time (publish-status.ts).
  const statusWrites = storage.kind === "postgres" ? postgresKeyLock(storage.url) : undefined;
  shareStatusWrites(statusWrites);
  // A server runs no task: it needs no sandbox, and must not remove a worker's containers on this machine.
  const sandboxes = works ? await createSandboxFactory(env.sandbox, env.dataDir, log) : refuseSandboxes;
  const metrics = createFerryMetrics({ sources: metricsSources(storage), slots: works ? env.concurrency : 0, processMetrics: true, log });
  // Aborted by stop(): every GitHub call ends at once, so stopping never waits on GitHub.
  const stopping = new AbortController();
  // A Probot instance of its own gives workers installation clients outside any webhook.
  const github = new Probot({ ...probotOptions, Octokit: ferryOctokit(stopping.signal, metrics) });
  // Workers, status and sweeps speak to GitHub through the platform: the App's own, and one per installation.
  const appGitHub = async () => octokitPlatform(await github.auth());
  const gitHubFor = async (installationId: number) => octokitPlatform(await github.auth(installationId));
  // Live progress and trajectory copies: in memory and on disk for one process, shared through PostgreSQL for several.
  const shared = await openLiveState(storage, { works, log });
  const { progress } = shared;
  // Ferry's bot account (GET /app, once): a comment carrying Ferry's marker is Ferry's only when it wrote it.
  const account = appAccount(appGitHub);
  const links = { publicUrl: env.publicUrl, key: app.webhookSecret };
  const runner =
    options.runner ??
    createAgentRunner({
      env,
      store,
      workspaces: new Workspaces({ dataDir: env.dataDir, log }),
      sandboxes,
      model: measuredModel(createModel(env.model), metrics),
      clientFor: gitHubFor,
      tokenFor: async (installationId) => installationToken(await github.auth(installationId), stopping.signal),
      log,
      progress,
      author: FERRY_GIT_IDENTITY,
      links,
      account,
      baselines: new BaselineCache(),
      ...(shared.trajectoryLines && { trajectoryLines: shared.trajectoryLines }),
    });
  const status = createStatusReporter({
    clientFor: gitHubFor,
    account,
    log,
    partsOf: (taskId) => store.partsOf(taskId),
    trajectoryOf: (taskId) => latestTrajectory(store, env.dataDir, links, taskId),
    pauseOf: (taskId) => store.getPause(taskId),
    steeringOf: (taskId) => steeringOf(store, taskId),
    progress,
    onEndingReported: async (taskId) => {
      await store.appendEvent(taskId, ENDING_REPORTED);
    },
  });
  // The listener runs only once the queue started, after followUps exists.
  const listener = async (task: Task) => {
    await status.listener(task);
    await followUps.onTaskChanged(task);
  };
  const queue = taskQueue(storage, { runner: measuredRunner(runner, metrics), concurrency: env.concurrency, listener, log, works });
  const followUps = new FollowUps({ store, queue, log });
  const live = {
    progressOf: (taskId: number) => progress.read(taskId),
    // `/agent status` replies are public: a signed link, or a name in the data directory, never the server's path.
    trajectoryOf: async (taskId: number) => publicTrajectory(await latestTrajectory(store, env.dataDir, links, taskId)),
    // With PostgreSQL, a NOTIFY the worker holding the task hears.
    touch: (taskId: number) => progress.touch(taskId),
  };
  if (role === "worker") {
    await queue.start();
    // A worker has no webhook port: it serves its metrics (and /ping for health checks) on PORT.
    const served = await startMetricsServer({ port: env.port, host: env.host, text: () => metrics.registry.metrics(), token: env.metricsToken, log });
    log.info({ concurrency: env.concurrency, dataDir: env.dataDir, port: served.port }, "Ferry worker is ready");
    return {
      role,
      port: served.port,
      store,
      queue,
      sandboxes,
      metrics,
      failed: new Promise<Error>(() => {}),
      async stop() {
        await served.stop();
        stopping.abort();
        followUps.stop();
        await queue.stop();
        status.close();
        await shared.close();
        await closeStatusWrites(statusWrites);
        await storage.close();
      },
    };
  }
  // Scheduled backlog sweeps; `ferry sweep --now` reaches runNow through POST /ferry/sweep, signed with the webhook secret.
  const sweeps = startSweeps({
    github: { appClient: appGitHub, clientFor: gitHubFor },
    store,
    queue,
    log,
    ceilings: env.ceilings,
  });
  // Webhooks are answered once journalled by the webhook thread; the main thread stores them and runs their handlers from the backlog.
  const handlers = webhookHandlers({ store, queue, followUps, live, account, ceilings: env.ceilings });
  const backlog = new WebhookBacklog({ store, handlers, clientFor: (installationId) => github.auth(installationId), log });
  await queue.start();
  await followUps.start();
  // Endings stored but not reported (a crash between the two) are reported now, once.
  for (const task of await unreportedEndings(store, new Date())) void status.listener(task);
  await backlog.start();
  const failed = Promise.withResolvers<Error>();
  const webhooks = await WebhookServer.start({
    thread: {
      probot: { appId: app.id, privateKey: app.privateKey, secret: app.webhookSecret, baseUrl: env.github.apiUrl },
      host: env.host,
      port: env.port,
      webhookProxy: env.webhookProxyUrl,
      logLevel: env.logLevel,
      ...(env.logFormat && { logFormat: env.logFormat }),
      dataDir: env.dataDir,
      linksKey: links.key,
      trajectoriesInDatabase: storage.kind === "postgres",
      events: Object.keys(handlers),
      journalDir: join(env.dataDir, JOURNAL_DIR),
      ...(env.metricsToken && { metricsToken: env.metricsToken }),
    },
    intake: backlog,
    runSweep: (repo) => sweeps.runNow(repo),
    metricsText: () => metrics.registry.metrics(),
    ...(shared.trajectoryPage && { trajectoryPage: shared.trajectoryPage }),
    log,
    onFailure: (error) => failed.resolve(error),
  });
  log.info({ role, concurrency: works ? env.concurrency : 0, dataDir: env.dataDir, port: webhooks.port }, role === "all" ? "Ferry is ready" : "Ferry server is ready");

  return {
    role,
    port: webhooks.port,
    store,
    queue,
    sandboxes,
    metrics,
    failed: failed.promise,
    async stop() {
      sweeps.stop();
      await webhooks.stop();
      // Handlers and tasks waiting on GitHub end now; deliveries and tasks cut off resume at the next start.
      stopping.abort();
      await backlog.stop();
      followUps.stop();
      await queue.stop();
      status.close();
      await shared.close();
      await closeStatusWrites(statusWrites);
      await storage.close();
    },
  };
}

/** Why this role cannot start with these settings, if it cannot. */
export function roleRefusal(role: Role, env: Pick<Env, "databaseUrl">): string | undefined {
  if (role === "all" || env.databaseUrl) return undefined;
  return `\`ferry ${role}\` shares its work with other processes through PostgreSQL: set DATABASE_URL (or run everything in one process with \`npm start\`)`;
}

type QueueParts = { runner: TaskRunner; concurrency: number; listener: TaskListener; log: Log; works: boolean };

/** SQLite: this process is the queue and its one worker. PostgreSQL: pg-boss, and this process works only in a worker role. */
function taskQueue(storage: Storage, parts: QueueParts): Queue {
  const { runner, concurrency, listener, log } = parts;
  if (storage.kind === "sqlite") return new InProcessQueue({ store: storage.store, runner, concurrency, listener, log });
  return new PgBossQueue({ store: storage.store, boss: storage.boss, databaseUrl: storage.url, listener, log, ...(parts.works && { work: { runner, concurrency } }) });
}

function metricsSources(storage: Storage) {
  if (storage.kind === "sqlite") return { ...storeSources(storage.store), workersAlive: async () => 1 };
  return {
    tasksByState: storeSources(storage.store).tasksByState,
    queues: pgBossQueues({ query: (sql: string) => storage.boss.getDb().executeSql(sql) }),
    // pg-boss's registered instances that work the task queue: each `ferry worker` (or `npm start`) process.
    workersAlive: async () => (await storage.boss.getInstances()).filter((instance) => instance.workers.some((worker) => worker.queue === TASK_QUEUE)).length,
  };
}

async function closeStatusWrites(lock: KeyLock | undefined): Promise<void> {
  shareStatusWrites(undefined);
  await lock?.close();
}

/** A server's factory: it never runs a task, so asking it for a sandbox is a bug. */
const refuseSandboxes: SandboxFactory = () => {
  throw new Error("A Ferry server runs no task, so it has no sandbox; tasks run on workers (`ferry worker`).");
};

/** The trajectory of the task's latest run, for its status comment. */
async function latestTrajectory(store: Store, dataDir: string, links: LinkSettings, taskId: number) {
  const run = (await store.listRuns(taskId)).at(-1);
  return run && trajectoryLocation(dataDir, links, taskId, run.number);
}
