import { repoOf, type RouteContext } from "./context.ts";
import { resolveRef } from "./git-store.ts";
import { int, notFound, ok, page, route, text, unprocessable, type Call, type Route } from "./router.ts";
import { pullShape } from "./shapes.ts";
import { BOT, repoKey, type Issue, type Pull, type Repository } from "./state.ts";

/** Pull requests over the real branches: `head.sha` is what the branch points at now. */
export function pullRoutes(ctx: RouteContext): Route[] {
  const { state } = ctx;
  const shape = async (repo: Repository, pull: Pull) => {
    const issue = state.issue(repoKey(repo), pull.number);
    if (!issue) throw new Error(`pull #${pull.number} has no issue record`);
    const heads = { head: (await resolveRef(repo.gitDir, pull.head)) ?? "0".repeat(40), base: (await resolveRef(repo.gitDir, pull.base)) ?? "0".repeat(40) };
    return pullShape(pull, issue, repo, heads, ctx.web());
  };
  const found = (call: Call): { repo: Repository; pull: Pull } | undefined => {
    const repo = repoOf(ctx, call);
    const pull = repo && state.pull(repoKey(repo), int(call.params.pull_number));
    return repo && pull ? { repo, pull } : undefined;
  };
  return [
    route("GET", "/repos/{owner}/{repo}/pulls", async (call) => {
      const repo = repoOf(ctx, call);
      if (!repo) return notFound();
      const wanted = call.query.get("state") ?? "open";
      const head = call.query.get("head");
      const base = call.query.get("base");
      const listed = state.pulls
        .filter((pull) => pull.repo === repoKey(repo))
        .filter((pull) => wanted === "all" || state.issue(pull.repo, pull.number)?.state === wanted)
        .filter((pull) => !head || head === `${repo.owner}:${pull.head}` || head === pull.head)
        .filter((pull) => !base || pull.base === base)
        .sort((a, b) => b.number - a.number);
      return page(call, await Promise.all(listed.map((pull) => shape(repo, pull))));
    }),
    route("POST", "/repos/{owner}/{repo}/pulls", async (call) => {
      const repo = repoOf(ctx, call);
      if (!repo) return notFound();
      const [head, base, title] = [text(call.body.head), text(call.body.base), text(call.body.title)];
      if (!head || !base || !title) return unprocessable("head, base and title are required");
      const branch = head.replace(new RegExp(`^${repo.owner}:`, "i"), "");
      if (!(await resolveRef(repo.gitDir, branch))) return unprocessable(`Validation Failed: head ${head} does not exist`);
      if (!(await resolveRef(repo.gitDir, base))) return unprocessable(`Validation Failed: base ${base} does not exist`);
      const open = state.pulls.find((pull) => pull.repo === repoKey(repo) && pull.head === branch && state.issue(pull.repo, pull.number)?.state === "open");
      if (open) return unprocessable(`A pull request already exists for ${repo.owner}:${branch}.`);
      const number = state.nextNumber(repoKey(repo));
      const issue: Issue = {
        repo: repoKey(repo), number, title, body: text(call.body.body) ?? "", state: "open", labels: [], user: BOT, locked: false, createdAt: new Date().toISOString(), isPull: true,
      };
      const pull: Pull = { repo: repoKey(repo), number, head: branch, base, draft: call.body.draft === true, merged: false, requestedReviewers: [], user: BOT };
      state.issues.push(issue);
      state.pulls.push(pull);
      return ok(await shape(repo, pull), 201);
    }),
    route("GET", "/repos/{owner}/{repo}/pulls/{pull_number}", async (call) => {
      const hit = found(call);
      return hit ? ok(await shape(hit.repo, hit.pull)) : notFound();
    }),
    route("PATCH", "/repos/{owner}/{repo}/pulls/{pull_number}", async (call) => {
      const hit = found(call);
      const issue = hit && state.issue(hit.pull.repo, hit.pull.number);
      if (!hit || !issue) return notFound();
      const { title, body, base, state: wanted } = call.body;
      if (typeof base === "string" && !(await resolveRef(hit.repo.gitDir, base))) return unprocessable(`Validation Failed: base ${base} does not exist`);
      if (typeof title === "string") issue.title = title;
      if (typeof body === "string") issue.body = body;
      if (typeof base === "string") hit.pull.base = base;
      if (wanted === "open" || wanted === "closed") issue.state = wanted;
      return ok(await shape(hit.repo, hit.pull));
    }),
    route("POST", "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", async (call) => {
      const hit = found(call);
      if (!hit) return notFound();
      const reviewers = Array.isArray(call.body.reviewers) ? call.body.reviewers.map(String) : [];
      const outsider = reviewers.find((login) => state.permissionOf(hit.pull.repo, login) === "none");
      if (outsider) return unprocessable(`Reviews may only be requested from collaborators. ${outsider} is not a collaborator.`);
      for (const login of reviewers) if (!hit.pull.requestedReviewers.includes(login)) hit.pull.requestedReviewers.push(login);
      return ok(await shape(hit.repo, hit.pull), 201);
    }),
  ];
}
