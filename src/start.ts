import type { Logger } from "pino";
import { Probot, Server } from "probot";
import { createApp } from "./app.ts";
import type { AppCredentials } from "./config/app-credentials.ts";
import type { Env } from "./config/env.ts";
import { createStatusReporter } from "./delivery/status-reporter.ts";
import { createSandboxFactory } from "./sandbox/create-sandbox.ts";
import type { SandboxFactory } from "./sandbox/sandbox.ts";
import { createModel } from "./agent/models/create-model.ts";
import { installationToken } from "./github/installation-token.ts";
import { createAgentRunner } from "./worker/agent-runner.ts";
import { Workspaces } from "./workspace/workspaces.ts";
import { InProcessQueue } from "./tasks/queue.ts";
import { SqliteStore } from "./tasks/sqlite-store.ts";
import type { TaskRunner } from "./tasks/queue-types.ts";

export type Ferry = {
  server: Server;
  store: SqliteStore;
  queue: InProcessQueue;
  /** Makes the sandbox a task's commands run in (FERRY_SANDBOX). */
  sandboxes: SandboxFactory;
  stop(): Promise<void>;
};

export type StartOptions = {
  /** Replaces the task runner (tests); default: the agent. */
  runner?: TaskRunner;
};

/** Start-up in order: store → sandboxes → queue and workers → webhook server. The caller owns the process. */
export async function startFerry(env: Env, app: AppCredentials, log: Logger, options: StartOptions = {}): Promise<Ferry> {
  const probotOptions = { appId: app.id, privateKey: app.privateKey, secret: app.webhookSecret, baseUrl: env.github.apiUrl, log };
  const store = new SqliteStore({ dataDir: env.dataDir });
  const sandboxes = await createSandboxFactory(env.sandbox, env.dataDir, log);
  // A Probot instance of its own gives workers installation clients outside any webhook.
  const github = new Probot(probotOptions);
  const runner =
    options.runner ??
    createAgentRunner({
      env,
      store,
      workspaces: new Workspaces({ dataDir: env.dataDir, log }),
      sandboxes,
      model: createModel(env.model),
      clientFor: (installationId) => github.auth(installationId),
      tokenFor: async (installationId) => installationToken(await github.auth(installationId)),
      log,
    });
  const queue = new InProcessQueue({
    store,
    runner,
    concurrency: env.concurrency,
    listener: createStatusReporter((installationId) => github.auth(installationId), log),
    log,
  });
  const server = new Server({
    Probot: Probot.defaults(probotOptions),
    host: env.host,
    port: env.port,
    webhookProxy: env.webhookProxyUrl,
    log,
  });
  await server.load(createApp({ store, queue }));
  await queue.start();
  await server.start();
  log.info({ concurrency: env.concurrency, dataDir: env.dataDir }, "Ferry is ready");

  return {
    server,
    store,
    queue,
    sandboxes,
    async stop() {
      await server.stop();
      await queue.stop();
      store.close();
    },
  };
}
