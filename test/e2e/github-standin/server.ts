import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { KeyObject } from "node:crypto";
import { checkGitHubRequest } from "../../helpers/openapi.ts";
import type { GitHttpServer } from "../../helpers/git-http-server.ts";
import { callerOf, gitTokenValid } from "./auth.ts";
import type { RouteContext } from "./context.ts";
import { reviewThreads } from "./routes-reviews.ts";
import { isAppRoute } from "./routes-app.ts";
import { findRoute, type Reply, type Route } from "./router.ts";
import { repoKey } from "./state.ts";

/**
 * The stand-in's HTTP front: REST under /api/v3, GraphQL at /api/graphql, git smart HTTP at
 * /<owner>/<repo>.git (checked here, then served by `git http-backend`). Every REST request is
 * checked against GitHub's OpenAPI description; anything GitHub would refuse or the
 * stand-in does not know is recorded as a violation.
 */
export type RecordedRequest = {
  method: string;
  path: string;
  query: string;
  body: unknown;
  status: number;
  /** The route that answered, as `GET /repos/{owner}/{repo}/…` (GraphQL: `POST /graphql`); none when nothing matched. */
  route?: string;
};
export type GitRequest = { method: string; path: string; service: string | undefined; authorised: boolean };

export type FrontDeps = {
  ctx: RouteContext;
  routes: Route[];
  app: { id: number; key: KeyObject };
  git: GitHttpServer;
  /** The only credentials the internal git server takes; never seen by clients. */
  gitToken: string;
  requests: RecordedRequest[];
  gitRequests: GitRequest[];
  violations: string[];
  /** Before acting on a request: `drop` closes its connection unanswered and unacted on (see GitHubStandIn.hold). */
  hold?: (method: string, path: string, body: unknown) => Promise<"answer" | "drop">;
  /** How long every REST and GraphQL answer waits before the stand-in acts (as a distant GitHub would); default 0. */
  latencyMs?: number;
};

type Answer = Reply & { route?: string };

export function createFront(deps: FrontDeps): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://standin");
    if (/^\/[^/]+\/[^/]+\.git(\/|$)/.test(url.pathname)) return proxyGit(deps, req, res, url);
    void readJson(req).then(async (body) => {
      if ((await deps.hold?.(req.method ?? "GET", url.pathname, body)) === "drop") return void req.socket.destroy();
      if (deps.latencyMs) await sleep(deps.latencyMs);
      const reply = await answer(deps, req, url, body).catch((error: unknown): Answer => ({ status: 500, body: { message: String(error) } }));
      deps.requests.push({ method: req.method ?? "GET", path: url.pathname, query: url.search, body, status: reply.status, route: reply.route });
      if (reply.status >= 500) deps.violations.push(`${req.method} ${url.pathname}: the stand-in failed: ${JSON.stringify(reply.body)}`);
      res.writeHead(reply.status, { "content-type": "application/json; charset=utf-8", ...reply.headers });
      res.end(reply.body === undefined ? "" : JSON.stringify(reply.body));
    });
  });
}

async function answer(deps: FrontDeps, req: IncomingMessage, url: URL, body: unknown): Promise<Answer> {
  const method = req.method ?? "GET";
  const where = `${method} ${url.pathname}`;
  if (body instanceof Error) return refuse(deps, 400, `${where}: the body is not JSON`);
  if (url.pathname === "/api/graphql") return { ...graphql(deps, req, body), route: "POST /graphql" };
  if (!url.pathname.startsWith("/api/v3/")) return refuse(deps, 404, `${where}: not under /api/v3`);
  const path = url.pathname.slice("/api/v3".length);
  deps.violations.push(...checkGitHubRequest(method, url.pathname, body));
  const caller = callerOf(req.headers, isAppRoute(path), deps.ctx.state, deps.app);
  if (caller.kind === "refused") return refuse(deps, 401, `${where}: refused, ${caller.problem}`, "Bad credentials");
  const found = findRoute(deps.routes, method, path);
  if (!found) return refuse(deps, 404, `${where}: the stand-in has no such route`);
  const record = typeof body === "object" && body !== null && !Array.isArray(body) ? { ...body } : {};
  const installationId = caller.kind === "installation" ? caller.installationId : undefined;
  const reply = await found.route.handle({ method, path, params: found.params, query: url.searchParams, body: record, installationId });
  return { ...reply, route: `${method} ${found.route.template}` };
}

function graphql(deps: FrontDeps, req: IncomingMessage, body: unknown): Reply {
  const caller = callerOf(req.headers, false, deps.ctx.state, deps.app);
  if (caller.kind === "refused") return refuse(deps, 401, `POST /api/graphql: refused, ${caller.problem}`, "Bad credentials");
  const { query, variables } = (typeof body === "object" && body !== null ? body : {}) as { query?: unknown; variables?: Record<string, unknown> };
  if (req.method !== "POST" || typeof query !== "string" || !query.includes("reviewThreads")) {
    return refuse(deps, 400, `${req.method} /api/graphql: only the reviewThreads query is supported`);
  }
  const repo = deps.ctx.state.repo(String(variables?.owner), String(variables?.repo));
  const number = Number(variables?.number);
  if (!repo || !deps.ctx.state.pull(repoKey(repo), number)) {
    return { status: 200, body: { data: { repository: null }, errors: [{ type: "NOT_FOUND", message: "Could not resolve to a PullRequest" }] } };
  }
  const nodes = reviewThreads(deps.ctx, repoKey(repo), number);
  return { status: 200, body: { data: { repository: { pullRequest: { reviewThreads: { nodes } } } } } };
}

function refuse(deps: FrontDeps, status: number, problem: string, message = "Not Found"): Reply {
  deps.violations.push(problem);
  return { status, body: { message } };
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("error", reject);
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      if (text === "") return resolve(undefined);
      try {
        resolve(JSON.parse(text));
      } catch (error) {
        resolve(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

function proxyGit(deps: FrontDeps, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const authorised = gitTokenValid(req.headers, deps.ctx.state);
  const service = url.searchParams.get("service") ?? /\/(git-(?:upload|receive)-pack)$/.exec(url.pathname)?.[1];
  deps.gitRequests.push({ method: req.method ?? "GET", path: url.pathname, service, authorised });
  if (!authorised) {
    res.writeHead(401, { "WWW-Authenticate": 'Basic realm="GitHub"', "Content-Type": "text/plain" });
    res.end("Authentication required\n");
    return;
  }
  const target = new URL(deps.git.url(`${url.pathname}${url.search}`));
  const headers = { ...req.headers, host: target.host, authorization: `Basic ${Buffer.from(`x-access-token:${deps.gitToken}`).toString("base64")}` };
  const upstream = httpRequest(target, { method: req.method, headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on("error", (error) => {
    if (!res.headersSent) res.writeHead(502, { "Content-Type": "text/plain" });
    res.end(String(error));
  });
  req.pipe(upstream);
}
