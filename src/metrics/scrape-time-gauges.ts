import { Gauge, type Registry } from "prom-client";
import type { Log } from "../logger.ts";
import { errorMessage } from "../error-message.ts";
import type { MetricsSources } from "./metrics-sources.ts";

/**
 * The gauges read from the sources when Prometheus scrapes. A source that throws leaves its
 * gauges empty for that scrape (and says why) rather than failing the whole answer.
 */
export function scrapeTimeGauges(registry: Registry, sources: MetricsSources, log?: Log): void {
  const registers = [registry];
  const failed = (source: string) => (error: unknown) => {
    log?.warn({ err: error, source }, `a metrics source failed: ${errorMessage(error)}`);
    return undefined;
  };
  // Both queue gauges come from one read: the registry collects them at once.
  const queues = onePerScrape(async () => (await sources.queues?.().catch(failed("queues"))) ?? []);
  new Gauge({
    name: "ferry_queue_depth",
    help: "Jobs waiting in each queue",
    labelNames: ["queue"] as const,
    registers,
    async collect() {
      this.reset();
      for (const stat of await queues()) this.set({ queue: stat.queue }, stat.waiting);
    },
  });
  new Gauge({
    name: "ferry_queue_oldest_waiting_seconds",
    help: "Age of the oldest waiting job in each queue (0 when none waits)",
    labelNames: ["queue"] as const,
    registers,
    async collect() {
      this.reset();
      for (const stat of await queues()) this.set({ queue: stat.queue }, stat.oldestWaitingSeconds);
    },
  });
  new Gauge({
    name: "ferry_tasks",
    help: "Tasks that have not ended, by state",
    labelNames: ["state"] as const,
    registers,
    async collect() {
      this.reset();
      const counts = await sources.tasksByState?.().catch(failed("tasksByState"));
      for (const [state, count] of Object.entries(counts ?? {})) this.set({ state }, count);
    },
  });
  new Gauge({
    name: "ferry_workers_alive",
    help: "Worker processes alive across the installation",
    registers,
    async collect() {
      this.reset();
      const alive = await sources.workersAlive?.().catch(failed("workersAlive"));
      if (alive !== undefined) this.set(alive);
    },
  });
}

/** Callers while a read is under way share it; the next scrape reads afresh. */
function onePerScrape<T>(read: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => (pending ??= read().finally(() => (pending = undefined)));
}
