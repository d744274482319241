import { repoOf, type RouteContext } from "./context.ts";
import { resolveRef } from "./git-store.ts";
import { int, notFound, ok, route, text, unprocessable, type Route } from "./router.ts";
import { checkRunShape } from "./shapes.ts";
import { repoKey, type CheckRun } from "./state.ts";

/** Check runs, kept with every write they had (`history`). */
export function checkRoutes(ctx: RouteContext): Route[] {
  const { state } = ctx;
  const outputOf = (value: unknown): CheckRun["output"] =>
    typeof value === "object" && value !== null ? { title: text((value as Record<string, unknown>).title), summary: text((value as Record<string, unknown>).summary) } : {};
  return [
    route("GET", "/repos/{owner}/{repo}/commits/{ref}/check-runs", async (call) => {
      const repo = repoOf(ctx, call);
      if (!repo) return notFound();
      const sha = await resolveRef(repo.gitDir, call.params.ref ?? "");
      if (!sha) return unprocessable(`No commit found for SHA: ${call.params.ref}`);
      const name = call.query.get("check_name");
      const runs = state.checkRuns.filter((run) => run.repo === repoKey(repo) && run.headSha === sha && (!name || run.name === name));
      // `filter=latest` (the default) keeps the newest run of each name.
      const latest = call.query.get("filter") === "all" ? runs : runs.filter((run) => !runs.some((other) => other.name === run.name && other.id > run.id));
      return ok({ total_count: latest.length, check_runs: latest.map((run) => checkRunShape(run, ctx.web())) });
    }),
    route("POST", "/repos/{owner}/{repo}/check-runs", async (call) => {
      const repo = repoOf(ctx, call);
      if (!repo) return notFound();
      const headSha = text(call.body.head_sha) ?? "";
      if (!(await resolveRef(repo.gitDir, headSha))) return unprocessable(`No commit found for SHA: ${headSha}`);
      const run: CheckRun = {
        repo: repoKey(repo),
        id: state.nextId(),
        name: text(call.body.name) ?? "",
        headSha,
        externalId: text(call.body.external_id),
        status: text(call.body.status) ?? "queued",
        conclusion: text(call.body.conclusion) ?? null,
        output: outputOf(call.body.output),
        history: [{ created: true, ...call.body }],
      };
      state.checkRuns.push(run);
      return ok(checkRunShape(run, ctx.web()), 201);
    }),
    route("PATCH", "/repos/{owner}/{repo}/check-runs/{check_run_id}", (call) => {
      const repo = repoOf(ctx, call);
      const run = state.checkRuns.find((candidate) => repo && candidate.repo === repoKey(repo) && candidate.id === int(call.params.check_run_id));
      if (!run) return notFound();
      run.name = text(call.body.name) ?? run.name;
      run.externalId = text(call.body.external_id) ?? run.externalId;
      run.status = text(call.body.status) ?? run.status;
      run.conclusion = text(call.body.conclusion) ?? run.conclusion;
      if (call.body.output !== undefined) run.output = outputOf(call.body.output);
      run.history.push({ ...call.body });
      return ok(checkRunShape(run, ctx.web()));
    }),
  ];
}
