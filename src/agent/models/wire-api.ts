import type { ModelRequest, ToolCall, Usage } from "./model.ts";

/** What Ferry reads from a provider's answer. */
export type WireReply = { ok: true; text: string; toolCalls: ToolCall[]; usage: Usage } | { ok: false; problem: string };

/** One OpenAI-compatible API: how a request is written and how its answer is read. */
export type WireApi = {
  name: "responses" | "chat";
  /** Under the base URL, e.g. "/responses". */
  path: string;
  /** Deterministic: the same request gives a byte-identical body, so provider prompt caching works. */
  body(model: string, request: ModelRequest): object;
  read(payload: unknown): WireReply;
};

/** Token counts as providers report them; absent details count 0. */
export function usageOf(counts: { input: number; cached?: number | null; output: number; reasoning?: number | null }): Usage {
  return { inputTokens: counts.input, cachedInputTokens: counts.cached ?? 0, outputTokens: counts.output, reasoningTokens: counts.reasoning ?? 0 };
}
