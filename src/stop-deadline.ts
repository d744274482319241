import type { Log } from "./logger.ts";

/** `docker stop` sends SIGKILL 10 s after SIGTERM; Ferry exits on its own before that. */
export const STOP_DEADLINE_MS = 8000;

/**
 * A stop that hangs anyway (a stuck child process, an engine that does not answer) ends the
 * process with exit code 1 after `ms`: what was cut off resumes at the next start either way.
 */
export function exitIfStopHangs(log: Log, ms = STOP_DEADLINE_MS, exit: (code: number) => void = (code) => process.exit(code)): NodeJS.Timeout {
  const timer = setTimeout(() => {
    log.error({ waitedMs: ms }, "Ferry did not stop in time; exiting anyway (work cut off resumes at the next start)");
    exit(1);
  }, ms);
  return timer.unref();
}
