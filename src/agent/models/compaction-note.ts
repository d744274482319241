import type { Message, ModelRequest } from "./model.ts";

/**
 * The ScriptedModel's answer to a compaction request: a structured note that depends only on
 * the request, so tests can assert what compaction kept.
 */
export function compactionNote(request: ModelRequest): string {
  const count = (role: Message["role"]) => request.messages.filter((message) => message.role === role).length;
  const calls = request.messages.flatMap((message) => (message.role === "assistant" ? message.toolCalls : []));
  const tools = [...new Set(calls.map((call) => call.name))].sort();
  return [
    "## Summary of earlier turns (scripted)",
    `- Messages: ${request.messages.length} (${count("user")} user, ${count("assistant")} assistant, ${count("tool")} tool)`,
    `- Turns: ${count("assistant")}`,
    `- Tool calls: ${calls.length}${tools.length > 0 ? ` (${tools.join(", ")})` : ""}`,
  ].join("\n");
}
