import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import type { Child } from "./child.ts";

/** What ferry-process.ts answers to `state`: tasks not ended yet, and the task ids its runner was handed. */
export const FerryState = z.object({ active: z.number(), runs: z.array(z.number()) });

/**
 * Waits until Ferry is done with what it acknowledged: a delivery answered 202 ("still
 * processing", Probot's 9 s timeout) goes on in the background, and its GitHub calls are
 * the only sign of it. Quiet means no GitHub request for `quietMs` (Octokit's throttling
 * spaces writes at most 3 s apart, so a backlog is never that silent) and, with
 * `tasksEnded`, no task still active. Resolves with how long after the call the last GitHub
 * request came, in milliseconds, and whether Ferry went quiet before `timeoutMs`.
 */
export async function waitUntilQuiet(
  github: Child,
  ferry: Child,
  options: { quietMs: number; timeoutMs: number; tasksEnded: boolean },
): Promise<{ lastRequestMs: number; quiet: boolean }> {
  const start = performance.now();
  let requests = -1;
  let changedAt = start;
  for (;;) {
    const now = performance.now();
    const seen = Number(await github.call("requests"));
    if (seen !== requests) [requests, changedAt] = [seen, now];
    const state = FerryState.parse(await ferry.call("state"));
    if (now - changedAt >= options.quietMs && (!options.tasksEnded || state.active === 0)) return { lastRequestMs: changedAt - start, quiet: true };
    if (now - start > options.timeoutMs) return { lastRequestMs: changedAt - start, quiet: false };
    await sleep(250);
  }
}
