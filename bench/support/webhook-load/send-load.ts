import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import type { Delivery } from "./deliveries.ts";

/**
 * Open-loop load: delivery i is due at start + i / rate, whatever happened to the ones
 * before it, with at most `concurrency` in flight. Latency runs from the moment a delivery
 * is sent to the end of its response, as GitHub's own timeout counts it; like GitHub, the
 * sender gives up after 10 s (status 0, "timed out").
 */
const GITHUB_TIMEOUT_MS = 10_000;

export type Sent = { delivery: Delivery; status: number; latencyMs: number; error?: string };

export type LoadResult = {
  sent: Sent[];
  /** Deliveries per second from the first send to the last. */
  rate: number;
  /** How far the latest send fell behind its due time (timer slack, or the concurrency bound). */
  maxLagMs: number;
  /** Sends that had to wait for a free slot. */
  heldByConcurrency: number;
  elapsedMs: number;
  /** When the last delivery was sent (performance.now() of this process). */
  lastSendAt: number;
};

/** A load with what it cost: CPU time (ms) of the server and of the GitHub stand-in answering it. */
export type Measured = LoadResult & { cpuMs: number };

export async function sendLoad(url: string, deliveries: readonly Delivery[], options: { rate: number; concurrency: number }): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const target = new URL("/api/github/webhooks", url);
  const interval = 1000 / options.rate;
  const slots: (() => void)[] = [];
  const inFlight: Promise<Sent>[] = [];
  let busy = 0;
  let maxLagMs = 0;
  let heldByConcurrency = 0;
  let firstSend = 0;
  let lastSend = 0;
  const start = performance.now();

  for (const [at, delivery] of deliveries.entries()) {
    const due = start + at * interval;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    else if (wait > 0) await new Promise((resolve) => setImmediate(resolve));
    if (busy >= options.concurrency) {
      heldByConcurrency++;
      await new Promise<void>((resolve) => slots.push(resolve));
    }
    busy++;
    const now = performance.now();
    maxLagMs = Math.max(maxLagMs, now - due);
    if (at === 0) firstSend = now;
    lastSend = now;
    inFlight.push(
      post(agent, target, delivery).finally(() => {
        busy--;
        slots.shift()?.();
      }),
    );
  }
  const sent = await Promise.all(inFlight);
  const elapsedMs = performance.now() - start;
  agent.destroy();
  const span = (lastSend - firstSend) / 1000;
  return { sent, rate: span > 0 ? (deliveries.length - 1) / span : Infinity, maxLagMs, heldByConcurrency, elapsedMs, lastSendAt: lastSend };
}

function post(agent: Agent, target: URL, delivery: Delivery): Promise<Sent> {
  return new Promise((resolve) => {
    const started = performance.now();
    const done = (status: number, error?: string) => resolve({ delivery, status, latencyMs: performance.now() - started, error });
    const sending = request(target, { method: "POST", agent, headers: { ...delivery.headers, "content-length": Buffer.byteLength(delivery.body) } }, (response) => {
      response.resume();
      response.on("end", () => done(response.statusCode ?? 0));
      response.on("error", (error) => done(0, error.message));
    });
    sending.setTimeout(GITHUB_TIMEOUT_MS, () => sending.destroy(new Error("timed out")));
    sending.on("error", (error) => done(0, error.message));
    sending.end(delivery.body);
  });
}
