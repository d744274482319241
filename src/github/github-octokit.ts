import type { Octokit } from "@octokit/core";
import type { EndpointDefaults, OctokitResponse, RequestInterface } from "@octokit/types";
import { ProbotOctokit } from "probot";
import { GitHubCallAbortedError, describeGitHubError, type GitHubCall } from "./github-errors.ts";
import { unlessAborted } from "./unless-aborted.ts";
import type { FerryMetrics } from "../metrics/ferry-metrics.ts";
import { measureGitHubRequests } from "../metrics/github-requests.ts";

type RequestOptions = Required<EndpointDefaults>;
type Response = OctokitResponse<unknown>;
/** The next hook inward, down to the request itself. */
type Request = (options: RequestOptions) => Response | Promise<Response>;

/**
 * The Octokit every GitHub call of Ferry's main thread goes through. Outermost of all hooks, so
 * it sees a call once, after Octokit's own retries: a failed connection is named as GitHub being
 * unreachable at its URL, and `stopping` cuts every call off at once, even one waiting for a
 * retry or in the throttling queue, so a stop never waits on GitHub.
 */
export function ferryOctokit(stopping: AbortSignal, metrics?: Pick<FerryMetrics, "githubRequests" | "githubRateLimitRemaining">): typeof ProbotOctokit {
  return ProbotOctokit.plugin((octokit: Octokit) => {
    // Inside the stop's hook: a call is counted once, with the answer GitHub gave or status 0.
    if (metrics) octokit.hook.wrap("request", measureGitHubRequests(metrics));
    octokit.hook.wrap("request", (request, options) => callGitHub(request, options, stopping));
  }).defaults((options: Record<string, unknown>) => withTokenRequests(options, stopping));
}

/**
 * An installation token asked for directly (`client.auth()`, for git) is fetched with the
 * request Probot puts in the auth options: bare, without the client's baseUrl or hooks, so
 * uncached it went to api.github.com even on GitHub Enterprise Server. It gets the base URL,
 * and the stop, here.
 */
function withTokenRequests(options: Record<string, unknown>, stopping: AbortSignal): Record<string, unknown> {
  const { auth, baseUrl } = options;
  if (typeof auth !== "object" || auth === null || !("request" in auth) || !isRequest(auth.request)) return options;
  const request = auth.request.defaults({ ...(typeof baseUrl === "string" && { baseUrl }), request: { signal: stopping } });
  return { ...options, auth: { ...auth, request } };
}

function isRequest(value: unknown): value is RequestInterface {
  return typeof value === "function" && "defaults" in value && typeof value.defaults === "function";
}

export async function callGitHub(request: Request, options: RequestOptions, stopping: AbortSignal): Promise<Response> {
  const call: GitHubCall = { baseUrl: String(options.baseUrl), method: options.method, route: options.url };
  // A signal of its own per call: listeners go on it, not on `stopping`, which every call shares.
  const signal = AbortSignal.any(options.request?.signal ? [stopping, options.request.signal] : [stopping]);
  const reason = () => (stopping.aborted ? new GitHubCallAbortedError(call) : signal.reason);
  if (signal.aborted) throw reason();
  const answer = (async () => request({ ...options, request: { ...options.request, signal } }))();
  try {
    return await unlessAborted(answer, signal, reason);
  } catch (error) {
    throw describeGitHubError(error, call);
  }
}
