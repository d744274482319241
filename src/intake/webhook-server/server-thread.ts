import { parentPort, workerData } from "node:worker_threads";
import { intakeApp } from "./intake-app.ts";
import { createLogger } from "../../logger.ts";
import { rememberSecret } from "../../policy/known-secrets.ts";
import { trajectoryHandler } from "../../agent/trajectory/trajectory-handler.ts";
import type { TrajectoryRef } from "../../agent/trajectory/trajectory-link.ts";
import { sweepHandler } from "../../sweep/sweep-handler.ts";
import type { SweepReport } from "../../sweep/sweep-report.ts";
import { JournalWriter } from "./journal.ts";
import type { MainMessage, ServerThreadData, ThreadMessage } from "./messages.ts";
import { startThreadServer } from "./thread-server.ts";
import { threadLogger } from "./thread-log.ts";
import { MainThreadMetrics } from "../../metrics/main-thread-metrics.ts";
import { metricsRoute } from "../../metrics/metrics-route.ts";
import { createWebhookMetrics } from "../../metrics/webhook-metrics.ts";
import { MainThreadTrajectories } from "../../agent/trajectory/main-thread-trajectories.ts";

/**
 * The webhook thread: Probot verifying and receiving webhooks, plus a journal write per
 * delivery. Nothing the main thread does (handlers, tasks, SQLite) delays an answer here.
 */
const data = workerData as ServerThreadData;
const main = parentPort;
if (!main) throw new Error("server-thread.ts runs as a worker thread");
const send = (message: ThreadMessage) => main.postMessage(message);

// A thread has its own module registry: the secrets it holds are remembered here too, for its log lines.
for (const secret of [data.probot.secret, data.probot.privateKey, data.linksKey, data.metricsToken]) rememberSecret(secret);
const log = threadLogger(createLogger(data.logLevel, data.logFormat));
const journal = new JournalWriter(data.journalDir, { segmentBytes: data.segmentBytes });

// `ferry sweep --now` runs on the main thread, where the sweeps live; this thread only carries the call.
const sweeps = new Map<number, { resolve(report: SweepReport): void; reject(error: Error): void }>();
let nextCall = 1;
const runSweep = (repo?: string) =>
  new Promise<SweepReport>((resolve, reject) => {
    const call = nextCall++;
    sweeps.set(call, { resolve, reject });
    send({ kind: "sweep", call, repo });
  });

// GET /metrics: the main thread's registry (asked for, with a timeout), then this thread's own.
const webhookMetrics = createWebhookMetrics();
const mainMetrics = new MainThreadMetrics((call) => send({ kind: "metrics", call }));
const metricsText = async () => `${await mainMetrics.text()}\n${await webhookMetrics.registry.metrics()}`;

// A trajectory run on another machine: read from the database by the main thread, a page at a time.
const trajectories = new MainThreadTrajectories((request) => send({ kind: "trajectory", ...request }));
const trajectoryPages = data.trajectoriesInDatabase ? (ref: TrajectoryRef, after: number) => trajectories.page(ref, after) : undefined;

const server = await startThreadServer({
  probot: data.probot,
  host: data.host,
  port: data.port,
  webhookProxy: data.webhookProxy,
  log,
  app: intakeApp(
    {
      accept(delivery) {
        const { segment, closed } = journal.append(delivery);
        if (closed !== undefined) send({ kind: "closed", segment: closed });
        send({ kind: "delivery", delivery, segment });
      },
    },
    data.events,
  ),
  routes: [trajectoryHandler(data.dataDir, data.linksKey, trajectoryPages), sweepHandler(data.probot.secret, runSweep), metricsRoute(metricsText, data.metricsToken)],
  onWebhookAnswer: (status, seconds) => webhookMetrics.answered(status, seconds),
});

main.on("message", (message: MainMessage) => {
  if (message.kind === "stop") return void stop();
  if (message.kind === "metrics-result") return mainMetrics.settle(message.call, { text: message.text });
  if (message.kind === "metrics-error") return mainMetrics.settle(message.call, { error: message.message });
  if (message.kind === "trajectory-result") return trajectories.settle(message.call, { page: message.page });
  if (message.kind === "trajectory-error") return trajectories.settle(message.call, { error: message.message });
  const waiter = sweeps.get(message.call);
  sweeps.delete(message.call);
  if (message.kind === "sweep-result") waiter?.resolve(message.report);
  else waiter?.reject(new Error(message.message));
});
send({ kind: "ready", port: server.port });

async function stop(): Promise<void> {
  await server.stop();
  send({ kind: "stopped", segment: journal.close() });
  main?.close();
}
