import type { ChatCompletion, ChatCompletionMessageFunctionToolCall } from "openai/resources/chat/completions/completions";
import type { Response } from "openai/resources/responses/responses";

/** A normal answer. `arguments` go out verbatim, garbage included. */
export type OpenAiAnswer = {
  text?: string;
  toolCalls?: Array<{ id?: string; name: string; arguments: string }>;
  usage?: { inputTokens?: number; cachedInputTokens?: number; outputTokens?: number; reasoningTokens?: number };
};

type TokenCounts = Required<NonNullable<OpenAiAnswer["usage"]>>;

function tokensOf(answer: OpenAiAnswer): TokenCounts {
  return { inputTokens: 10, cachedInputTokens: 0, outputTokens: 5, reasoningTokens: 0, ...answer.usage };
}

/** `output_text` is the SDK's convenience, not part of what the server sends. */
export function responseBody(answer: OpenAiAnswer, model: string, serial: number): Omit<Response, "output_text"> {
  const tokens = tokensOf(answer);
  const output: Response["output"] = [];
  if (tokens.reasoningTokens > 0) output.push({ type: "reasoning", id: `rs_${serial}`, summary: [] });
  if (answer.text !== undefined) {
    output.push({
      type: "message",
      id: `msg_${serial}`,
      role: "assistant",
      status: "completed",
      content: [{ type: "output_text", text: answer.text, annotations: [] }],
    });
  }
  (answer.toolCalls ?? []).forEach((call, index) => {
    const callId = call.id ?? `call_${serial}_${index + 1}`;
    output.push({
      type: "function_call",
      id: `fc_${serial}_${index + 1}`,
      call_id: callId,
      name: call.name,
      arguments: call.arguments,
      status: "completed",
    });
  });
  return {
    id: `resp_${serial}`,
    object: "response",
    created_at: 1_700_000_000 + serial,
    status: "completed",
    access_programs: null,
    error: null,
    incomplete_details: null,
    instructions: null,
    metadata: {},
    model,
    output,
    parallel_tool_calls: true,
    temperature: 1,
    tool_choice: "auto",
    tools: [],
    top_p: 1,
    usage: {
      input_tokens: tokens.inputTokens,
      input_tokens_details: { cached_tokens: tokens.cachedInputTokens, cache_write_tokens: 0 },
      output_tokens: tokens.outputTokens,
      output_tokens_details: { reasoning_tokens: tokens.reasoningTokens },
      total_tokens: tokens.inputTokens + tokens.outputTokens,
    },
  };
}

export function chatCompletionBody(answer: OpenAiAnswer, model: string, serial: number): ChatCompletion {
  const tokens = tokensOf(answer);
  const toolCalls = (answer.toolCalls ?? []).map((call, index): ChatCompletionMessageFunctionToolCall => ({
    id: call.id ?? `call_${serial}_${index + 1}`,
    type: "function",
    function: { name: call.name, arguments: call.arguments },
  }));
  return {
    id: `chatcmpl_${serial}`,
    object: "chat.completion",
    created: 1_700_000_000 + serial,
    model,
    choices: [
      {
        index: 0,
        finish_reason: toolCalls.length > 0 ? "tool_calls" : "stop",
        logprobs: null,
        message: { role: "assistant", content: answer.text ?? null, refusal: null, ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}) },
      },
    ],
    usage: {
      prompt_tokens: tokens.inputTokens,
      prompt_tokens_details: { cached_tokens: tokens.cachedInputTokens },
      completion_tokens: tokens.outputTokens,
      completion_tokens_details: { reasoning_tokens: tokens.reasoningTokens },
      total_tokens: tokens.inputTokens + tokens.outputTokens,
    },
  };
}
