import { repoOf, type RouteContext } from "./context.ts";
import { int, notFound, ok, page, route, text, unprocessable, type Call, type Route } from "./router.ts";
import { commentShape } from "./shapes.ts";
import { BOT, repoKey, type Comment } from "./state.ts";

const REACTIONS = new Set(["+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes"]);

/** Issue comments (every body a comment had is kept) and reactions. */
export function commentRoutes(ctx: RouteContext): Route[] {
  const { state } = ctx;
  const comment = (call: Call): Comment | undefined => {
    const repo = repoOf(ctx, call);
    return state.comments.find((candidate) => repo && candidate.repo === repoKey(repo) && candidate.id === int(call.params.comment_id));
  };
  /** GitHub answers 200 with the existing reaction when the same user reacts the same way again. */
  const react = (subject: string | undefined, call: Call) => {
    const content = text(call.body.content) ?? "";
    if (!subject) return notFound();
    if (!REACTIONS.has(content)) return unprocessable(`unknown reaction ${content}`);
    const id = state.reactions.findIndex((reaction) => reaction.subject === subject && reaction.content === content && reaction.user === BOT.login);
    if (id >= 0) return ok({ id: id + 1, content, user: { login: BOT.login, type: BOT.type } });
    state.reactions.push({ subject, content, user: BOT.login });
    return ok({ id: state.reactions.length, content, user: { login: BOT.login, type: BOT.type } }, 201);
  };
  return [
    route("GET", "/repos/{owner}/{repo}/issues/{issue_number}/comments", (call) => {
      const repo = repoOf(ctx, call);
      if (!repo) return notFound();
      const listed = state.comments.filter((candidate) => candidate.repo === repoKey(repo) && candidate.issueNumber === int(call.params.issue_number));
      return page(call, listed.map((candidate) => commentShape(candidate, ctx.web())));
    }),
    route("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments", (call) => {
      const repo = repoOf(ctx, call);
      const issue = repo && state.issue(repoKey(repo), int(call.params.issue_number));
      const body = text(call.body.body);
      if (!repo || !issue) return notFound();
      if (body === undefined) return unprocessable("body is missing");
      const created: Comment = { repo: repoKey(repo), id: state.nextId(), issueNumber: issue.number, body, user: BOT, history: [body], createdAt: new Date().toISOString() };
      state.comments.push(created);
      return ok(commentShape(created, ctx.web()), 201);
    }),
    route("GET", "/repos/{owner}/{repo}/issues/comments/{comment_id}", (call) => {
      const found = comment(call);
      return found ? ok(commentShape(found, ctx.web())) : notFound();
    }),
    route("PATCH", "/repos/{owner}/{repo}/issues/comments/{comment_id}", (call) => {
      const found = comment(call);
      const body = text(call.body.body);
      if (!found) return notFound();
      if (body === undefined) return unprocessable("body is missing");
      found.body = body;
      found.history.push(body);
      return ok(commentShape(found, ctx.web()));
    }),
    route("POST", "/repos/{owner}/{repo}/issues/{issue_number}/reactions", (call) => {
      const repo = repoOf(ctx, call);
      const issue = repo && state.issue(repoKey(repo), int(call.params.issue_number));
      return react(issue ? `issue:${issue.repo}#${issue.number}` : undefined, call);
    }),
    route("POST", "/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", (call) => {
      const found = comment(call);
      return react(found ? `comment:${found.id}` : undefined, call);
    }),
    route("POST", "/repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions", (call) => {
      const repo = repoOf(ctx, call);
      const found = state.reviewComments.find((candidate) => repo && candidate.repo === repoKey(repo) && candidate.id === int(call.params.comment_id));
      return react(found ? `review-comment:${found.id}` : undefined, call);
    }),
  ];
}
