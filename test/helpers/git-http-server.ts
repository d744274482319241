import { spawn } from "node:child_process";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Git smart HTTP on loopback, served by `git http-backend` (CGI) from bare repositories under
 * `root`, behind the Basic auth GitHub uses for installation tokens (`x-access-token:<token>`).
 * Every request is recorded so tests can assert what a client sent. Authenticated requests
 * may push (http-backend enables receive-pack when REMOTE_USER is set).
 */
export type GitHttpRequest = {
  method: string;
  /** The path after the host, e.g. `/octo/hello.git/info/refs`. */
  path: string;
  query: string;
  /** `git-upload-pack` (fetch, ls-remote) or `git-receive-pack` (push), when the request names one. */
  service: string | undefined;
  auth: "missing" | "invalid" | "valid";
};

export type GitHttpServerOptions = {
  /** Directory holding the bare repositories, e.g. `<root>/octo/hello.git`. */
  root: string;
  /** Tokens accepted as the Basic password; the set may be changed while the server runs. */
  tokens: Iterable<string>;
  /** Runs before an authorised request is served (to move a branch mid-push, say). */
  beforeServe?: (request: GitHttpRequest) => void | Promise<void>;
};

export type GitHttpServer = {
  /** `http://127.0.0.1:<port>/<repoPath>` with no credentials in it. */
  url(repoPath: string): string;
  readonly requests: GitHttpRequest[];
  readonly tokens: Set<string>;
  close(): Promise<void>;
};

export async function startGitHttpServer(options: GitHttpServerOptions): Promise<GitHttpServer> {
  const requests: GitHttpRequest[] = [];
  const tokens = new Set(options.tokens);
  const server = createServer((req, res) => {
    const request = describe(req, tokens);
    requests.push(request);
    if (request.auth !== "valid") {
      res.writeHead(401, { "WWW-Authenticate": 'Basic realm="git"', "Content-Type": "text/plain" });
      res.end("Authentication required\n");
      return;
    }
    Promise.resolve(options.beforeServe?.(request))
      .then(() => serveWithBackend(options.root, request, req, res))
      .catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
        res.end(`${String(error)}\n`);
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (repoPath) => `http://127.0.0.1:${port}/${repoPath.replace(/^\/+/, "")}`,
    requests,
    tokens,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function describe(req: IncomingMessage, tokens: Set<string>): GitHttpRequest {
  const url = new URL(req.url ?? "/", "http://localhost");
  const service = url.searchParams.get("service") ?? /\/(git-(?:upload|receive)-pack)$/.exec(url.pathname)?.[1];
  return { method: req.method ?? "GET", path: url.pathname, query: url.search.slice(1), service, auth: authOf(req, tokens) };
}

function authOf(req: IncomingMessage, tokens: Set<string>): GitHttpRequest["auth"] {
  const header = req.headers.authorization;
  if (!header) return "missing";
  const match = /^Basic\s+(\S+)$/i.exec(header);
  if (!match?.[1]) return "invalid";
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const separator = decoded.indexOf(":");
  const [user, password] = [decoded.slice(0, separator), decoded.slice(separator + 1)];
  return separator > 0 && user === "x-access-token" && tokens.has(password) ? "valid" : "invalid";
}

function serveWithBackend(root: string, request: GitHttpRequest, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    GIT_PROJECT_ROOT: root,
    GIT_HTTP_EXPORT_ALL: "1",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    PATH_INFO: decodeURIComponent(request.path),
    QUERY_STRING: request.query,
    REQUEST_METHOD: request.method,
    REMOTE_USER: "x-access-token",
    REMOTE_ADDR: req.socket.remoteAddress ?? "127.0.0.1",
    SERVER_PROTOCOL: `HTTP/${req.httpVersion}`,
  };
  const headerEnv = {
    CONTENT_TYPE: req.headers["content-type"],
    CONTENT_LENGTH: req.headers["content-length"],
    // http-backend inflates gzip request bodies itself when told the encoding.
    HTTP_CONTENT_ENCODING: req.headers["content-encoding"],
    // Carries `version=2` so protocol v2 works as it does against GitHub.
    HTTP_GIT_PROTOCOL: req.headers["git-protocol"],
  };
  for (const [key, value] of Object.entries(headerEnv)) if (typeof value === "string") env[key] = value;

  const backend = spawn("git", ["http-backend"], { env, stdio: ["pipe", "pipe", "pipe"] });
  req.pipe(backend.stdin);
  backend.stdin.on("error", () => {});
  let stderr = "";
  backend.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  res.on("close", () => backend.kill());

  return new Promise((resolve, reject) => {
    let head = Buffer.alloc(0);
    let headersDone = false;
    const forward = (body: Buffer): void => {
      // Respect backpressure: a large clone must not pile up in memory.
      if (body.length > 0 && !res.write(body)) {
        backend.stdout.pause();
        res.once("drain", () => backend.stdout.resume());
      }
    };
    backend.stdout.on("data", (chunk: Buffer) => {
      if (headersDone) {
        forward(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = headerEnd(head);
      if (!end) return;
      headersDone = true;
      writeCgiHead(res, head.subarray(0, end.index).toString("latin1"));
      forward(head.subarray(end.index + end.length));
    });
    backend.on("error", reject);
    backend.on("close", (code) => {
      if (!headersDone) {
        if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
        res.end(`git http-backend exited with ${code}: ${stderr}`);
      } else res.end();
      resolve();
    });
  });
}

function headerEnd(buffer: Buffer): { index: number; length: number } | undefined {
  const crlf = buffer.indexOf("\r\n\r\n");
  const lf = buffer.indexOf("\n\n");
  if (crlf >= 0 && (lf < 0 || crlf < lf)) return { index: crlf, length: 4 };
  return lf >= 0 ? { index: lf, length: 2 } : undefined;
}

/** CGI headers are plain HTTP headers, except `Status:`, which carries the status line. */
function writeCgiHead(res: ServerResponse, head: string): void {
  let status = 200;
  const headers: Record<string, string> = {};
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const [name, value] = [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
    if (name.toLowerCase() === "status") status = Number.parseInt(value, 10) || 200;
    else headers[name] = value;
  }
  res.writeHead(status, headers);
}
