import { Histogram, Registry } from "prom-client";

// The answer is a journal append: milliseconds normally; GitHub gives up after 10 s.
const ANSWER_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The webhook thread's own registry: a thread cannot share prom-client's with the main thread. */
export function createWebhookMetrics() {
  const registry = new Registry();
  const answerSeconds = new Histogram({
    name: "ferry_webhook_answer_duration_seconds",
    help: "Time from a webhook request to its answer, by status",
    labelNames: ["status"] as const,
    buckets: ANSWER_BUCKETS,
    registers: [registry],
  });
  return {
    registry,
    answered(status: number, seconds: number): void {
      answerSeconds.observe({ status: String(status) }, seconds);
    },
  };
}

export type WebhookMetrics = ReturnType<typeof createWebhookMetrics>;
