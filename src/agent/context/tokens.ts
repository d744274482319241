import { countTokens as countEncoded } from "gpt-tokenizer/encoding/o200k_base";
import type { Message, ToolSpec } from "../models/model.ts";

/** Roles, separators and the like that every message adds around its text (OpenAI's own estimate is 3 to 4). */
export const MESSAGE_OVERHEAD_TOKENS = 4;
/** The wrapping of one tool call in an assistant message. */
const TOOL_CALL_OVERHEAD_TOKENS = 4;
/** BPE is quadratic in the length of one word (`"x".repeat(1e6)` takes minutes), so long text is counted in pieces. */
const CHUNK_CHARS = 2_048;
/** `<|endoftext|>` in a file is text to us, not a special token (the default would throw). */
const PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

/** Tokens of a text in the o200k_base encoding (GPT-4o, GPT-5). Exact within a token per 2 KB piece. */
export function countTokens(text: string): number {
  let total = 0;
  for (let start = 0; start < text.length; ) {
    const end = chunkEnd(text, start);
    total += countEncoded(text.slice(start, end), PLAIN_TEXT);
    start = end;
  }
  return total;
}

/** One message as the model reads it: its text, its tool calls or result, and the overhead around it. */
export function countMessageTokens(message: Message): number {
  const overhead = MESSAGE_OVERHEAD_TOKENS + countTokens(message.role);
  switch (message.role) {
    case "system":
    case "user":
      return overhead + countTokens(message.content);
    case "assistant":
      return message.toolCalls.reduce(
        (sum, call) => sum + TOOL_CALL_OVERHEAD_TOKENS + countTokens(call.id) + countTokens(call.name) + countTokens(call.arguments),
        overhead + countTokens(message.content),
      );
    case "tool":
      return overhead + countTokens(message.callId) + countTokens(message.name) + countTokens(message.content);
  }
}

export function countMessagesTokens(messages: readonly Message[]): number {
  return messages.reduce((sum, message) => sum + countMessageTokens(message), 0);
}

/** Tool specs as sent: close to their JSON, which is what providers put in the prompt. */
export function countToolSpecTokens(tools: readonly ToolSpec[]): number {
  return tools.length === 0 ? 0 : countTokens(JSON.stringify(tools));
}

/** The end of the piece that starts at `start`: before whitespace near the limit (words keep their leading space), never inside a surrogate pair. */
function chunkEnd(text: string, start: number): number {
  const limit = start + CHUNK_CHARS;
  if (limit >= text.length) return text.length;
  const space = text.slice(limit - 256, limit).search(/\s\S*$/);
  if (space !== -1) return limit - 256 + space;
  const code = text.charCodeAt(limit);
  return code >= 0xdc00 && code <= 0xdfff ? limit - 1 : limit;
}
