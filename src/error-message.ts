/*
 * The message of anything thrown. Thrown values are not always Errors, and an Error from another
 * realm (Node's fs under a test runner's vm) fails `instanceof Error`, so it is read by shape.
 */
export function errorMessage(error: unknown): string {
  if (typeof error === "object" && error !== null && "message" in error && typeof error.message === "string") return error.message;
  return String(error);
}
