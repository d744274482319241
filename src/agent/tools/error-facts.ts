/*
 * Errors may come from another realm (Node's fs under a test runner's vm), where
 * `instanceof Error` is false; this reads them by shape.
 */

export function errorMessage(error: unknown): string {
  if (typeof error === "object" && error !== null && "message" in error && typeof error.message === "string") return error.message;
  return String(error);
}
