import { createHmac, timingSafeEqual } from "node:crypto";
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

/** How long a refused sender may go on sending (read and dropped) before its connection is cut. */
export const LINGER_MS = 2000;

/**
 * 413, then a lingering close: what the sender still sends is read and dropped (never kept)
 * until it stops or LINGER_MS pass, and only then is the connection cut. Closing a socket with
 * unread bytes makes the kernel answer with a reset, which can reach the sender before it has
 * read the 413.
 */
export function refuseTooLarge(request: IncomingMessage, response: ServerResponse, limit: number): true {
  const body = `${JSON.stringify({ error: `the body is larger than ${limit} bytes` })}\n`;
  const socket = request.socket;
  request.on("data", () => {});
  request.resume();
  // Otherwise Node closes the socket itself as soon as the answer is out (a sender that said
  // `connection: close` asks for just that), with the unread bytes still there.
  response.shouldKeepAlive = true;
  response.writeHead(413, { "content-type": "application/json; charset=utf-8" }).end(body);
  response.once("finish", () => {
    const cut = () => socket.destroy();
    if (request.complete) return cut();
    const timer = setTimeout(cut, LINGER_MS);
    timer.unref();
    request.once("end", () => {
      clearTimeout(timer);
      cut();
    });
    request.once("close", () => clearTimeout(timer));
  });
  return true;
}

/**
 * Reads a webhook's body, within GitHub's cap, before Probot's middleware sees the request (the
 * middleware buffers whatever comes), and refuses a wrong signature here: Probot would log the
 * refusal as an error with a stack, and the access line already says it. A verified body is
 * handed on as `rawBody`, which the middleware takes instead of reading the stream (and checks
 * again). True when the request was answered (or its sender left).
 */
export function guardWebhookBodies(paths: readonly string[], secret: string, limit = MAX_WEBHOOK_BYTES) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    if (request.method !== "POST" || !paths.includes(middlewarePath(request.url ?? "/"))) return false;
    const read = await readBodyWithin(request, limit);
    if (read.kind === "too-large") return refuseTooLarge(request, response, limit);
    if (read.kind === "aborted") return true;
    const signature = request.headers["x-hub-signature-256"];
    // Without one, Probot's answer names the missing header.
    if (typeof signature === "string" && !signatureHolds(secret, read.body, signature)) {
      response.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ error: "Error: [@octokit/webhooks] signature does not match event payload and secret" }));
      return true;
    }
    Object.assign(request, { body: {}, rawBody: read.body });
    return false;
  };
}

/** GitHub's `sha256=<hex HMAC-SHA256 of the body with the webhook secret>`, compared in constant time. */
function signatureHolds(secret: string, body: Buffer, header: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(body).digest("hex")}`);
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The path as @octokit/webhooks' middleware matches it: trailing slashes of the whole URL dropped, then parsed. */
function middlewarePath(url: string): string {
  try {
    return new URL(url.replace(/(?<=.)\/+$/, "") || "/", "http://localhost").pathname;
  } catch {
    return "";
  }
}
