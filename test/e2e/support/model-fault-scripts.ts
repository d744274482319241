import type { OpenAiReply } from "../../helpers/openai-server.ts";
import { fixAddScript } from "./model-scripts.ts";

/** Scenario 6's scripted model: faults a real provider gives, before or among the normal turns. */

/** A 500, then a 429 that asks for a one-second pause: both transient, so the same request is sent again. */
export const transientFaults = (): OpenAiReply[] => [
  { status: 500, body: { error: { message: "The server had an error while processing your request.", type: "server_error", param: null, code: null } } },
  { status: 429, headers: { "retry-after": "1" }, body: { error: { message: "Rate limit reached for requests.", type: "requests", param: null, code: "rate_limit_exceeded" } } },
];

/** The faults, then the run that fixes `add`. */
export const faultsThenFixScript = (): OpenAiReply[] => [...transientFaults(), ...fixAddScript()];

export const GARBLED_ARGUMENTS = '{"path": "src/add.js"';
export const UNKNOWN_TOOL = "delete_repository";
export const GARBLED_CALL = "call_garbled";
export const UNKNOWN_CALL = "call_unknown";

/** A call whose arguments are not JSON, a call of a tool that does not exist, then the run that fixes `add`. */
export const garbageThenFixScript = (): OpenAiReply[] => [
  { toolCalls: [{ id: GARBLED_CALL, name: "read_file", arguments: GARBLED_ARGUMENTS }] },
  { toolCalls: [{ id: UNKNOWN_CALL, name: UNKNOWN_TOOL, arguments: "{}" }] },
  ...fixAddScript(),
];

/** Tool results a request gives back to the model, read from either API's shape. */
export function toolResultsIn(body: unknown): { callId: string; output: string }[] {
  const record = (value: unknown): Record<string, unknown> => (typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {});
  const request = record(body);
  const items = [...(Array.isArray(request.input) ? request.input : []), ...(Array.isArray(request.messages) ? request.messages : [])].map(record);
  return items.flatMap((item) => {
    if (item.type === "function_call_output") return [{ callId: String(item.call_id), output: String(item.output) }];
    if (item.role === "tool") return [{ callId: String(item.tool_call_id), output: typeof item.content === "string" ? item.content : JSON.stringify(item.content) }];
    return [];
  });
}
