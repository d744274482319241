import { createServer, type ServerResponse } from "node:http";
import { chatCompletionBody, responseBody, type OpenAiAnswer } from "../../helpers/openai-replies.ts";

/**
 * A scripted OpenAI-compatible model for several tasks at once, on several processes: each
 * request is answered from where its own conversation stands (how many tool calls it already
 * holds), not from one shared queue, so concurrent tasks cannot take each other's turns. A task
 * is told apart by a marker in its issue's title (`[scale-N]`), which the agent's prompt carries.
 */
export type ConversationRequest = { marker: string | undefined; step: number; at: number; answeredAt?: number; cutOffAt?: number };

export type Hold = {
  /** Resolves with the held request once it arrives. */
  reached: Promise<ConversationRequest>;
  /** Answers the held request (if its caller is still there). */
  release(): void;
};

export type ConversationModel = {
  baseUrl: string;
  requests: ConversationRequest[];
  /** Holds the first request of `marker`'s conversation at `step` (0: its first) until released or cut off by the caller. */
  hold(marker: string, step: number): Hold;
  /** Holds every conversation's first request until `count` of them are waiting, so that many tasks run at once. */
  gateFirstSteps(count: number): void;
  close(): Promise<void>;
};

type Waiting = { marker: string; step: number; reached: PromiseWithResolvers<ConversationRequest>; release: PromiseWithResolvers<void>; taken: boolean };

const MARKER = /\[scale-\d+\]/;

export async function startConversationModel(script: (step: number, marker: string | undefined) => OpenAiAnswer): Promise<ConversationModel> {
  const requests: ConversationRequest[] = [];
  const holds: Waiting[] = [];
  let gate: { count: number; open: PromiseWithResolvers<void>; arrived: number } | undefined;
  let serial = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      void (async () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const path = new URL(req.url ?? "/", "http://localhost").pathname;
        const body = parse(raw);
        const request: ConversationRequest = { marker: MARKER.exec(raw)?.[0], step: stepOf(body), at: Date.now() };
        requests.push(request);
        // The caller going away before the answer is the cut-off the steering scenarios measure.
        res.on("close", () => {
          if (!res.writableFinished) request.cutOffAt = Date.now();
        });
        const hold = holds.find((candidate) => !candidate.taken && candidate.marker === request.marker && candidate.step === request.step);
        if (hold) {
          hold.taken = true;
          hold.reached.resolve(request);
          await Promise.race([hold.release.promise, closed(res)]);
        }
        if (gate && request.step === 0) {
          gate.arrived += 1;
          if (gate.arrived >= gate.count) gate.open.resolve();
          await Promise.race([gate.open.promise, closed(res)]);
        }
        if (res.destroyed || request.cutOffAt !== undefined) return;
        serial += 1;
        const answer = script(request.step, request.marker);
        const built = path === "/v1/chat/completions" ? chatCompletionBody(answer, "scripted", serial) : responseBody(answer, "scripted", serial);
        request.answeredAt = Date.now();
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(built));
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the model is not listening on a TCP port");
  return {
    baseUrl: `http://127.0.0.1:${address.port}/v1`,
    requests,
    hold(marker, step) {
      const waiting: Waiting = { marker, step, reached: Promise.withResolvers(), release: Promise.withResolvers(), taken: false };
      holds.push(waiting);
      return { reached: waiting.reached.promise, release: () => waiting.release.resolve() };
    },
    gateFirstSteps(count) {
      gate = { count, open: Promise.withResolvers(), arrived: 0 };
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const waiting of holds) waiting.release.resolve();
        gate?.open.resolve();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function closed(res: ServerResponse): Promise<void> {
  if (res.closed) return Promise.resolve();
  return new Promise((resolve) => res.once("close", () => resolve()));
}

/** How many tool calls the conversation already made: its next step. Responses API: `function_call` items; chat: assistant tool calls. */
function stepOf(body: unknown): number {
  if (typeof body !== "object" || body === null) return 0;
  const record = body as { input?: unknown; messages?: unknown };
  if (Array.isArray(record.input)) return record.input.filter((item: unknown) => isRecord(item) && item.type === "function_call").length;
  if (Array.isArray(record.messages)) {
    return record.messages.filter((message: unknown) => isRecord(message) && message.role === "tool").length;
  }
  return 0;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

function parse(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
