import type {
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionFunctionTool,
  ChatCompletionMessageParam,
} from "openai/resources/chat/completions/completions";
import { z } from "zod";
import { NO_USAGE, type Message, type ModelRequest, type ToolSpec } from "./model.ts";
import { usageOf, type WireApi, type WireReply } from "./wire-api.ts";

/** Chat Completions, the API most OpenAI-compatible servers (vLLM, Ollama, OpenRouter) speak. */
export const chatApi: WireApi = {
  name: "chat",
  path: "/chat/completions",
  body: chatBody,
  read: readChatCompletion,
};

export function chatBody(model: string, request: ModelRequest): ChatCompletionCreateParamsNonStreaming {
  return {
    model,
    messages: request.messages.map(chatMessage),
    // Servers reject an empty tools array; a compaction request simply has none.
    ...(request.tools.length > 0 ? { tools: request.tools.map(functionTool) } : {}),
  };
}

function chatMessage(message: Message): ChatCompletionMessageParam {
  switch (message.role) {
    case "system":
    case "user":
      return { role: message.role, content: message.content };
    case "assistant":
      if (message.toolCalls.length === 0) return { role: "assistant", content: message.content };
      return {
        role: "assistant",
        content: message.content || null,
        tool_calls: message.toolCalls.map((call) => ({
          id: call.id,
          type: "function",
          function: { name: call.name, arguments: call.arguments },
        })),
      };
    case "tool":
      return { role: "tool", tool_call_id: message.callId, content: message.content };
  }
}

function functionTool(tool: ToolSpec): ChatCompletionFunctionTool {
  return { type: "function", function: { name: tool.name, description: tool.description, parameters: tool.parameters } };
}

const ChatToolCall = z.object({
  id: z.string(),
  type: z.literal("function").optional(),
  function: z.object({ name: z.string(), arguments: z.string() }),
});

const ChatCompletionBody = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({
          content: z.string().nullish(),
          refusal: z.string().nullish(),
          tool_calls: z.array(ChatToolCall).nullish(),
        }),
      }),
    ),
  usage: z
    .object({
      prompt_tokens: z.number(),
      prompt_tokens_details: z.object({ cached_tokens: z.number().nullish() }).nullish(),
      completion_tokens: z.number(),
      completion_tokens_details: z.object({ reasoning_tokens: z.number().nullish() }).nullish(),
    })
    .nullish(),
});

function readChatCompletion(payload: unknown): WireReply {
  const parsed = ChatCompletionBody.safeParse(payload);
  if (!parsed.success) return { ok: false, problem: z.prettifyError(parsed.error) };
  const { choices, usage } = parsed.data;
  const message = choices[0]?.message;
  if (!message) return { ok: false, problem: "✖ the answer has no choices" };
  return {
    ok: true,
    text: message.content ?? message.refusal ?? "",
    toolCalls: (message.tool_calls ?? []).map((call) => ({ id: call.id, name: call.function.name, arguments: call.function.arguments })),
    usage: usage
      ? usageOf({
          input: usage.prompt_tokens,
          cached: usage.prompt_tokens_details?.cached_tokens,
          output: usage.completion_tokens,
          reasoning: usage.completion_tokens_details?.reasoning_tokens,
        })
      : { ...NO_USAGE },
  };
}
