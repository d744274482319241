import type { Message, ModelRequest, ToolSpec } from "../../../src/agent/models/model.ts";

/** A short agent conversation with one tool round trip, shared by the provider tests. */
export const SHELL: ToolSpec = {
  name: "shell",
  description: "Run a command in the workspace.",
  parameters: { type: "object", properties: { command: { type: "string" } }, required: ["command"] },
};

export const CONVERSATION: Message[] = [
  { role: "system", content: "You are Ferry." },
  { role: "user", content: "Fix the failing test." },
  { role: "assistant", content: "Let me look.", toolCalls: [{ id: "call_a", name: "shell", arguments: '{"command":"ls"}' }] },
  { role: "tool", callId: "call_a", name: "shell", content: "exit 0\npackage.json" },
  { role: "assistant", content: "", toolCalls: [{ id: "call_b", name: "shell", arguments: '{"command":"npm test"}' }] },
  { role: "tool", callId: "call_b", name: "shell", content: "exit 1\n1 failing" },
];

export const STEP: ModelRequest = { purpose: "step", messages: CONVERSATION, tools: [SHELL] };

export const COMPACTION: ModelRequest = { purpose: "compaction", messages: CONVERSATION, tools: [] };
