/** Time for the status reporter, injectable so tests decide when coalesced edits go out. */
export type Clock = {
  now(): number;
  /** Runs `run` after `ms`; the returned function cancels it. */
  schedule(run: () => void, ms: number): () => void;
};

export const systemClock: Clock = {
  now: () => Date.now(),
  schedule: (run, ms) => {
    const timer = setTimeout(run, ms);
    // A pending status edit must not keep the process alive on shutdown.
    timer.unref();
    return () => clearTimeout(timer);
  },
};
