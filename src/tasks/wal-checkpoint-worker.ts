// The background checkpointer's thread (see wal-checkpointer.ts): its own connection to the
// database, copying the write-ahead log into the database file at a fixed interval. It runs
// under Node alone (no bundler, no test transform), so it imports nothing but Node, its own loop and errorMessage (neither imports anything).
import { DatabaseSync } from "node:sqlite";
import { parentPort, workerData } from "node:worker_threads";
import { errorMessage } from "../error-message.ts";
import { checkpointEvery } from "./checkpoint-every.ts";

type Settings = { file: string; intervalMs: number; closed: Int32Array };
const { file, intervalMs, closed } = workerData as Settings;

const db = new DatabaseSync(file);
// NORMAL syncs the log and the database file around each checkpoint, as the main connection would.
db.exec("PRAGMA synchronous = NORMAL");
// PASSIVE never waits for a lock: it copies what no reader still needs, and writers carry on meanwhile.
const checkpoint = db.prepare("PRAGMA wal_checkpoint(PASSIVE)");
// A failed checkpoint is told to the store, which logs it; the next one comes at the next interval.
const stopCheckpoints = checkpointEvery(
  intervalMs,
  () => checkpoint.get(),
  (error) => parentPort?.postMessage({ kind: "checkpoint-failed", message: errorMessage(error) }),
);

parentPort?.on("message", (message: unknown) => {
  if (message !== "stop") return;
  stopCheckpoints();
  db.close();
  // The store waits on this flag, synchronously, before it closes its own connection.
  Atomics.store(closed, 0, 1);
  Atomics.notify(closed, 0);
  parentPort?.close();
});
