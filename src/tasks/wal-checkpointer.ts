import { Worker } from "node:worker_threads";

/** How often the background thread copies the write-ahead log into the database file. */
export const DEFAULT_CHECKPOINT_INTERVAL_MS = 1_000;
/** How long closing the store waits for the thread to close its connection. */
const STOP_TIMEOUT_MS = 5_000;

export type WalCheckpointerOptions = {
  /** The database file, already created and migrated. */
  file: string;
  intervalMs?: number;
  /** Called if the thread dies: the caller lets its own commits checkpoint again. */
  onFailure(error: Error): void;
  /** Called when one checkpoint failed; the thread goes on with the next. */
  onMissedCheckpoint?(error: Error): void;
};

/**
 * Checkpoints of SQLite's write-ahead log, off the main thread. By default the commit that
 * fills the log past 1,000 pages copies it into the database and syncs the disk, several
 * milliseconds during which nothing else runs: a webhook waiting for its answer among them.
 * With the main connection's automatic checkpoints off, this thread does them instead; WAL
 * lets it copy pages while the main thread keeps committing.
 */
export class WalCheckpointer {
  readonly #worker: Worker;
  readonly #closed = new Int32Array(new SharedArrayBuffer(4));
  #stopped = false;

  constructor(options: WalCheckpointerOptions) {
    const intervalMs = options.intervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS;
    this.#worker = new Worker(new URL("./wal-checkpoint-worker.ts", import.meta.url), {
      workerData: { file: options.file, intervalMs, closed: this.#closed },
    });
    // It never keeps a finished process alive; the store stops it when it closes.
    this.#worker.unref();
    const failed = (error: Error) => {
      if (!this.#stopped) options.onFailure(error);
      this.#stopped = true;
    };
    this.#worker.on("error", failed);
    this.#worker.on("message", (message: unknown) => {
      if (isMissedCheckpoint(message)) options.onMissedCheckpoint?.(new Error(message.message));
    });
    this.#worker.on("exit", (code) => failed(new Error(`the WAL checkpoint thread exited with code ${code}`)));
  }

  /** Closes the thread's connection (waiting for a checkpoint in progress), so the store's own close is the last one. */
  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#worker.postMessage("stop");
    Atomics.wait(this.#closed, 0, 0, STOP_TIMEOUT_MS);
    void this.#worker.terminate();
  }
}

function isMissedCheckpoint(message: unknown): message is { kind: "checkpoint-failed"; message: string } {
  return typeof message === "object" && message !== null && "kind" in message && message.kind === "checkpoint-failed" && "message" in message && typeof message.message === "string";
}
