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
  'req.headers["x-ferry-signature"]',
];

/** The part of a pino logger Ferry's core uses: a static message, the variables in the object. */
export type Log = {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
};

export const redaction = { paths: REDACT_PATHS, censor: "[redacted]" };

export function createLogger(level: string): Logger {
  return pino({ level, name: "ferry", redact: redaction });
}
