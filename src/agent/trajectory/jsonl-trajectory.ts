import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { redactSecrets } from "../../policy/redact-secrets.ts";
import type { Trajectory, TrajectoryEventType } from "./trajectory.ts";

/** Longest string kept in an event; tool outputs are summarised before they get here, this is a backstop. */
const MAX_STRING = 8_000;

/**
 * Appends events to a JSONL file, one line each, written synchronously so the file is complete
 * up to the last event even when the process dies. Secrets are redacted in every string.
 */
export class JsonlTrajectory implements Trajectory {
  readonly path: string;
  readonly #now: () => Date;
  readonly #onLine: ((line: string) => void) | undefined;
  #fd: number | undefined;

  /** `onLine` gets each line as written (redacted, shortened), for a copy kept elsewhere (the database). */
  constructor(path: string, now: () => Date = () => new Date(), onLine?: (line: string) => void) {
    this.path = path;
    this.#now = now;
    this.#onLine = onLine;
    // Trajectories hold repository code: owner-only, whatever the umask.
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    this.#fd = openSync(path, "a", 0o600);
  }

  record(type: TrajectoryEventType, data: Record<string, unknown>): void {
    if (this.#fd === undefined) return;
    const line = JSON.stringify({ at: this.#now().toISOString(), type, data }, (_key, value: unknown) =>
      typeof value === "string" ? shorten(redactSecrets(value)) : value,
    );
    writeSync(this.#fd, `${line}\n`);
    try {
      this.#onLine?.(line);
    } catch {
      // The copy is a courtesy: the file has the line, and the run goes on.
    }
  }

  close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }
}

function shorten(text: string): string {
  if (text.length <= MAX_STRING) return text;
  const half = MAX_STRING / 2;
  return `${text.slice(0, half)}\n[… ${text.length - MAX_STRING} characters cut …]\n${text.slice(-half)}`;
}

/** Where a run's trajectory is kept under the data directory. */
export const trajectoryPathFor = (dataDir: string, taskId: number | string, runNumber: number): string =>
  `${dataDir}/trajectories/task-${taskId}/run-${runNumber}.jsonl`;
