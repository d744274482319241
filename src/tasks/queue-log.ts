/** The part of a pino logger the queue uses: static message, variables in the object. */
export type QueueLog = {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
};

export const silentLog: QueueLog = {
  info: () => {},
  warn: () => {},
  error: () => {},
};
