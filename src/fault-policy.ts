import type { Logger } from "pino";
import { exitIfStopHangs, STOP_DEADLINE_MS } from "./stop-deadline.ts";

export type Fault = "uncaught exception" | "unhandled rejection";

export type FaultPolicyOptions = {
  log: Logger;
  /** Stops Ferry as SIGTERM would; undefined before it started (or in Probot's setup flow). */
  stop: () => Promise<void> | undefined;
  exit?: (code: number) => void;
  /** Where the faults are reported; the process, or a test's emitter. */
  target?: Pick<NodeJS.EventEmitter, "on">;
};

/**
 * What the server does with a fault nothing caught: it logs it as fatal, with which kind it was,
 * stops as on SIGTERM (bounded by the stop deadline) and exits 1, so a supervisor restarts it;
 * accepted deliveries and cut-off tasks resume at the next start. It never carries on: Node
 * documents an uncaught exception as leaving the process in an unknown state, and a rejection
 * nobody awaited is the same kind of bug, since every background loop, handler and task catches
 * and logs its own failures (see run-iteration.ts). Node's own default would print a bare stack to
 * stderr, outside the logs and without context.
 */
export function installFaultPolicy(options: FaultPolicyOptions): void {
  const { log, stop } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const target = options.target ?? process;
  let stopping = false;
  const onFault = (fault: Fault) => (error: unknown, origin?: string) => {
    // A rejected top-level await (start-up failing in main.ts) arrives as an uncaught exception of that origin.
    const kind: Fault = origin === "unhandledRejection" ? "unhandled rejection" : fault;
    log.fatal({ err: error, fault: kind }, "a fault nothing caught; stopping Ferry (restart it: accepted deliveries and tasks resume)");
    // A second fault while stopping is logged, not acted on: the first stop and its deadline hold.
    if (stopping) return;
    stopping = true;
    const deadline = exitIfStopHangs(log, STOP_DEADLINE_MS, exit);
    void Promise.resolve()
      .then(stop)
      .catch((stopError: unknown) => log.error({ err: stopError }, "could not stop Ferry cleanly after the fault"))
      .finally(() => {
        clearTimeout(deadline);
        exit(1);
      });
  };
  target.on("uncaughtException", onFault("uncaught exception"));
  target.on("unhandledRejection", onFault("unhandled rejection"));
}
