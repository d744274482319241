import { createServer, type Server } from "node:http";
import type { Log } from "../logger.ts";
import { metricsRoute, type MetricsText } from "./metrics-route.ts";

export type MetricsServerOptions = {
  port: number;
  /** Default: every interface, as Prometheus scrapes from another machine. */
  host?: string;
  text: MetricsText;
  /** FERRY_METRICS_TOKEN: required as a bearer token when set. */
  token?: string;
  log?: Log;
};

export type MetricsServer = { port: number; stop(): Promise<void> };

/**
 * GET /metrics for a role without the webhook server (`ferry worker`), and GET /ping, so the
 * image's health check (which pings PORT) holds for a worker that serves metrics on PORT.
 * Every other request is a 404.
 */
export async function startMetricsServer(options: MetricsServerOptions): Promise<MetricsServer> {
  const route = metricsRoute(options.text, options.token);
  const server = createServer((req, res) => {
    if (req.method === "GET" && req.url?.split("?")[0] === "/ping") return void res.writeHead(200, { "content-type": "text/plain" }).end("PONG");
    void route(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port: options.port, host: options.host ?? "0.0.0.0" }, resolve);
  });
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : options.port;
  options.log?.info({ port }, "serving metrics at /metrics");
  return { port, stop: () => close(server) };
}

function close(server: Server): Promise<void> {
  server.closeIdleConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
