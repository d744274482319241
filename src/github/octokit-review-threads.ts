import { z } from "zod";
import type { GitHubClient } from "./client.ts";
import type { PullRef, ReviewComment, ReviewThread } from "./platform.ts";

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

/** GitHub Enterprise Server serves REST under /api/v3 and GraphQL at /api/graphql. */
const GHES_REST = /\/api\/v3\/?$/;

/** The pull request's review threads (the first 100, 50 comments each), through GraphQL. */
export async function reviewThreadsOf(client: GitHubClient, pull: PullRef): Promise<ReviewThread[]> {
  const baseUrl: string | undefined = client.request.endpoint?.DEFAULTS.baseUrl;
  const response = await client.request("POST /graphql", {
    ...(baseUrl && GHES_REST.test(baseUrl) ? { baseUrl: baseUrl.replace(GHES_REST, "/api") } : {}),
    query: QUERY,
    variables: { owner: pull.owner, repo: pull.repo, number: pull.pull },
  });
  const threads = ThreadsResponse.parse(response.data).data.repository.pullRequest.reviewThreads.nodes;
  return threads.map((thread) => ({ resolved: thread.isResolved, comments: thread.comments.nodes.flatMap(commentOf) }));
}

/** A comment GitHub no longer has a REST id for cannot be replied to, so it is left out. */
function commentOf(comment: z.infer<typeof ThreadComment>): ReviewComment[] {
  if (comment.databaseId === null) return [];
  const { databaseId: id, path, line, diffHunk, body, url } = comment;
  return [{ id, path, line, diffHunk, body, author: comment.author?.login ?? "ghost", url }];
}
