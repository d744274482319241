/** Octokit's RequestError carries the HTTP status; GitHub answers 404 for what is absent or hidden. */
export const isNotFound = (error: unknown): boolean =>
  typeof error === "object" && error !== null && "status" in error && error.status === 404;
