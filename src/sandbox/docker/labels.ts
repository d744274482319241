import { createHash } from "node:crypto";
import { hostname } from "node:os";
import { resolve } from "node:path";

/** Labels on every container Ferry starts, so a later process can tell its own orphans apart. */
export const LABEL_TASK = "ferry.task";
export const LABEL_INSTANCE = "ferry.instance";
export const LABEL_HOST = "ferry.host";
export const LABEL_PID = "ferry.pid";

/** One Ferry installation = one data directory; its containers share this id. */
export function instanceIdFor(dataDir: string): string {
  return createHash("sha256").update(resolve(dataDir)).digest("hex").slice(0, 16);
}

export function containerLabels(taskId: number, instance: string): Record<string, string> {
  return {
    [LABEL_TASK]: String(taskId),
    [LABEL_INSTANCE]: instance,
    [LABEL_HOST]: hostname(),
    [LABEL_PID]: String(process.pid),
  };
}
