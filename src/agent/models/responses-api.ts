import type { FunctionTool, ResponseCreateParamsNonStreaming, ResponseInputItem } from "openai/resources/responses/responses";
import { z } from "zod";
import { NO_USAGE, type Message, type ModelRequest, type ToolSpec } from "./model.ts";
import { usageOf, type WireApi, type WireReply } from "./wire-api.ts";

/** The Responses API, used statelessly: the whole conversation goes with every request and nothing is stored. */
export const responsesApi: WireApi = {
  name: "responses",
  path: "/responses",
  body: responsesBody,
  read: readResponse,
};

export function responsesBody(model: string, request: ModelRequest): ResponseCreateParamsNonStreaming {
  return {
    model,
    input: request.messages.flatMap(inputItems),
    ...(request.tools.length > 0 ? { tools: request.tools.map(functionTool) } : {}),
    store: false,
  };
}

function inputItems(message: Message): ResponseInputItem[] {
  switch (message.role) {
    case "system":
    case "user":
      return [{ type: "message", role: message.role, content: message.content }];
    case "assistant": {
      const text: ResponseInputItem[] = message.content ? [{ type: "message", role: "assistant", content: message.content }] : [];
      const calls = message.toolCalls.map(
        (call): ResponseInputItem => ({ type: "function_call", call_id: call.id, name: call.name, arguments: call.arguments }),
      );
      return [...text, ...calls];
    }
    case "tool":
      return [{ type: "function_call_output", call_id: message.callId, output: message.content }];
  }
}

function functionTool(tool: ToolSpec): FunctionTool {
  return { type: "function", name: tool.name, description: tool.description, parameters: tool.parameters, strict: false };
}

const OutputText = z.object({ type: z.literal("output_text"), text: z.string() });
const Refusal = z.object({ type: z.literal("refusal"), refusal: z.string() });
const MessageItem = z.object({ type: z.literal("message"), content: z.array(z.union([OutputText, Refusal])) });
const FunctionCallItem = z.object({ type: z.literal("function_call"), call_id: z.string(), name: z.string(), arguments: z.string() });
// Reasoning and other items carry nothing Ferry uses.
const OtherItem = z.object({ type: z.string().refine((type) => type !== "message" && type !== "function_call") });

const ResponseBody = z.object({
  output: z.array(z.union([MessageItem, FunctionCallItem, OtherItem])),
  usage: z
    .object({
      input_tokens: z.number(),
      input_tokens_details: z.object({ cached_tokens: z.number().nullish() }).nullish(),
      output_tokens: z.number(),
      output_tokens_details: z.object({ reasoning_tokens: z.number().nullish() }).nullish(),
    })
    .nullish(),
});

function readResponse(payload: unknown): WireReply {
  const parsed = ResponseBody.safeParse(payload);
  if (!parsed.success) return { ok: false, problem: z.prettifyError(parsed.error) };
  const { output, usage } = parsed.data;
  const text = output
    .flatMap((item) => ("content" in item ? item.content : []))
    .map((part) => (part.type === "output_text" ? part.text : part.refusal))
    .join("");
  const toolCalls = output.flatMap((item) =>
    "call_id" in item ? [{ id: item.call_id, name: item.name, arguments: item.arguments }] : [],
  );
  return {
    ok: true,
    text,
    toolCalls,
    usage: usage
      ? usageOf({
          input: usage.input_tokens,
          cached: usage.input_tokens_details?.cached_tokens,
          output: usage.output_tokens,
          reasoning: usage.output_tokens_details?.reasoning_tokens,
        })
      : { ...NO_USAGE },
  };
}
