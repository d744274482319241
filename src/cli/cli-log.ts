import { pino, type Logger } from "pino";
import { z } from "zod";
import { redaction } from "../logger.ts";

const LEVELS: Record<number, string> = { 10: "trace", 20: "debug", 30: "info", 40: "warning", 50: "error", 60: "fatal" };
const Entry = z.looseObject({ level: z.number(), msg: z.string().default("") });

/**
 * `ferry run`'s log, on stderr beside the progress lines: `warning · <message> {fields}` for a
 * person, pino's JSON lines with `--json` (stdout then carries only events). Secrets are redacted either way.
 */
export function cliLog(level: string, json: boolean, write: (text: string) => void): Logger {
  if (json) return pino({ level, name: "ferry", redact: redaction }, { write });
  return pino({ level, redact: redaction, base: undefined, timestamp: false }, { write: (line: string) => write(logLine(line)) });
}

function logLine(line: string): string {
  let entry: z.infer<typeof Entry>;
  try {
    entry = Entry.parse(JSON.parse(line));
  } catch {
    return line;
  }
  const { level, msg, ...fields } = entry;
  const extra = Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : "";
  return `${LEVELS[level] ?? "log"} · ${msg}${extra}\n`;
}
