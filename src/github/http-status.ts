/** The HTTP status of an Octokit RequestError, undefined for any other error. */
export function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null || !("status" in error)) return undefined;
  return typeof error.status === "number" ? error.status : undefined;
}

/** GitHub answers 404 for what is absent or hidden. */
export const isNotFound = (error: unknown): boolean => httpStatusOf(error) === 404;
