/** A GitHub request, for messages: `POST /repos/{owner}/{repo}/issues/{issue_number}/comments`. */
export type GitHubCall = { baseUrl: string; method: string; route: string };

/** GitHub could not be reached at all (refused, DNS, TLS, reset): nothing GitHub said, only that it did not answer. */
export class GitHubUnreachableError extends Error {
  override name = "GitHubUnreachableError";
  readonly call: GitHubCall;

  constructor(call: GitHubCall, reason: string, options?: ErrorOptions) {
    super(`GitHub at ${call.baseUrl} is unreachable: ${reason}`, options);
    this.call = call;
  }
}

/** Ferry is stopping: the request was cut off, and the work that needed it resumes at the next start. */
export class GitHubCallAbortedError extends Error {
  override name = "GitHubCallAbortedError";
  readonly call: GitHubCall;

  constructor(call: GitHubCall) {
    super(`Ferry is stopping: the request to GitHub at ${call.baseUrl} (${call.method} ${call.route}) was cut off`);
    this.call = call;
  }
}

/**
 * Octokit turns a failed connection into a RequestError with status 500 and the socket's words
 * (`connect ECONNREFUSED 127.0.0.1:443`, `bad port`), which reads like GitHub's own 500. That
 * one, which has no response, is named for what it is; GitHub's answers are left as they are.
 */
export function describeGitHubError(error: unknown, call: GitHubCall): unknown {
  if (!(error instanceof Error) || !("request" in error) || ("response" in error && error.response !== undefined)) return error;
  if (error.name === "AbortError" || error.name === "TimeoutError") return error;
  return new GitHubUnreachableError(call, socketWords(error) ?? error.message, { cause: error });
}

/**
 * The innermost words of the cause chain: fetch's `fetch failed` wraps the socket's error, and
 * a host with several addresses fails with an AggregateError holding one error per address.
 */
function socketWords(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const inner = "errors" in error && Array.isArray(error.errors) ? error.errors[0] : "cause" in error ? error.cause : undefined;
  const own = "message" in error && typeof error.message === "string" && error.message !== "" ? error.message : undefined;
  const code = "code" in error && typeof error.code === "string" ? error.code : undefined;
  return socketWords(inner) ?? own ?? code;
}
