import { createServer, type IncomingMessage, type Server } from "node:http";
import { checkGitHubRequest } from "./openapi.ts";

/**
 * A small GitHub Enterprise stand-in on loopback (reached through GHE_HOST), for tests
 * that run Ferry as a real process where nock cannot reach. It keeps issue comments and
 * reactions, answers the few routes intake uses, and checks every request against
 * GitHub's OpenAPI description.
 */
export type StubComment = { id: number; body: string };
export type StubRequest = { method: string; path: string; body: unknown };

type Reply = { status: number; body: unknown };
type Route = { method: string; pattern: RegExp; reply: (match: RegExpExecArray, body: unknown) => Reply };

export class GitHubStub {
  readonly requests: StubRequest[] = [];
  readonly violations: string[] = [];
  readonly comments: StubComment[] = [];
  readonly reactions: string[] = [];
  permission = "write";
  #server: Server | undefined;
  #nextId = 1000;

  readonly #routes: Route[] = [
    {
      method: "POST",
      pattern: /^\/app\/installations\/\d+\/access_tokens$/,
      reply: () => ({ status: 201, body: { token: "ghs_stub", expires_at: "2099-01-01T00:00:00Z" } }),
    },
    {
      method: "GET",
      pattern: /^\/repos\/[^/]+\/[^/]+\/contents\/.+$/,
      reply: () => ({ status: 404, body: { message: "Not Found" } }),
    },
    {
      method: "GET",
      pattern: /^\/repos\/[^/]+\/[^/]+\/collaborators\/([^/]+)\/permission$/,
      reply: (match) => ({ status: 200, body: { permission: this.permission, role_name: this.permission, user: { login: match[1] } } }),
    },
    {
      method: "GET",
      pattern: /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)$/,
      reply: (match) => ({ status: 200, body: { number: Number(match[1]), title: "add() subtracts", body: "add(2, 3) should be 5.", html_url: "http://stub/issues/1" } }),
    },
    {
      method: "GET",
      pattern: /^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments$/,
      reply: () => ({ status: 200, body: this.comments }),
    },
    {
      method: "POST",
      pattern: /^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments$/,
      reply: (_match, body) => {
        const comment = { id: this.#nextId++, body: bodyText(body) };
        this.comments.push(comment);
        return { status: 201, body: comment };
      },
    },
    {
      method: "PATCH",
      pattern: /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/,
      reply: (match, body) => {
        const comment = this.comments.find((candidate) => candidate.id === Number(match[1]));
        if (!comment) return { status: 404, body: { message: "Not Found" } };
        comment.body = bodyText(body);
        return { status: 200, body: comment };
      },
    },
    {
      method: "POST",
      pattern: /^\/repos\/[^/]+\/[^/]+\/issues\/(?:\d+|comments\/\d+)\/reactions$/,
      reply: (match) => {
        this.reactions.push(match[0]);
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
    await new Promise((resolve) => this.#server?.close(resolve));
  }

  async #handle(request: IncomingMessage): Promise<Reply> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(Buffer.from(chunk));
    const text = Buffer.concat(chunks).toString();
    const body: unknown = text ? JSON.parse(text) : undefined;
    const method = request.method ?? "GET";
    const url = new URL(request.url ?? "/", "http://stub");
    const path = url.pathname.replace(/^\/api\/v3/, "");
    this.requests.push({ method, path, body });
    this.violations.push(...checkGitHubRequest(method, url.pathname, body));
    for (const route of this.#routes) {
      const match = route.method === method ? route.pattern.exec(path) : null;
      if (match) return route.reply(match, body);
    }
    this.violations.push(`${method} ${path}: the stand-in has no such route`);
    return { status: 404, body: { message: "Not Found" } };
  }
}

function bodyText(body: unknown): string {
  return typeof body === "object" && body !== null && "body" in body && typeof body.body === "string" ? body.body : "";
}
