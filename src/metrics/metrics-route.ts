import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { prometheusContentType } from "prom-client";
import { errorMessage } from "../error-message.ts";

export const METRICS_PATH = "/metrics";

/** The Prometheus text of everything this role measures; rejects when part of it cannot be had. */
export type MetricsText = () => Promise<string>;

/**
 * `GET /metrics` in Prometheus' text format. A part that cannot be read (the main thread did
 * not answer in time) fails the scrape with 503: Prometheus then marks the target down, which
 * is the truth, instead of graphing a partial answer.
 */
export function metricsRoute(text: MetricsText, token?: string) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (req.method !== "GET" || req.url?.split("?")[0] !== METRICS_PATH) return false;
    if (token !== undefined && !bearerMatches(req.headers.authorization, token)) {
      res.writeHead(401, { "content-type": "text/plain", "www-authenticate": 'Bearer realm="ferry-metrics"' }).end("FERRY_METRICS_TOKEN is required as a bearer token\n");
      return true;
    }
    try {
      const body = await text();
      res.writeHead(200, { "content-type": prometheusContentType }).end(body);
    } catch (error) {
      res.writeHead(503, { "content-type": "text/plain" }).end(`metrics unavailable: ${errorMessage(error)}\n`);
    }
    return true;
  };
}

/** Compared as digests, so neither the token's length nor its prefix leaks through timing. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer (.+)$/i.exec(header ?? "")?.[1] ?? "";
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(token));
}
