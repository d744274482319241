/** Thrown values are not always Errors; this gives a message for any of them. */
export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
