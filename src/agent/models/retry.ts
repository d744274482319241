import type { CompleteOptions } from "./model.ts";

/** Waits `ms`; injected so tests do not wait. Abort is handled around it, so it may ignore `signal`. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** How a failed attempt is treated: retried after a pause, or thrown as it is. */
export type Failure = { kind: "transient"; reason: string; retryAfterMs?: number } | { kind: "fatal"; error: Error };

export type RetryPolicy = {
  /** Retries after the first attempt. */
  maxRetries: number;
  sleep: Sleep;
  /** In [0, 1); spreads the backoff of clients that failed together. */
  random: () => number;
};

const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;

/** Exponential backoff with up to a quarter taken off at random. `retry` counts from 1. */
export function backoffDelay(retry: number, random: () => number): number {
  const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (retry - 1));
  return Math.round(ceiling * (1 - 0.25 * random()));
}

/**
 * Runs `attempt` until it succeeds, a failure is fatal, or the retries are spent (then
 * `exhausted` names the last reason). Each retry is announced through `onRetry` before its
 * pause; an abort ends everything at once with the signal's reason.
 */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  classify: (error: unknown) => Failure,
  exhausted: (reason: string, attempts: number) => Error,
  policy: RetryPolicy,
  { signal, onRetry }: CompleteOptions,
): Promise<T> {
  for (let attemptNumber = 1; ; attemptNumber++) {
    signal?.throwIfAborted();
    try {
      return await attempt();
    } catch (error) {
      signal?.throwIfAborted();
      const failure = classify(error);
      if (failure.kind === "fatal") throw failure.error;
      if (attemptNumber > policy.maxRetries) throw exhausted(failure.reason, attemptNumber);
      const delayMs = failure.retryAfterMs ?? backoffDelay(attemptNumber, policy.random);
      onRetry?.({ attempt: attemptNumber, delayMs, reason: failure.reason });
      await pause(policy.sleep, delayMs, signal);
    }
  }
}

/** `sleep`, cut short by an abort whether or not `sleep` itself listens to the signal. */
async function pause(sleep: Sleep, ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return sleep(ms);
  let stop = () => {};
  const aborted = new Promise<never>((_, reject) => {
    stop = () => reject(signal.reason);
    signal.addEventListener("abort", stop, { once: true });
  });
  try {
    await Promise.race([sleep(ms, signal), aborted]);
  } catch (error) {
    signal.throwIfAborted();
    throw error;
  } finally {
    signal.removeEventListener("abort", stop);
  }
}
