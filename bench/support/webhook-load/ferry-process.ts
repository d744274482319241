import { loadEnvOrExit } from "../../../src/config/env.ts";
import { createLogger } from "../../../src/logger.ts";
import { startFerry } from "../../../src/start.ts";
import { placeholderRunner } from "../../../src/tasks/placeholder-runner.ts";
import { isTerminal, TASK_STATES } from "../../../src/tasks/model.ts";
import type { TaskRunner } from "../../../src/tasks/queue-types.ts";
import { serveParent } from "./child.ts";

/**
 * Ferry as `npm start` starts it (environment only), except for the runner: it records each
 * run and holds it (still queued) until the load is over, then lets the placeholder walk it
 * through its states to done. A run that ended at once would free its issue, and a later trigger would
 * rightly start a second task; held, every later trigger must find the active task, so a
 * duplicate can only come from intake.
 */
const env = loadEnvOrExit();
const log = createLogger(env.logLevel);
const runs: number[] = [];
let release: () => void = () => {};
const released = new Promise<void>((resolve) => (release = resolve));

const runner: TaskRunner = async (context) => {
  runs.push(context.task.id);
  const aborted = new Promise<never>((_resolve, reject) => context.signal.addEventListener("abort", () => reject(context.signal.reason), { once: true }));
  await Promise.race([released, aborted]);
  return placeholderRunner(context);
};

const app = env.app;
if (!app) throw new Error("the benchmark starts Ferry with App credentials");
const ferry = await startFerry(env, app, log, { runner });
const active = TASK_STATES.filter((state) => !isTerminal(state));
serveParent(
  `http://${env.host}:${env.port}`,
  {
    /** Lets held runs go on. */
    release: () => release(),
    /** Tasks not ended yet, and the task ids the runner was handed so far. */
    state: async () => ({ active: (await ferry.store.listTasks(active)).length, runs }),
  },
  () => ferry.stop(),
);
