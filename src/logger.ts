import { pino, type Logger } from "pino";

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
];

export const redaction = { paths: REDACT_PATHS, censor: "[redacted]" };

export function createLogger(level: string): Logger {
  return pino({ level, name: "ferry", redact: redaction });
}
