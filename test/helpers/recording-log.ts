import type { Log } from "../../src/logger.ts";

export type LogLine = { level: "info" | "warn" | "error"; fields: object; message: string };

/** A Log that keeps what it is told, for assertions. */
export function recordingLog(): Log & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  return {
    lines,
    info: (fields, message) => lines.push({ level: "info", fields, message }),
    warn: (fields, message) => lines.push({ level: "warn", fields, message }),
    error: (fields, message) => lines.push({ level: "error", fields, message }),
  };
}
