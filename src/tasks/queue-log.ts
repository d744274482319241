import type { Log } from "../logger.ts";

/** The part of a pino logger the queue uses (see Log). */
export type QueueLog = Log;

export const silentLog: QueueLog = {
  info: () => {},
  warn: () => {},
  error: () => {},
};
