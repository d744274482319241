/*
 * Errors may come from another realm (Node's fs under a test runner's vm), where
 * `instanceof Error` is false; these read them by shape.
 */

/** The errno code of a system error (`ENOENT`, `EEXIST` …), if it has one. */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  return typeof error.code === "string" ? error.code : undefined;
}

export function errorMessage(error: unknown): string {
  if (typeof error === "object" && error !== null && "message" in error && typeof error.message === "string") return error.message;
  return String(error);
}
