export type Stop = "timed-out" | "cancelled";

/** How long a stopped git gets to remove its lock files before it is killed. */
const GRACE_MS = 2000;

/**
 * Stops a child started in its own process group when the deadline passes or the signal
 * aborts. The whole group goes: git's remote helpers (git-remote-https) would otherwise
 * outlive it and keep its output pipes, and the caller, waiting.
 */
export function enforceDeadline(child: { readonly pid?: number | undefined }, timeoutMs: number, signal: AbortSignal | undefined) {
  let stoppedBy: Stop | undefined;
  let killTimer: NodeJS.Timeout | undefined;
  const stop = (why: Stop): void => {
    if (stoppedBy) return;
    stoppedBy = why;
    signalGroup(child, "SIGTERM");
    killTimer = setTimeout(() => signalGroup(child, "SIGKILL"), GRACE_MS);
  };
  const timer = setTimeout(() => stop("timed-out"), timeoutMs);
  const onAbort = (): void => stop("cancelled");
  signal?.addEventListener("abort", onAbort, { once: true });
  if (signal?.aborted) onAbort();
  return {
    stoppedBy: (): Stop | undefined => stoppedBy,
    dispose(): void {
      clearTimeout(timer);
      clearTimeout(killTimer);
      signal?.removeEventListener("abort", onAbort);
    },
  };
}

function signalGroup(child: { readonly pid?: number | undefined }, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}
