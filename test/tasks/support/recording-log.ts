import type { QueueLog } from "../../../src/tasks/queue-log.ts";

export type LogLine = { level: "info" | "warn" | "error"; fields: object; message: string };

export function recordingLog(): QueueLog & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  return {
    lines,
    info: (fields, message) => lines.push({ level: "info", fields, message }),
    warn: (fields, message) => lines.push({ level: "warn", fields, message }),
    error: (fields, message) => lines.push({ level: "error", fields, message }),
  };
}
