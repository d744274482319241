import { pino, type Logger } from "pino";

export type LogEntry = { level: number; msg: string } & Record<string, unknown>;

/** A real pino logger whose lines are kept for assertions. */
export function recordingLog(): { log: Logger; entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const log = pino({ level: "trace" }, { write: (line: string) => void entries.push(JSON.parse(line) as LogEntry) });
  return { log, entries };
}
