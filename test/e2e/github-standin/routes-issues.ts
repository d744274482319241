import { repoOf, type RouteContext } from "./context.ts";
import { int, notFound, ok, page, route, text, unprocessable, type Call, type Route } from "./router.ts";
import { issueShape } from "./shapes.ts";
import { BOT, repoKey, type Issue } from "./state.ts";

/** Issues (pull requests included, as GitHub lists them) and their labels. */
export function issueRoutes(ctx: RouteContext): Route[] {
  const { state } = ctx;
  const found = (call: Call): Issue | undefined => {
    const repo = repoOf(ctx, call);
    return repo ? state.issue(repoKey(repo), int(call.params.issue_number)) : undefined;
  };
  const shaped = (issue: Issue) => issueShape(issue, ctx.web(), state.comments.filter((comment) => comment.repo === issue.repo && comment.issueNumber === issue.number).length);
  const labelNames = (value: unknown): string[] | undefined =>
    Array.isArray(value) ? value.map((label: unknown) => (typeof label === "object" && label !== null && "name" in label ? String(label.name) : String(label))) : undefined;
  return [
    route("GET", "/repos/{owner}/{repo}/issues/{issue_number}", (call) => {
      const issue = found(call);
      return issue ? ok(shaped(issue)) : notFound();
    }),
    route("GET", "/repos/{owner}/{repo}/issues/{issue_number}/events", (call) => {
      const issue = found(call);
      if (!issue) return notFound();
      const events = (issue.labelEvents ?? []).map((event, at) => ({ id: at + 1, event: "labeled", actor: event.actor, label: { name: event.label, color: "ededed" }, created_at: event.at }));
      return page(call, events);
    }),
    route("GET", "/repos/{owner}/{repo}/issues", (call) => {
      const repo = repoOf(ctx, call);
      if (!repo) return notFound();
      const wanted = call.query.get("state") ?? "open";
      const labels = (call.query.get("labels") ?? "").split(",").map((label) => label.trim().toLowerCase()).filter(Boolean);
      const listed = state.issues
        .filter((issue) => issue.repo === repoKey(repo) && (wanted === "all" || issue.state === wanted))
        .filter((issue) => labels.every((label) => issue.labels.some((name) => name.toLowerCase() === label)))
        .sort((a, b) => (call.query.get("direction") === "asc" ? a.number - b.number : b.number - a.number));
      return page(call, listed.map((issue) => shaped(issue)));
    }),
    route("POST", "/repos/{owner}/{repo}/issues", (call) => {
      const repo = repoOf(ctx, call);
      if (!repo) return notFound();
      const title = text(call.body.title);
      if (!title) return unprocessable("title is missing");
      const issue: Issue = {
        repo: repoKey(repo), number: state.nextNumber(repoKey(repo)), title, body: text(call.body.body) ?? "", state: "open",
        labels: labelNames(call.body.labels) ?? [], user: BOT, locked: false, createdAt: new Date().toISOString(), isPull: false,
      };
      state.issues.push(issue);
      return ok(shaped(issue), 201);
    }),
    route("PATCH", "/repos/{owner}/{repo}/issues/{issue_number}", (call) => {
      const issue = found(call);
      if (!issue) return notFound();
      const { title, body, state: wanted } = call.body;
      if (typeof title === "string") issue.title = title;
      if (typeof body === "string") issue.body = body;
      if (wanted === "open" || wanted === "closed") issue.state = wanted;
      issue.labels = labelNames(call.body.labels) ?? issue.labels;
      return ok(shaped(issue));
    }),
    route("POST", "/repos/{owner}/{repo}/issues/{issue_number}/labels", (call) => {
      const issue = found(call);
      if (!issue) return notFound();
      for (const name of labelNames(call.body.labels) ?? []) if (!issue.labels.includes(name)) issue.labels.push(name);
      return ok(shaped(issue).labels);
    }),
    route("POST", "/repos/{owner}/{repo}/labels", (call) => {
      const repo = repoOf(ctx, call);
      const name = text(call.body.name);
      if (!repo || !name) return repo ? unprocessable("name is missing") : notFound();
      if ([...repo.labels].some((label) => label.toLowerCase() === name.toLowerCase())) return unprocessable("Validation Failed: already_exists");
      repo.labels.add(name);
      return ok({ id: repo.labels.size, name, color: text(call.body.color) ?? "ededed" }, 201);
    }),
  ];
}
