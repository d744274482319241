import { z } from "zod";
import type { GitHubClient } from "../../github/client.ts";
import type { Log } from "../../logger.ts";
import type { ReviewNote } from "../follow-ups/follow-up-data.ts";
import type { PullTarget } from "./pull-target.ts";

// REST does not say whether a thread is resolved; GraphQL does.
const QUERY = `query ($owner: String!, $repo: String!, $number: Int!) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      reviewThreads(first: 100) {
        nodes { isResolved comments(first: 50) { nodes { databaseId path line diffHunk body author { login } url } } }
      }
    }
  }
}`;

const ThreadComment = z.object({
  databaseId: z.number().int().positive().nullable(),
  path: z.string(),
  line: z.number().int().nullable(),
  diffHunk: z.string(),
  body: z.string(),
  author: z.object({ login: z.string() }).nullable(),
  url: z.string(),
});
const Thread = z.object({ isResolved: z.boolean(), comments: z.object({ nodes: z.array(ThreadComment) }) });
const ThreadsResponse = z.object({
  data: z.object({ repository: z.object({ pullRequest: z.object({ reviewThreads: z.object({ nodes: z.array(Thread) }) }) }) }),
});

export type FetchedThread = { resolved: boolean; comments: ReviewNote[] };

/** GitHub Enterprise Server serves REST under /api/v3 and GraphQL at /api/graphql. */
const GHES_REST = /\/api\/v3\/?$/;

/**
 * The pull request's review threads with their comments; undefined when GitHub did not answer.
 * Threads are context only: without them the review still goes ahead rather than being lost.
 */
export async function fetchReviewThreads(client: GitHubClient, target: PullTarget, log: Log): Promise<FetchedThread[] | undefined> {
  try {
    const baseUrl: string | undefined = client.request.endpoint?.DEFAULTS.baseUrl;
    const response = await client.request("POST /graphql", {
      ...(baseUrl && GHES_REST.test(baseUrl) ? { baseUrl: baseUrl.replace(GHES_REST, "/api") } : {}),
      query: QUERY,
      variables: { owner: target.owner, repo: target.repo, number: target.pull },
    });
    const threads = ThreadsResponse.parse(response.data).data.repository.pullRequest.reviewThreads.nodes;
    return threads.map((thread) => ({ resolved: thread.isResolved, comments: thread.comments.nodes.flatMap(noteOf) }));
  } catch (error) {
    log.warn({ err: error, owner: target.owner, repo: target.repo, pull: target.pull }, "Could not read the review threads; going on without them");
    return undefined;
  }
}

function noteOf(comment: z.infer<typeof ThreadComment>): ReviewNote[] {
  if (comment.databaseId === null) return [];
  const { databaseId: id, path, line, diffHunk, body, url } = comment;
  return [{ id, path, line, diffHunk, body, author: comment.author?.login ?? "ghost", url }];
}
