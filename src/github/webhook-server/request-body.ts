import type { IncomingMessage, ServerResponse } from "node:http";

/** GitHub caps webhook payloads at 25 MB; a larger body did not come from GitHub. */
export const MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;

export type BodyRead = { kind: "body"; body: Buffer } | { kind: "too-large" } | { kind: "aborted" };

/**
 * The request's body, unless it is (or announces itself) larger than `limit`. The Content-Length
 * is checked before a byte is read, and the bytes are counted as they arrive (a chunked body has
 * no Content-Length): nothing past the limit is kept. `aborted`: the sender went away.
 */
export function readBodyWithin(request: IncomingMessage, limit: number): Promise<BodyRead> {
  const announced = Number(request.headers["content-length"] ?? 0);
  if (announced > limit) return Promise.resolve({ kind: "too-large" });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (read: BodyRead) => {
      request.off("data", onData).off("end", onEnd).off("error", onGone).off("close", onGone);
      // Paused, not destroyed (that would cut the answer off too): Node drops the rest once it is sent.
      request.pause();
      resolve(read);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else settle({ kind: "too-large" });
    };
    const onEnd = () => settle({ kind: "body", body: Buffer.concat(chunks) });
    const onGone = () => settle({ kind: "aborted" });
    request.on("data", onData).on("end", onEnd).on("error", onGone).on("close", onGone);
  });
}

/**
 * 413 with `connection: close`: Node's server discards what is left of the body and closes the
 * socket once the answer is out, so the rest is never buffered.
 */
export function refuseTooLarge(response: ServerResponse, limit: number): true {
  const body = `${JSON.stringify({ error: `the body is larger than ${limit} bytes` })}\n`;
  response.shouldKeepAlive = false;
  response.writeHead(413, { "content-type": "application/json; charset=utf-8", connection: "close" }).end(body);
  return true;
}

/**
 * Reads a webhook's body, within GitHub's cap, before Probot's middleware sees the request (the
 * middleware buffers whatever comes). The body is handed on as `rawBody`, which the middleware
 * takes instead of reading the stream. True when the request was answered (or its sender left).
 */
export function limitWebhookBodies(paths: readonly string[], limit = MAX_WEBHOOK_BYTES) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    if (request.method !== "POST" || !paths.includes(middlewarePath(request.url ?? "/"))) return false;
    const read = await readBodyWithin(request, limit);
    if (read.kind === "too-large") return refuseTooLarge(response, limit);
    if (read.kind === "aborted") return true;
    Object.assign(request, { body: {}, rawBody: read.body });
    return false;
  };
}

/** The path as @octokit/webhooks' middleware matches it: trailing slashes of the whole URL dropped, then parsed. */
function middlewarePath(url: string): string {
  try {
    return new URL(url.replace(/(?<=.)\/+$/, "") || "/", "http://localhost").pathname;
  } catch {
    return "";
  }
}
