/**
 * Settles as `work` does, or rejects with `reason()` the moment `signal` aborts: a stop never
 * waits on a call that GitHub leaves hanging. The work itself settles later, unobserved.
 */
export async function unlessAborted<T>(work: Promise<T>, signal: AbortSignal, reason: () => unknown): Promise<T> {
  if (signal.aborted) throw reason();
  work.catch(() => {});
  const { promise: cutOff, reject } = Promise.withResolvers<never>();
  const abort = () => reject(reason());
  signal.addEventListener("abort", abort, { once: true });
  try {
    return await Promise.race([work, cutOff]);
  } finally {
    signal.removeEventListener("abort", abort);
  }
}
