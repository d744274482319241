import { setTimeout as sleep } from "node:timers/promises";
import { Worker } from "node:worker_threads";
import type { Logger } from "pino";
import type { NewDelivery } from "../../tasks/model.ts";
import type { SweepReport } from "../../sweep/sweep-report.ts";
import type { TrajectoryRef } from "../../agent/trajectory/trajectory-link.ts";
import type { TrajectoryPage } from "../../agent/trajectory/trajectory-lines.ts";
import { errorMessage } from "../../error-message.ts";
import { listSegments, readSegment, removeSegment } from "./journal.ts";
import type { MainMessage, ServerThreadData, ThreadMessage } from "./messages.ts";

/** How long stopping waits for the thread to close its server (open requests finish first). */
const STOP_TIMEOUT_MS = 10_000;

export type WebhookServerOptions = {
  thread: ServerThreadData;
  /** Takes a verified delivery into the store; false for an id it already has. Throws if it could not. */
  intake: { accept(delivery: NewDelivery): Promise<boolean> };
  runSweep(repo?: string): Promise<SweepReport>;
  /** The main thread's Prometheus text, for the thread's GET /metrics; without it, only the thread's own metrics. */
  metricsText?(): Promise<string>;
  /** PostgreSQL mode: a page of a run's trajectory from the database, for the thread's signed links (`thread.trajectoriesInDatabase`). */
  trajectoryPage?(ref: TrajectoryRef, after: number): Promise<TrajectoryPage>;
  log: Logger;
  /** The thread died: webhooks are no longer answered, the process should stop. */
  onFailure(error: Error): void;
  /** The thread's script; tests replace it. Default: server-thread.ts. */
  script?: URL;
};

/**
 * The main thread's side of the webhook thread: it starts the thread, moves each journalled
 * delivery into the store, deletes journal segments once stored, and runs the sweeps the
 * thread is asked for. Deliveries a crash left in the journal are imported before it starts.
 */
export class WebhookServer {
  readonly #options: WebhookServerOptions;
  readonly #worker: Worker;
  readonly #ready = Promise.withResolvers<number>();
  readonly #stopped = Promise.withResolvers<void>();
  /** Segments with a delivery the store refused: they stay for the next start's import. */
  readonly #keep = new Set<number>();
  /**
   * Storing deliveries and settling segments, one after another in the order the thread sent
   * them: a segment is removed only after each of its deliveries was stored (or kept), and
   * deliveries reach the store in arrival order.
   */
  #storing: Promise<void> = Promise.resolve();
  #port = 0;
  #state: "starting" | "running" | "stopping" | "failed" = "starting";

  /** Imports what a crash left in the journal, then starts the thread; resolves once it listens. */
  static async start(options: WebhookServerOptions): Promise<WebhookServer> {
    await importLeftovers(options);
    const server = new WebhookServer(options);
    await server.#ready.promise;
    return server;
  }

  private constructor(options: WebhookServerOptions) {
    this.#options = options;
    this.#worker = new Worker(options.script ?? new URL("./server-thread.ts", import.meta.url), { workerData: options.thread });
    this.#worker.on("message", (message: ThreadMessage) => this.#receive(message));
    this.#worker.on("error", (error) => this.#died(error));
    this.#worker.on("exit", (code) => this.#died(new Error(`the webhook thread exited with code ${code}`)));
  }

  /** The port the thread listens on. */
  get port(): number {
    return this.#port;
  }

  /** Stops answering webhooks; every delivery answered so far is in the store (or the journal) when this resolves. */
  async stop(): Promise<void> {
    if (this.#state === "running") {
      this.#state = "stopping";
      post(this.#worker, { kind: "stop" });
      await Promise.race([this.#stopped.promise, sleep(STOP_TIMEOUT_MS, undefined, { ref: false })]);
    }
    await this.#worker.terminate();
  }

  #receive(message: ThreadMessage): void {
    const { intake, log } = this.#options;
    switch (message.kind) {
      case "ready":
        this.#state = "running";
        this.#port = message.port;
        return this.#ready.resolve(message.port);
      case "delivery":
        return this.#inTurn(async () => {
          try {
            await intake.accept(message.delivery);
          } catch (error) {
            this.#keep.add(message.segment);
            log.error(
              { err: error, delivery: message.delivery.id },
              `webhook delivery ${message.delivery.id} was answered but not stored (${errorMessage(error)}); the journal keeps it for the next start`,
            );
          }
        });
      case "closed":
        return this.#inTurn(() => this.#settle(message.segment));
      case "sweep":
        return void this.#options.runSweep(message.repo).then(
          (report) => post(this.#worker, { kind: "sweep-result", call: message.call, report }),
          (error: unknown) => post(this.#worker, { kind: "sweep-error", call: message.call, message: errorMessage(error) }),
        );
      case "metrics":
        return void (this.#options.metricsText?.() ?? Promise.resolve("")).then(
          (text) => post(this.#worker, { kind: "metrics-result", call: message.call, text }),
          (error: unknown) => post(this.#worker, { kind: "metrics-error", call: message.call, message: errorMessage(error) }),
        );
      case "trajectory": {
        const { trajectoryPage } = this.#options;
        if (!trajectoryPage) return post(this.#worker, { kind: "trajectory-error", call: message.call, message: "this server keeps no trajectories in a database" });
        return void trajectoryPage(message.ref, message.after).then(
          (page) => post(this.#worker, { kind: "trajectory-result", call: message.call, page }),
          (error: unknown) => post(this.#worker, { kind: "trajectory-error", call: message.call, message: errorMessage(error) }),
        );
      }
      case "stopped":
        return this.#inTurn(() => {
          this.#settle(message.segment);
          this.#stopped.resolve();
        });
    }
  }

  /** Runs `work` after everything the thread sent before it was stored or settled. */
  #inTurn(work: () => void | Promise<void>): void {
    this.#storing = this.#storing.then(work).catch((error: unknown) => this.#options.log.error({ err: error }, "could not settle a webhook journal segment"));
  }

  /** All of the segment's deliveries are stored: it is no longer needed. */
  #settle(segment: number): void {
    if (!this.#keep.has(segment)) removeSegment(this.#options.thread.journalDir, segment);
  }

  #died(error: Error): void {
    const state = this.#state;
    this.#state = "failed";
    if (state === "starting") this.#ready.reject(error);
    else if (state === "stopping") this.#stopped.resolve();
    else if (state === "running") this.#options.onFailure(error);
  }
}

function post(worker: Worker, message: MainMessage): void {
  worker.postMessage(message);
}

/** What the previous process journalled but did not store (it was killed in between). */
async function importLeftovers({ thread, intake, log }: WebhookServerOptions): Promise<void> {
  for (const segment of listSegments(thread.journalDir)) {
    const { deliveries, invalidLines, torn } = readSegment(segment.path);
    let stored = 0;
    let failed = false;
    for (const delivery of deliveries) {
      try {
        if (await intake.accept(delivery)) stored += 1;
      } catch (error) {
        failed = true;
        log.error({ err: error, delivery: delivery.id }, `could not store journalled webhook delivery ${delivery.id} (${errorMessage(error)}); the journal keeps it`);
      }
    }
    if (stored > 0) log.info({ deliveries: stored, segment: segment.number }, "stored webhook deliveries answered before the restart");
    if (invalidLines > 0) log.warn({ lines: invalidLines, segment: segment.path }, "skipped journal lines that are not webhook deliveries");
    if (torn) log.warn({ segment: segment.path }, "skipped a journal line cut short by the crash (that delivery was never answered; GitHub can redeliver it)");
    if (!failed) removeSegment(thread.journalDir, segment.number);
  }
}
