import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OpenAiAnswer } from "../../helpers/openai-replies.ts";
import { testPrivateKey } from "../../helpers/probot.ts";
import { APP_ID, GitHubStandIn } from "../github-standin/standin.ts";
import type { Issue, Repository } from "../github-standin/state.ts";
import { startConversationModel, type ConversationModel } from "./conversation-model.ts";
import { startFerry, type FerryProcess } from "./ferry-process.ts";
import { WEBHOOK_SECRET } from "./harness.ts";
import { issuesLabeled, sendWebhook, type Delivery, type Sender } from "./webhooks.ts";

/**
 * Ferry scaled out: `ferry server` and `ferry worker` processes on one PostgreSQL database, with
 * the GitHub stand-in and a model that answers each task's conversation on its own. Each process
 * has its own data directory, as each machine would.
 */
export type ScaleOut = {
  dir: string;
  standin: GitHubStandIn;
  model: ConversationModel;
  databaseUrl: string | undefined;
  servers: FerryProcess[];
  workers: FerryProcess[];
  /** Posts the delivery to server `server` (default the first), as a load balancer would. */
  deliver(delivery: Delivery, server?: number): Promise<{ status: number; id: string }>;
  label(repo: Repository, issue: Issue, label: string, sender: Sender, server?: number): Promise<{ status: number; id: string }>;
  /** The workers (indexes) whose data directory holds a trajectory of the task: where its runs ran. */
  ranOn(taskId: number): number[];
  /** Stops every process (workers first), the stand-in and the model; their exit codes. */
  close(): Promise<(number | null)[]>;
};

export type ScaleOutOptions = {
  /** Without one: a single `ferry start` process on SQLite (the in-process queue), `servers` and `workers` ignored; it is `servers[0]`. */
  databaseUrl?: string;
  servers: number;
  workers: number;
  script: (step: number, marker: string | undefined) => OpenAiAnswer;
  env?: Record<string, string>;
};

export async function startScaleOut(options: ScaleOutOptions): Promise<ScaleOut> {
  const dir = mkdtempSync(join(tmpdir(), "ferry-scale-"));
  const privateKey = testPrivateKey();
  const standin = new GitHubStandIn({ root: join(dir, "github"), privateKey });
  const started: FerryProcess[] = [];
  let model: ConversationModel | undefined;
  const close = async () => {
    if (process.env.E2E_LOGS) for (const ferry of started) process.stderr.write(`Ferry ${ferry.pid}:\n${ferry.output()}\n`);
    for (const ferry of started) ferry.endOfScenario();
    // Workers first: a server stopping first would leave nothing to hear a worker's last changes; either way nothing is lost.
    const codes = await Promise.all([...started].reverse().map((ferry) => ferry.stop()));
    await standin.stop();
    await model?.close();
    rmSync(dir, { recursive: true, force: true });
    return codes.reverse();
  };
  try {
    const gheHost = await standin.start();
    model = await startConversationModel(options.script);
    const base = { appId: APP_ID, privateKey, webhookSecret: WEBHOOK_SECRET, gheHost, modelBaseUrl: model.baseUrl };
    const env = { ...(options.databaseUrl && { DATABASE_URL: options.databaseUrl }), ...options.env };
    const start = async (command: "start" | "server" | "worker", index: number) => {
      const dataDir = join(dir, `${command}-${index}`);
      mkdirSync(dataDir);
      const ferry = await startFerry({ ...base, dataDir, env, command });
      started.push(ferry);
      return ferry;
    };
    // The first server migrates the database; the others then start side by side.
    const servers = [await start(options.databaseUrl ? "server" : "start", 0)];
    const workers: FerryProcess[] = [];
    if (options.databaseUrl) await Promise.all([
      ...Array.from({ length: options.servers - 1 }, async (_, index) => void servers.push(await start("server", index + 1))),
      ...Array.from({ length: options.workers }, async (_, index) => void (workers[index] = await start("worker", index))),
    ]);
    const deliver = (delivery: Delivery, server = 0) => sendWebhook(servers[server]?.url ?? "", WEBHOOK_SECRET, delivery);
    return {
      dir,
      standin,
      model,
      databaseUrl: options.databaseUrl,
      servers,
      workers,
      deliver,
      label(repo, issue, label, sender, server) {
        if (!issue.labels.includes(label)) issue.labels.push(label);
        return deliver({ event: "issues", payload: issuesLabeled(standin, repo, issue, label, sender) }, server);
      },
      ranOn: (taskId) => workers.flatMap((_, index) => (existsSync(join(dir, `worker-${index}`, "data", "trajectories", `task-${taskId}`)) ? [index] : [])),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
