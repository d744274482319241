import { randomBytes } from "node:crypto";
import { repoOf, type RouteContext } from "./context.ts";
import { int, notFound, ok, route, type Call, type Route } from "./router.ts";
import { APP_SLUG, type Installation } from "./state.ts";
import { repoShape } from "./shapes.ts";

/** The App itself, its installations and installation tokens, and repositories. */
export const APP_ID = 123;
const TOKEN_LIFETIME_MS = 60 * 60 * 1000;

export function appRoutes(ctx: RouteContext): Route[] {
  const { state } = ctx;
  const installationShape = (installation: Installation) => ({
    id: installation.id,
    app_id: APP_ID,
    app_slug: APP_SLUG,
    target_type: "Organization",
    account: { login: installation.account, id: installation.id, type: "Organization" },
    repository_selection: "selected",
    permissions: { contents: "write", issues: "write", pull_requests: "write", checks: "write", metadata: "read" },
    events: ["issues", "issue_comment", "pull_request", "pull_request_review", "pull_request_review_comment"],
  });
  const pageOf = <T>(call: Call, items: T[]): T[] => {
    const perPage = Math.min(int(call.query.get("per_page") ?? "30") || 30, 100);
    const number = Math.max(int(call.query.get("page") ?? "1") || 1, 1);
    return items.slice((number - 1) * perPage, number * perPage);
  };
  return [
    route("GET", "/app", () => ok({ id: APP_ID, slug: APP_SLUG, name: "Ferry", owner: { login: "ferry-dev" }, html_url: `${ctx.web()}/apps/${APP_SLUG}` })),
    route("GET", "/app/installations", (call) => ok(pageOf(call, state.installations).map(installationShape))),
    route("POST", "/app/installations/{installation_id}/access_tokens", (call) => {
      const installation = state.installations.find((candidate) => candidate.id === int(call.params.installation_id));
      if (!installation) return notFound();
      const token = `ghs_${randomBytes(18).toString("hex")}`;
      const expiresAt = Date.now() + TOKEN_LIFETIME_MS;
      state.tokens.set(token, { installationId: installation.id, expiresAt });
      return ok({ token, expires_at: new Date(expiresAt).toISOString(), permissions: installationShape(installation).permissions, repository_selection: "selected" }, 201);
    }),
    route("GET", "/repos/{owner}/{repo}/installation", (call) => {
      const repo = repoOf(ctx, call);
      const installation = state.installations.find((candidate) => candidate.id === repo?.installationId);
      return installation ? ok(installationShape(installation)) : notFound();
    }),
    route("GET", "/installation/repositories", (call) => {
      const visible = [...state.repositories.values()].filter((repo) => repo.installationId === call.installationId);
      return ok({ total_count: visible.length, repository_selection: "selected", repositories: pageOf(call, visible).map((repo) => repoShape(repo, ctx.web())) });
    }),
    route("GET", "/repos/{owner}/{repo}", (call) => {
      const repo = repoOf(ctx, call);
      return repo ? ok(repoShape(repo, ctx.web())) : notFound();
    }),
    route("GET", "/repos/{owner}/{repo}/collaborators/{username}/permission", (call) => {
      const repo = repoOf(ctx, call);
      if (!repo) return notFound();
      const login = call.params.username ?? "";
      const role = state.permissionOf(`${repo.owner}/${repo.name}`.toLowerCase(), login);
      const permission = role === "maintain" ? "write" : role === "triage" ? "read" : role;
      return ok({ permission, role_name: role, user: { login, id: 1, type: "User" } });
    }),
  ];
}

/** Routes that authenticate as the App (a JWT), not as an installation. */
export const isAppRoute = (path: string): boolean => path === "/app" || path.startsWith("/app/") || /^\/repos\/[^/]+\/[^/]+\/installation$/.test(path);
