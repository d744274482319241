// Part of the WAL checkpoint thread (wal-checkpoint-worker.ts): like it, it runs under Node alone
// (no bundler, no test transform), so it imports nothing but Node.

/**
 * Runs `checkpoint` every `intervalMs`. A checkpoint that throws (an I/O error, a full disk) is
 * reported and the next one runs as usual: one failure must not end the thread, which would
 * leave the write-ahead log to the commits again for the rest of the process. Returns the stop.
 */
export function checkpointEvery(intervalMs: number, checkpoint: () => unknown, report: (error: unknown) => void): () => void {
  const timer = setInterval(() => {
    try {
      checkpoint();
    } catch (error) {
      report(error);
    }
  }, intervalMs);
  return () => clearInterval(timer);
}
