import type { EndpointDefaults, OctokitResponse } from "@octokit/types";
import { z } from "zod";
import type { FerryMetrics } from "./ferry-metrics.ts";

type GitHubMetrics = Pick<FerryMetrics, "githubRequests" | "githubRateLimitRemaining">;
type Response = OctokitResponse<unknown>;
type Request = (options: Required<EndpointDefaults>) => Response | Promise<Response>;

/** What a GitHub answer or RequestError carries that the metrics read. */
const Answer = z.object({
  status: z.number().int(),
  headers: z.record(z.string(), z.unknown()).optional(),
});
const Failure = z.object({ status: z.number().int(), response: Answer.optional() });

/**
 * An Octokit `request` hook counting each call by method and status (0 when GitHub did not
 * answer) and keeping the rate limit GitHub last reported, per resource (core, search, graphql).
 */
export function measureGitHubRequests(metrics: GitHubMetrics) {
  return async (request: Request, options: Required<EndpointDefaults>): Promise<Response> => {
    const method = String(options.method);
    try {
      const response = await request(options);
      note(metrics, method, response);
      return response;
    } catch (error) {
      const failure = Failure.safeParse(error);
      // Octokit names a failed connection status 500 without a response: that is no answer at all.
      note(metrics, method, failure.success && failure.data.response ? failure.data.response : { status: 0 });
      throw error;
    }
  };
}

function note(metrics: GitHubMetrics, method: string, answer: z.infer<typeof Answer>): void {
  metrics.githubRequests.inc({ method, status: String(answer.status) });
  const remaining = Number(answer.headers?.["x-ratelimit-remaining"]);
  if (answer.headers?.["x-ratelimit-remaining"] === undefined || !Number.isFinite(remaining)) return;
  const resource = answer.headers["x-ratelimit-resource"];
  metrics.githubRateLimitRemaining.set({ resource: typeof resource === "string" ? resource : "core" }, remaining);
}
