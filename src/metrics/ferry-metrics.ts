import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Log } from "../logger.ts";
import type { MetricsSources } from "./metrics-sources.ts";
import { scrapeTimeGauges } from "./scrape-time-gauges.ts";

export type FerryMetricsOptions = {
  sources?: MetricsSources;
  /** Task slots this process runs (FERRY_CONCURRENCY); 0 for a role without workers. */
  slots?: number;
  /** Process metrics (CPU, memory, event loop, GC); off in tests, whose processes they would watch. */
  processMetrics?: boolean;
  log?: Log;
};

// Tasks take minutes (up to the 120-minute ceiling); model requests seconds to minutes.
const TASK_BUCKETS = [10, 30, 60, 120, 300, 600, 900, 1800, 2700, 3600, 7200];
const MODEL_BUCKETS = [0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600];

/** The main thread's registry and every metric it carries; the webhook thread has its own (webhook-metrics.ts). */
export function createFerryMetrics(options: FerryMetricsOptions = {}) {
  const registry = new Registry();
  const registers = [registry];
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  scrapeTimeGauges(registry, options.sources ?? {}, options.log);
  const slots = new Gauge({ name: "ferry_worker_slots", help: "Task slots this process runs (FERRY_CONCURRENCY)", registers });
  slots.set(options.slots ?? 0);
  return {
    registry,
    busySlots: new Gauge({ name: "ferry_worker_busy_slots", help: "Task slots of this process running a task now", registers }),
    taskRunSeconds: new Histogram({
      name: "ferry_task_run_duration_seconds",
      help: "Wall-clock time of one run of a task, by how it ended",
      labelNames: ["outcome"] as const,
      buckets: TASK_BUCKETS,
      registers,
    }),
    phaseSeconds: new Histogram({
      name: "ferry_task_phase_duration_seconds",
      help: "Time a run spent in one working state (preparing, running, waiting, verifying, delivering)",
      labelNames: ["phase"] as const,
      buckets: TASK_BUCKETS,
      registers,
    }),
    tokens: new Counter({
      name: "ferry_model_tokens_total",
      help: "Model tokens spent, by repository and kind (input includes cached_input)",
      labelNames: ["repository", "kind"] as const,
      registers,
    }),
    usd: new Counter({
      name: "ferry_model_cost_usd_total",
      help: "US dollars spent on the model, by repository (responses of unknown price are not counted)",
      labelNames: ["repository"] as const,
      registers,
    }),
    modelSeconds: new Histogram({
      name: "ferry_model_request_duration_seconds",
      help: "Latency of one model request, retries included, by purpose and result",
      labelNames: ["purpose", "result"] as const,
      buckets: MODEL_BUCKETS,
      registers,
    }),
    modelErrors: new Counter({
      name: "ferry_model_request_errors_total",
      help: "Model requests that failed after their retries, by kind (auth, unknown-model, bad-request, unavailable, other)",
      labelNames: ["kind"] as const,
      registers,
    }),
    githubRequests: new Counter({
      name: "ferry_github_requests_total",
      help: "GitHub API requests, by method and status (0: no answer)",
      labelNames: ["method", "status"] as const,
      registers,
    }),
    githubRateLimitRemaining: new Gauge({
      name: "ferry_github_rate_limit_remaining",
      help: "Requests left in GitHub's current rate-limit window, by resource, as of the latest answer",
      labelNames: ["resource"] as const,
      registers,
    }),
  };
}

export type FerryMetrics = ReturnType<typeof createFerryMetrics>;
