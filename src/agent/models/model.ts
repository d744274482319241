/*
 * The model seam. The loop speaks only these types; the OpenAI adapters (Responses and
 * Chat Completions) and the ScriptedModel translate them. Kept provider-neutral and
 * plain data so a request can be serialised byte-for-byte (prompt caching depends on it).
 */

/** A function the model may call. `parameters` is a JSON Schema object. */
export type ToolSpec = {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
};

/** A call the model asked for. `arguments` is the raw JSON text as the model wrote it: it may be garbage. */
export type ToolCall = {
  id: string;
  name: string;
  arguments: string;
};

export type Message =
  | { role: "system"; content: string }
  | { role: "user"; content: string }
  | { role: "assistant"; content: string; toolCalls: ToolCall[] }
  | { role: "tool"; callId: string; name: string; content: string };

export type Usage = {
  /** All input tokens, cached ones included. */
  inputTokens: number;
  cachedInputTokens: number;
  /** All output tokens, reasoning ones included. */
  outputTokens: number;
  reasoningTokens: number;
};

export const NO_USAGE: Usage = Object.freeze({ inputTokens: 0, cachedInputTokens: 0, outputTokens: 0, reasoningTokens: 0 });

/** Why a request is made: a step of the agent, or the compaction of older turns (which uses no tools). */
export type RequestPurpose = "step" | "compaction";

export type ModelRequest = {
  purpose: RequestPurpose;
  messages: Message[];
  tools: ToolSpec[];
};

/** A transient failure that was retried; the loop writes each one to the trajectory. */
export type RetryNotice = {
  attempt: number;
  delayMs: number;
  /** e.g. "429 Too Many Requests", "500 Internal Server Error", "connection reset". */
  reason: string;
};

export type CompleteOptions = {
  signal?: AbortSignal;
  onRetry?: (notice: RetryNotice) => void;
};

export type ModelResponse = {
  /** The model's text; empty when it only called tools. */
  text: string;
  toolCalls: ToolCall[];
  usage: Usage;
  /** US dollars for this response; null when the model's price is unknown. */
  costUsd: number | null;
};

export interface Model {
  /** The model name as sent to the provider. */
  readonly name: string;
  /** Context window in tokens; compaction is measured against it. */
  readonly contextWindow: number;
  /**
   * One completion. Transient failures are retried inside; what is left throws ModelError.
   * Aborting `signal` rejects with the signal's reason.
   */
  complete(request: ModelRequest, options?: CompleteOptions): Promise<ModelResponse>;
}
