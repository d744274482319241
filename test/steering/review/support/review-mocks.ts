import nock from "nock";
import { repoPath } from "../../../helpers/github-mocks.ts";
import { PULL, restComment, type CommentFields } from "./review-webhooks.ts";

export function mockReviewComments(scope: nock.Scope, reviewId: number, comments: CommentFields[]): nock.Scope {
  return scope
    .get(`${repoPath}/pulls/${PULL}/reviews/${reviewId}/comments`)
    .query(true)
    .reply(200, comments.map((comment) => restComment(comment)));
}

export function mockReview(scope: nock.Scope, reviewId: number, state: string): nock.Scope {
  return scope.get(`${repoPath}/pulls/${PULL}/reviews/${reviewId}`).reply(200, { id: reviewId, state, body: "", user: { login: "maintainer" } });
}

export function mockReviewCommentReaction(scope: nock.Scope, commentId: number): nock.Scope {
  return scope.post(`${repoPath}/pulls/comments/${commentId}/reactions`, { content: "eyes" }).reply(201, { id: 3, content: "eyes" });
}

export type ThreadFixture = { isResolved: boolean; comments: { id: number; body: string; path?: string }[] };

/**
 * GraphQL is one POST that GitHub's REST description does not list, so it gets a plain nock
 * scope; the query and variables are checked here instead. `bodies` collects the variables.
 */
export function mockReviewThreads(threads: ThreadFixture[] | "fails", times = 1): nock.Scope {
  const scope = nock("https://api.github.com")
    .post("/graphql", (body: { query?: unknown; variables?: Record<string, unknown> }) => {
      const { query, variables } = body;
      return typeof query === "string" && query.includes("reviewThreads") && variables?.["owner"] === "Codertocat" && variables["repo"] === "Hello-World" && variables["number"] === PULL;
    })
    .times(times);
  if (threads === "fails") return scope.reply(502, { message: "Bad Gateway" });
  const nodes = threads.map((thread) => ({
    isResolved: thread.isResolved,
    comments: {
      nodes: thread.comments.map((comment) => ({
        databaseId: comment.id,
        path: comment.path ?? "src/app.ts",
        line: 3,
        diffHunk: "@@ -1 +1 @@",
        body: comment.body,
        author: { login: "someone" },
        url: `https://github.com/Codertocat/Hello-World/pull/${PULL}#discussion_r${comment.id}`,
      })),
    },
  }));
  return scope.reply(200, { data: { repository: { pullRequest: { reviewThreads: { nodes } } } } });
}
