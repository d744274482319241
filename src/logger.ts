import { isatty } from "node:tty";
import { pino, type Logger } from "pino";
import { prettyFactory } from "pino-pretty";
import { redactKnownSecrets } from "./policy/redact-secrets.ts";

/** Anything shaped like a credential is removed from log lines, wherever it appears in the object. */
const REDACT_PATHS = [
  "privateKey",
  "webhookSecret",
  "secret",
  "token",
  "apiKey",
  "authorization",
  "*.privateKey",
  "*.webhookSecret",
  "*.secret",
  "*.token",
  "*.apiKey",
  "*.authorization",
  "req.headers.authorization",
  'req.headers["x-hub-signature-256"]',
  'req.headers["x-ferry-signature"]',
];

/** The part of a pino logger Ferry's core uses: a static message, the variables in the object. */
export type Log = {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
};

export const redaction = { paths: REDACT_PATHS, censor: "[redacted]" };

export const LOG_FORMATS = ["json", "pretty"] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Where log lines go: stdout, or a test's sink. */
export type LogSink = { write(line: string): unknown };

/** Probot's convention: human-readable on a terminal, one JSON object per line for log collectors. */
export function logFormatFor(setting: LogFormat | undefined, terminal = isatty(1)): LogFormat {
  return setting ?? (terminal ? "pretty" : "json");
}

/**
 * LOG_FORMAT unset: pretty when stdout is a terminal (checked on fd 1, so worker threads agree).
 * Every line, whatever its fields, has Ferry's own secrets (by value) and URL credentials masked.
 */
export function createLogger(level: string, format?: LogFormat, sink: LogSink = pino.destination({ dest: 1, sync: true })): Logger {
  const chosen = logFormatFor(format);
  return pino({ level, name: "ferry", redact: redaction }, chosen === "pretty" ? prettyLines(sink) : uniqueKeys(sink));
}

/**
 * Pino appends a child's fields to its parent's, so `name` (Probot names each child) or `task`
 * set twice would appear twice in one line; most JSON readers keep one of them at random.
 * Parsing keeps the innermost value, where the key was first written.
 */
function uniqueKeys(sink: LogSink): LogSink {
  return { write: (line) => sink.write(`${redactKnownSecrets(JSON.stringify(parsed(line)))}\n`) };
}

function prettyLines(sink: LogSink): LogSink {
  const pretty = prettyFactory({ ignore: "pid,hostname", translateTime: "SYS:HH:MM:ss.l", colorize: isatty(1) });
  return { write: (line) => sink.write(redactKnownSecrets(pretty(parsed(line)))) };
}

function parsed(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return { msg: line.trim() };
  }
}
