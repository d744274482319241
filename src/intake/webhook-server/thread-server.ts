import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "pino";
import { Probot, type ApplicationFunction } from "probot";
import type { Log } from "../../logger.ts";
import type { ServerThreadData } from "./messages.ts";
import { accessLog, DeliveryActions } from "./access-log.ts";
import { guardWebhookBodies } from "./request-body.ts";
import { startWebhookProxy, type WebhookProxy } from "./webhook-proxy.ts";

/** Probot's webhook path; WEBHOOK_PROXY_URL deliveries are forwarded here. */
export const WEBHOOK_PATH = "/api/github/webhooks";
/** Probot's setup flow registers the App with `<base URL>/` as its webhook URL when there is no proxy. */
const WEBHOOK_PATHS = [WEBHOOK_PATH, "/"] as const;

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

export type ThreadServerOptions = {
  probot: ServerThreadData["probot"];
  /** Default `localhost`, as Probot's server. */
  host?: string;
  port: number;
  webhookProxy?: string;
  app: ApplicationFunction;
  /** Tried in order after the webhook paths and `GET /ping`. */
  routes: RouteHandler[];
  log: Logger;
  /** Where the access lines go; default `log`. */
  accessLog?: Log;
  /** Each webhook delivery's answer, for the answer-latency metric. */
  onWebhookAnswer?: (status: number, seconds: number) => void;
};

export type ThreadServer = { port: number; stop(): Promise<void> };

/**
 * The webhook thread's HTTP server, built from Probot's public parts instead of its `Server`,
 * whose per-request logger wrote every header of every delivery: Probot verifies and receives
 * webhooks, each request gets one access line, WEBHOOK_PROXY_URL is forwarded here. A webhook's
 * body is read here first, within GitHub's 25 MB cap (Probot's middleware would buffer any size),
 * and a forged one refused with its access line alone.
 */
export async function startThreadServer(options: ThreadServerOptions): Promise<ThreadServer> {
  const { log } = options;
  const probot = new Probot({ ...options.probot, log });
  const actions = new DeliveryActions();
  probot.onAny((event) => actions.note(event.id, event.payload));
  await probot.load(options.app);
  // Probot's error handler logs each refused delivery once; the middleware would log it again.
  const quiet = log.child({}, { level: "silent" });
  const webhooks = await Promise.all(WEBHOOK_PATHS.map((path) => probot.getNodeMiddleware({ path, log: quiet })));
  const handlers: RouteHandler[] = [guardWebhookBodies(WEBHOOK_PATHS, options.probot.secret), ...webhooks, ping, ...options.routes];
  const logAccess = accessLog(options.accessLog ?? log, actions, WEBHOOK_PATHS, options.onWebhookAnswer);
  const server = createServer((req, res) => {
    logAccess(req, res);
    void dispatch(handlers, req, res, log);
  });
  const { port, address } = await listen(server, options.port, options.host ?? "localhost");
  log.info({ address, port }, "answering webhooks");
  let proxy: WebhookProxy | undefined;
  if (options.webhookProxy) {
    proxy = await startWebhookProxy({ source: options.webhookProxy, target: webhookTarget(address, port), log }).catch(async (error: unknown) => {
      await close(server);
      throw error;
    });
  }
  return {
    port,
    async stop() {
      await proxy?.stop();
      await close(server);
    },
  };
}

async function dispatch(handlers: RouteHandler[], req: IncomingMessage, res: ServerResponse, log: Logger): Promise<void> {
  try {
    for (const handler of handlers) if (await handler(req, res)) return;
    if (!res.headersSent) res.writeHead(404).end();
  } catch (error) {
    log.error({ err: error, method: req.method, path: req.url?.split("?")[0] }, "a request to the webhook thread failed");
    if (!res.headersSent) res.writeHead(500).end();
  }
}

/** For health checks, as Probot's server answers it. */
function ping(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "GET" || req.url?.split("?")[0] !== "/ping") return false;
  res.writeHead(200, { "content-type": "text/plain" }).end("PONG");
  return true;
}

function listen(server: Server, port: number, host: string): Promise<{ port: number; address: string }> {
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") error.message = `Port ${port} is already in use; set PORT to a free port`;
      reject(error);
    });
    server.listen({ port, host }, () => {
      const bound = server.address();
      if (bound === null || typeof bound === "string") return reject(new Error(`the webhook server is not listening on a TCP port (${bound})`));
      resolve({ port: bound.port, address: bound.address });
    });
  });
}

/** Where the proxy forwards to: the webhook path at an address this machine reaches the server by. */
export function webhookTarget(address: string, port: number): string {
  const host = address === "0.0.0.0" ? "127.0.0.1" : address === "::" ? "::1" : address;
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}${WEBHOOK_PATH}`;
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
