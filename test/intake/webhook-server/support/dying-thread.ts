import { parentPort } from "node:worker_threads";

// A webhook thread that starts, then dies the way an uncaught error would end it.
parentPort?.postMessage({ kind: "ready", port: 1 });
setTimeout(() => process.exit(3), 20);
