import type { Logger } from "pino";
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
import { ProgressBoard } from "./delivery/status/progress-board.ts";
import { publicTrajectory } from "./delivery/status/public-trajectory.ts";
import { createStatusReporter } from "./delivery/status/status-reporter.ts";
import { createSandboxFactory } from "./sandbox/create-sandbox.ts";
import type { SandboxFactory } from "./sandbox/sandbox.ts";
import { createModel } from "./agent/models/create-model.ts";
import { appAccount } from "./github/ferry-account.ts";
import { ferryOctokit } from "./github/github-octokit.ts";
import { installationToken } from "./github/installation-token.ts";
import { createAgentRunner } from "./worker/agent-runner.ts";
import { Workspaces } from "./workspace/workspaces.ts";
import { FERRY_GIT_IDENTITY } from "./workspace/ferry-identity.ts";
import type { LinkSettings } from "./agent/trajectory/trajectory-location.ts";
import { trajectoryLocation } from "./agent/trajectory/trajectory-location.ts";
import type { Store } from "./tasks/store.ts";
import { InProcessQueue } from "./tasks/queue.ts";
import { SqliteStore } from "./tasks/sqlite-store.ts";
import type { TaskRunner } from "./tasks/queue-types.ts";
import type { Task } from "./tasks/model.ts";
import { steeringOf } from "./delivery/status/steering-of.ts";
import { ENDING_REPORTED, unreportedEndings } from "./delivery/status/unreported-endings.ts";
import { FollowUps } from "./steering/follow-ups/follow-ups.ts";
import { startSweeps } from "./sweep/start-sweeps.ts";
import { createFerryMetrics, type FerryMetrics } from "./metrics/ferry-metrics.ts";
import { measuredModel } from "./metrics/measured-model.ts";
import { measuredRunner } from "./metrics/measured-runner.ts";
import { storeSources } from "./metrics/metrics-sources.ts";

export type Ferry = {
  /** Answers webhooks (and `ferry sweep --now`, trajectory links) from a thread of its own. */
  webhooks: WebhookServer;
  store: SqliteStore;
  queue: InProcessQueue;
  /** Accepted webhook deliveries, handled after the answer. */
  backlog: WebhookBacklog;
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
};

/** Start-up in order: store → sandboxes → queue and workers → webhook server. The caller owns the process. */
export async function startFerry(env: Env, app: AppCredentials, log: Logger, options: StartOptions = {}): Promise<Ferry> {
  const refusal = localSandboxRefusal(env.sandbox);
  if (refusal) throw new Error(refusal);
  const probotOptions = { appId: app.id, privateKey: app.privateKey, secret: app.webhookSecret, baseUrl: env.github.apiUrl, log };
  warnIfNoModel(env.model, log);
  const store = new SqliteStore({ dataDir: env.dataDir, backgroundCheckpoints: true, log });
  const sandboxes = await createSandboxFactory(env.sandbox, env.dataDir, log);
  // One process runs every role here: the store is the queue, and this is the one worker.
  const metrics = createFerryMetrics({ sources: { ...storeSources(store), workersAlive: async () => 1 }, slots: env.concurrency, processMetrics: true, log });
  // Aborted by stop(): every GitHub call ends at once, so stopping never waits on GitHub.
  const stopping = new AbortController();
  // A Probot instance of its own gives workers installation clients outside any webhook.
  const github = new Probot({ ...probotOptions, Octokit: ferryOctokit(stopping.signal, metrics) });
  const progress = new ProgressBoard();
  // Ferry's bot account (GET /app, once): a comment carrying Ferry's marker is Ferry's only when it wrote it.
  const account = appAccount(() => github.auth());
  const links = { publicUrl: env.publicUrl, key: app.webhookSecret };
  const runner =
    options.runner ??
    createAgentRunner({
      env,
      store,
      workspaces: new Workspaces({ dataDir: env.dataDir, log }),
      sandboxes,
      model: measuredModel(createModel(env.model), metrics),
      clientFor: (installationId) => github.auth(installationId),
      tokenFor: async (installationId) => installationToken(await github.auth(installationId), stopping.signal),
      log,
      progress,
      author: FERRY_GIT_IDENTITY,
      links,
      account,
    });
  const status = createStatusReporter({
    clientFor: (installationId) => github.auth(installationId),
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
  const queue = new InProcessQueue({ store, runner: measuredRunner(runner, metrics), concurrency: env.concurrency, listener, log });
  const followUps = new FollowUps({ store, queue, log });
  const live = {
    progressOf: (taskId: number) => progress.get(taskId),
    // `/agent status` replies are public: a signed link, or a name in the data directory, never the server's path.
    trajectoryOf: async (taskId: number) => publicTrajectory(await latestTrajectory(store, env.dataDir, links, taskId)),
    touch: (taskId: number) => progress.touch(taskId),
  };
  // Scheduled backlog sweeps; `ferry sweep --now` reaches runNow through POST /ferry/sweep, signed with the webhook secret.
  const sweeps = startSweeps({
    github: { appClient: () => github.auth(), clientFor: (installationId) => github.auth(installationId) },
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
      events: Object.keys(handlers),
      journalDir: join(env.dataDir, JOURNAL_DIR),
      ...(env.metricsToken && { metricsToken: env.metricsToken }),
    },
    intake: backlog,
    runSweep: (repo) => sweeps.runNow(repo),
    metricsText: () => metrics.registry.metrics(),
    log,
    onFailure: (error) => failed.resolve(error),
  });
  log.info({ concurrency: env.concurrency, dataDir: env.dataDir, port: webhooks.port }, "Ferry is ready");

  return {
    webhooks,
    store,
    queue,
    backlog,
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
      await store.close();
    },
  };
}

/** The trajectory of the task's latest run, for its status comment. */
async function latestTrajectory(store: Store, dataDir: string, links: LinkSettings, taskId: number) {
  const run = (await store.listRuns(taskId)).at(-1);
  return run && trajectoryLocation(dataDir, links, taskId, run.number);
}
