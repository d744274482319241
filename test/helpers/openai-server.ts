import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import { chatCompletionBody, responseBody, type OpenAiAnswer } from "./openai-replies.ts";

export type { OpenAiAnswer } from "./openai-replies.ts";

/**
 * A fault instead of an answer: an HTTP error (OpenAI's `{"error": {…}}` body unless `body`
 * is given; a string body goes out as plain text), a dropped connection, a request never
 * answered, or a 200 whose body is `raw`.
 */
export type OpenAiFault =
  | { status: number; headers?: Record<string, string>; body?: unknown }
  | { drop: true }
  | { hang: true }
  | { raw: string; contentType?: string };

/** A reply held back until `held` settles (the test releases it); the request stays open meanwhile. */
export type OpenAiHeld = { held: Promise<unknown>; reply: OpenAiReply };

export type OpenAiReply = OpenAiAnswer | OpenAiFault | OpenAiHeld;

export type OpenAiRequest = {
  path: string;
  headers: IncomingHttpHeaders;
  /** The body as sent, byte for byte. */
  raw: string;
  /** The body parsed as JSON (undefined when it is not JSON). */
  body: unknown;
};

export type OpenAiServer = {
  /** Like https://api.openai.com/v1: what OPENAI_BASE_URL would be. */
  baseUrl: string;
  requests: OpenAiRequest[];
  /** Queues replies; each request takes the next one, whichever endpoint it calls. */
  reply(...replies: OpenAiReply[]): void;
  /** Replies queued and not yet taken. */
  readonly pending: number;
  /** Resolves once `count` requests have arrived (to act while one hangs, say). */
  waitForRequests(count: number): Promise<void>;
  close(): Promise<void>;
};

const ENDPOINTS = new Map<string, (answer: OpenAiAnswer, model: string, serial: number) => object>([
  ["/v1/responses", responseBody],
  ["/v1/chat/completions", chatCompletionBody],
]);

/** An OpenAI-compatible server on loopback that answers `POST /v1/responses` and `/v1/chat/completions` from a queue. */
export async function startOpenAiServer(): Promise<OpenAiServer> {
  const requests: OpenAiRequest[] = [];
  const queue: OpenAiReply[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  let serial = 0;
  const server = createServer((req, res) => {
    void readBody(req).then(async (raw) => {
      const path = new URL(req.url ?? "/", "http://localhost").pathname;
      const body = parseJson(raw);
      requests.push({ path, headers: req.headers, raw, body });
      for (const waiter of waiters.filter((waiter) => requests.length >= waiter.count)) waiter.resolve();
      const build = ENDPOINTS.get(path);
      if (req.method !== "POST" || !build) return sendJson(res, 404, openAiErrorBody(`No route for ${req.method} ${path}`));
      const reply = await released(queue.shift());
      if (!reply) return sendJson(res, 400, openAiErrorBody(`The OpenAI stand-in has no reply queued for ${path}`));
      serial++;
      if ("drop" in reply) return void req.socket.destroy();
      if ("hang" in reply) return;
      if ("raw" in reply) return send(res, 200, reply.contentType ?? "application/json", reply.raw);
      if ("status" in reply) return sendError(res, reply);
      sendJson(res, 200, build(reply, modelOf(body), serial));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("The OpenAI stand-in is not listening on a TCP port");
  return {
    baseUrl: `http://127.0.0.1:${address.port}/v1`,
    requests,
    reply: (...replies) => void queue.push(...replies),
    get pending() {
      return queue.length;
    },
    waitForRequests: (count) =>
      requests.length >= count ? Promise.resolve() : new Promise<void>((resolve) => void waiters.push({ count, resolve })),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The reply once every hold around it was released. */
async function released(reply: OpenAiReply | undefined): Promise<Exclude<OpenAiReply, OpenAiHeld> | undefined> {
  let current = reply;
  while (current && "held" in current) {
    await current.held;
    current = current.reply;
  }
  return current;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function modelOf(body: unknown): string {
  return typeof body === "object" && body !== null && "model" in body && typeof body.model === "string" ? body.model : "unknown";
}

/** OpenAI's error format, which the SDK reads the message and code from. */
export function openAiErrorBody(message: string, code: string | null = null) {
  return { error: { message, type: "invalid_request_error", param: null, code } };
}

function sendError(res: ServerResponse, fault: { status: number; headers?: Record<string, string>; body?: unknown }): void {
  if (typeof fault.body === "string") return send(res, fault.status, "text/plain", fault.body, fault.headers);
  sendJson(res, fault.status, fault.body ?? openAiErrorBody(`stand-in fault ${fault.status}`), fault.headers);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  send(res, status, "application/json", JSON.stringify(body), headers);
}

function send(res: ServerResponse, status: number, contentType: string, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": contentType, ...headers });
  res.end(text);
}
