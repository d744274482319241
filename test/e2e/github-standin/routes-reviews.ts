import { repoOf, type RouteContext } from "./context.ts";
import { int, notFound, ok, page, route, text, unprocessable, type Call, type Route } from "./router.ts";
import { reviewCommentShape, reviewShape } from "./shapes.ts";
import { BOT, repoKey, type ReviewComment } from "./state.ts";

/** Reviews, review comments and replies; GraphQL review threads live in graphql.ts. */
export function reviewRoutes(ctx: RouteContext): Route[] {
  const { state } = ctx;
  const where = (call: Call) => {
    const repo = repoOf(ctx, call);
    return repo && state.pull(repoKey(repo), int(call.params.pull_number)) ? { repo: repoKey(repo), pull: int(call.params.pull_number) } : undefined;
  };
  const shapes = (comments: ReviewComment[]) => comments.map((comment) => reviewCommentShape(comment, ctx.web()));
  return [
    route("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}", (call) => {
      const at = where(call);
      const review = state.reviews.find((candidate) => at && candidate.repo === at.repo && candidate.pull === at.pull && candidate.id === int(call.params.review_id));
      return review ? ok(reviewShape(review, ctx.web())) : notFound();
    }),
    route("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/comments", (call) => {
      const at = where(call);
      if (!at) return notFound();
      const listed = state.reviewComments.filter((comment) => comment.repo === at.repo && comment.pull === at.pull && comment.reviewId === int(call.params.review_id));
      return page(call, shapes(listed));
    }),
    route("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/comments", (call) => {
      const at = where(call);
      if (!at) return notFound();
      return page(call, shapes(state.reviewComments.filter((comment) => comment.repo === at.repo && comment.pull === at.pull)));
    }),
    route("POST", "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies", (call) => {
      const at = where(call);
      const parent = state.reviewComments.find((comment) => at && comment.repo === at.repo && comment.pull === at.pull && comment.id === int(call.params.comment_id));
      const body = text(call.body.body);
      if (!at || !parent) return notFound();
      if (body === undefined) return unprocessable("body is missing");
      const reply: ReviewComment = { ...parent, id: state.nextId(), reviewId: undefined, inReplyTo: parent.inReplyTo ?? parent.id, body, user: BOT };
      state.reviewComments.push(reply);
      return ok(reviewCommentShape(reply, ctx.web()), 201);
    }),
  ];
}

/** The pull request's review comments grouped into threads (a comment and its replies). */
export function reviewThreads(ctx: RouteContext, repo: string, pull: number) {
  const comments = ctx.state.reviewComments.filter((comment) => comment.repo === repo && comment.pull === pull);
  const roots = comments.filter((comment) => comment.inReplyTo === undefined);
  return roots.map((root) => ({
    isResolved: root.resolved,
    comments: {
      nodes: comments
        .filter((comment) => comment.id === root.id || comment.inReplyTo === root.id)
        .map((comment) => {
          const shape = reviewCommentShape(comment, ctx.web());
          return { databaseId: comment.id, path: comment.path, line: comment.line, diffHunk: comment.diffHunk, body: comment.body, author: { login: comment.user.login }, url: shape.html_url };
        }),
    },
  }));
}
