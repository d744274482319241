import { createServer, type IncomingMessage, type Server } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { checkGitHubRequest } from "../../../test/helpers/openapi.ts";

/**
 * The GitHub that intake talks to during the load: installation tokens, config (404 →
 * defaults), permission (write), per-issue comments with pagination, reactions. Unlike
 * test/helpers/github-stub.ts it keeps comments per issue, as GitHub does, so listing one
 * issue's comments does not grow with the whole run; and it can answer after a delay.
 */
type Comment = { id: number; issue: number; body: string };
type Reply = { status: number; body: unknown };
type Route = { name: string; method: string; pattern: RegExp; reply: (match: RegExpExecArray, body: unknown, url: URL) => Reply };

export const StandInReport = z.object({
  requests: z.number(),
  byRoute: z.record(z.string(), z.number()),
  violations: z.array(z.string()),
  /** Comments that carry a task's status marker, per task id: more than one is a duplicate. */
  statusComments: z.record(z.string(), z.number()),
  comments: z.number(),
  reactions: z.number(),
});
export type StandInReport = z.infer<typeof StandInReport>;

const REPO = "/repos/[^/]+/[^/]+";
const STATUS_MARKER = /<!-- ferry:task=(\d+) status -->/;

export class GitHubStandIn {
  #server: Server | undefined;
  #nextId = 1000;
  #requests = 0;
  #reactions = 0;
  readonly #latencyMs: number;
  readonly #byRoute = new Map<string, number>();
  readonly #violations = new Set<string>();
  readonly #comments = new Map<number, Comment[]>();
  readonly #commentIssue = new Map<number, number>();

  constructor(options: { latencyMs?: number } = {}) {
    this.#latencyMs = options.latencyMs ?? 0;
  }

  readonly #routes: Route[] = [
    {
      name: "installation token",
      method: "POST",
      pattern: /^\/app\/installations\/\d+\/access_tokens$/,
      reply: () => ({ status: 201, body: { token: "ghs_standin", expires_at: "2099-01-01T00:00:00Z" } }),
    },
    // Sweeps list the App's installations; none has opted in.
    { name: "installations", method: "GET", pattern: /^\/app\/installations$/, reply: () => ({ status: 200, body: [] }) },
    { name: "repo config", method: "GET", pattern: new RegExp(`^${REPO}/contents/.+$`), reply: () => ({ status: 404, body: { message: "Not Found" } }) },
    {
      name: "permission",
      method: "GET",
      pattern: new RegExp(`^${REPO}/collaborators/([^/]+)/permission$`),
      reply: (match) => ({ status: 200, body: { permission: "write", role_name: "write", user: { login: match[1] } } }),
    },
    {
      name: "list comments",
      method: "GET",
      pattern: new RegExp(`^${REPO}/issues/(\\d+)/comments$`),
      reply: (match, _body, url) => {
        const perPage = Number(url.searchParams.get("per_page") ?? 30);
        const page = Number(url.searchParams.get("page") ?? 1);
        const all = this.#comments.get(Number(match[1])) ?? [];
        return { status: 200, body: all.slice((page - 1) * perPage, page * perPage).map(({ id, body }) => ({ id, body })) };
      },
    },
    {
      name: "create comment",
      method: "POST",
      pattern: new RegExp(`^${REPO}/issues/(\\d+)/comments$`),
      reply: (match, body) => {
        const comment = { id: this.#nextId++, issue: Number(match[1]), body: bodyText(body) };
        this.#comments.set(comment.issue, [...(this.#comments.get(comment.issue) ?? []), comment]);
        this.#commentIssue.set(comment.id, comment.issue);
        return { status: 201, body: { id: comment.id, body: comment.body } };
      },
    },
    {
      name: "update comment",
      method: "PATCH",
      pattern: new RegExp(`^${REPO}/issues/comments/(\\d+)$`),
      reply: (match, body) => {
        const id = Number(match[1]);
        const comment = this.#comments.get(this.#commentIssue.get(id) ?? 0)?.find((candidate) => candidate.id === id);
        if (!comment) return { status: 404, body: { message: "Not Found" } };
        comment.body = bodyText(body);
        return { status: 200, body: { id, body: comment.body } };
      },
    },
    {
      name: "reaction",
      method: "POST",
      pattern: new RegExp(`^${REPO}/issues/(?:\\d+|comments/\\d+)/reactions$`),
      reply: () => {
        this.#reactions++;
        return { status: 201, body: { id: this.#nextId++, content: "eyes" } };
      },
    },
  ];

  async start(): Promise<string> {
    this.#server = createServer((request, response) => {
      void this.#handle(request).then(({ status, body }) => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.#server?.listen(0, "127.0.0.1", resolve));
    const address = this.#server.address();
    if (!address || typeof address === "string") throw new Error("the GitHub stand-in is not listening on TCP");
    return `127.0.0.1:${address.port}`;
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise((resolve) => this.#server?.close(resolve));
  }

  get requests(): number {
    return this.#requests;
  }

  report(): StandInReport {
    const statusComments: Record<string, number> = {};
    let comments = 0;
    for (const list of this.#comments.values()) {
      comments += list.length;
      for (const comment of list) {
        const task = STATUS_MARKER.exec(comment.body)?.[1];
        if (task) statusComments[task] = (statusComments[task] ?? 0) + 1;
      }
    }
    return {
      requests: this.#requests,
      byRoute: Object.fromEntries(this.#byRoute),
      violations: [...this.#violations],
      statusComments,
      comments,
      reactions: this.#reactions,
    };
  }

  async #handle(request: IncomingMessage): Promise<Reply> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(Buffer.from(chunk));
    const text = Buffer.concat(chunks).toString();
    const body: unknown = text ? JSON.parse(text) : undefined;
    const method = request.method ?? "GET";
    const url = new URL(request.url ?? "/", "http://stand-in");
    const path = url.pathname.replace(/^\/api\/v3/, "");
    this.#requests++;
    for (const problem of checkGitHubRequest(method, url.pathname, body)) this.#violations.add(problem);
    if (this.#latencyMs > 0) await sleep(this.#latencyMs);
    for (const route of this.#routes) {
      const match = route.method === method ? route.pattern.exec(path) : null;
      if (!match) continue;
      this.#byRoute.set(route.name, (this.#byRoute.get(route.name) ?? 0) + 1);
      return route.reply(match, body, url);
    }
    this.#violations.add(`${method} ${path}: the stand-in has no such route`);
    return { status: 404, body: { message: "Not Found" } };
  }
}

function bodyText(body: unknown): string {
  return typeof body === "object" && body !== null && "body" in body && typeof body.body === "string" ? body.body : "";
}
