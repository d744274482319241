import { expect, test } from "@jest/globals";
import { Conversation } from "../../../src/agent/context/conversation.ts";
import { countMessagesTokens, countToolSpecTokens } from "../../../src/agent/context/tokens.ts";
import { ModelError } from "../../../src/agent/models/model-error.ts";
import type { Message, Model, ModelRequest, ModelResponse, ToolSpec } from "../../../src/agent/models/model.ts";
import { ScriptedModel } from "../../../src/agent/models/scripted-model.ts";

const SYSTEM = "You are a careful engineer.";
const TASK = "Resolve issue #7: the parser drops trailing commas.";
const SHELL: ToolSpec = { name: "shell", description: "Run a command.", parameters: { type: "object", properties: { command: { type: "string" } } } };

/** A model that answers every request with `text`, and keeps the requests. */
function noteModel(text: string, contextWindow = 100_000): Model & { requests: ModelRequest[] } {
  const requests: ModelRequest[] = [];
  return {
    name: "note",
    contextWindow,
    requests,
    async complete(request): Promise<ModelResponse> {
      requests.push(structuredClone(request));
      return { text, toolCalls: [], usage: { inputTokens: 10, cachedInputTokens: 0, outputTokens: 5, reasoningTokens: 0 }, costUsd: 0.01 };
    },
  };
}

/** One step of the agent: an assistant message calling `shell`, and its result. */
function turn(index: number, output = `output of step ${index}`): Message[] {
  const id = `call_${index}`;
  return [
    { role: "assistant", content: `Step ${index}.`, toolCalls: [{ id, name: "shell", arguments: JSON.stringify({ command: `echo ${index}` }) }] },
    { role: "tool", callId: id, name: "shell", content: output },
  ];
}

function conversationWithTurns(count: number, output?: (index: number) => string): Conversation {
  const conversation = new Conversation({ system: SYSTEM, task: TASK });
  for (let index = 1; index <= count; index++) for (const message of turn(index, output?.(index))) conversation.add(message);
  return conversation;
}

/** A request body as sent: one JSON line per message, so an append-only history gives a prefix. */
const body = (messages: readonly Message[]) => messages.map((message) => JSON.stringify(message)).join("\n");

test("starts with the system prompt and the task", () => {
  expect(new Conversation({ system: SYSTEM, task: TASK }).messages()).toEqual([
    { role: "system", content: SYSTEM },
    { role: "user", content: TASK },
  ]);
});

test("appends messages in order", () => {
  const conversation = conversationWithTurns(2);
  expect(conversation.messages().slice(2)).toEqual([...turn(1), ...turn(2)]);
});

test("keeps its own copy of a message, so changing the caller's object later changes nothing", () => {
  const conversation = new Conversation({ system: SYSTEM, task: TASK });
  const message: Message = { role: "assistant", content: "Looking.", toolCalls: [{ id: "call_1", name: "shell", arguments: "{}" }] };
  conversation.add(message);
  message.content = "Changed.";
  message.toolCalls.push({ id: "call_2", name: "shell", arguments: "{}" });
  expect(conversation.messages()[2]).toEqual({ role: "assistant", content: "Looking.", toolCalls: [{ id: "call_1", name: "shell", arguments: "{}" }] });
});

test("each request's body starts with the bytes of the previous one while no compaction happens", () => {
  const conversation = new Conversation({ system: SYSTEM, task: TASK });
  let previous = body(conversation.messages());
  for (let index = 1; index <= 20; index++) {
    for (const message of turn(index)) conversation.add(message);
    const next = body(conversation.messages());
    expect(next.startsWith(previous)).toBe(true);
    previous = next;
  }
});

test("counts the tokens of the whole request: messages and tool specs", () => {
  const conversation = new Conversation({ system: SYSTEM, task: TASK, tools: [SHELL] });
  for (const message of turn(1)) conversation.add(message);
  expect(conversation.tokenCount()).toBe(countMessagesTokens(conversation.messages()) + countToolSpecTokens([SHELL]));
});

test("needs compaction once the request reaches the threshold share of the context window", () => {
  const conversation = conversationWithTurns(3);
  const tokens = conversation.tokenCount();
  expect(conversation.needsCompaction(tokens * 2, 0.5)).toBe(true);
  expect(conversation.needsCompaction(tokens * 2 + 2, 0.5)).toBe(false);
});

test("refuses a threshold outside (0, 1]", () => {
  expect(() => conversationWithTurns(1).needsCompaction(1_000, 1.5)).toThrow(/threshold above 0 and at most 1, got 1000 and 1.5/);
});

test("compaction asks the model for a note with purpose compaction and no tools, sending the older turns as a cached prefix", async () => {
  const conversation = conversationWithTurns(10);
  const before = conversation.messages();
  const model = noteModel("## Goal\nFix the parser.");
  await conversation.compact(model);
  const [request] = model.requests;
  expect(request?.purpose).toBe("compaction");
  expect(request?.tools).toEqual([]);
  const asked = request?.messages ?? [];
  expect(asked.at(-1)).toMatchObject({ role: "user", content: expect.stringMatching(/## Goal[\s\S]*## Decisions[\s\S]*## Files touched[\s\S]*## Test status[\s\S]*## Open items/) });
  expect(body(before).startsWith(body(asked.slice(0, -1)))).toBe(true);
});

test("compaction keeps the system prompt, the task and the recent turns verbatim, and replaces the older turns with the note", async () => {
  const conversation = conversationWithTurns(10);
  const before = conversation.messages();
  await conversation.compact(noteModel("## Goal\nFix the parser."));
  const after = conversation.messages();
  expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
  expect(after[2]).toEqual({ role: "user", content: "Summary of earlier work:\n\n## Goal\nFix the parser." });
  const kept = after.slice(3);
  expect(kept.length).toBeGreaterThan(0);
  expect(kept.length).toBeLessThan(before.length - 2);
  expect(before.slice(-kept.length)).toEqual(kept);
});

test("compaction keeps about the recent share of the tokens", async () => {
  const conversation = conversationWithTurns(20);
  const tokensBefore = conversation.tokenCount();
  await conversation.compact(noteModel("note"), { keepRecentShare: 0.3 });
  const kept = conversation.messages().slice(3);
  expect(countMessagesTokens(kept)).toBeLessThanOrEqual(tokensBefore * 0.3);
  expect(countMessagesTokens(kept) + countMessagesTokens(turn(1))).toBeGreaterThan(tokensBefore * 0.3);
});

test("compaction keeps the last turn even when it alone is larger than the recent share", async () => {
  const conversation = conversationWithTurns(4, (index) => (index === 4 ? "huge output ".repeat(2_000) : "ok"));
  await conversation.compact(noteModel("note"), { keepRecentShare: 0.1 });
  expect(conversation.messages().slice(3)).toEqual(turn(4, "huge output ".repeat(2_000)));
});

test("compaction never separates tool calls from their results", async () => {
  for (let share = 0.05; share < 0.9; share += 0.05) {
    const conversation = new Conversation({ system: SYSTEM, task: TASK });
    for (let index = 1; index <= 6; index++) {
      conversation.add({
        role: "assistant",
        content: "",
        toolCalls: [
          { id: `a${index}`, name: "read_file", arguments: "{}" },
          { id: `b${index}`, name: "search", arguments: "{}" },
        ],
      });
      conversation.add({ role: "tool", callId: `a${index}`, name: "read_file", content: "file ".repeat(50 * index) });
      conversation.add({ role: "tool", callId: `b${index}`, name: "search", content: "hit ".repeat(30) });
    }
    await conversation.compact(noteModel("note"), { keepRecentShare: share });
    const kept = conversation.messages().slice(3);
    const calls = new Set(kept.flatMap((message) => (message.role === "assistant" ? message.toolCalls.map((call) => call.id) : [])));
    const results = new Set(kept.flatMap((message) => (message.role === "tool" ? [message.callId] : [])));
    expect(kept[0]?.role).toBe("assistant");
    expect(results).toEqual(calls);
  }
});

test("a user message between a call and its result is not a place to cut", async () => {
  const conversation = conversationWithTurns(3);
  conversation.add({ role: "assistant", content: "", toolCalls: [{ id: "late", name: "shell", arguments: "{}" }] });
  conversation.add({ role: "user", content: "New instruction from @maintainer." });
  conversation.add({ role: "tool", callId: "late", name: "shell", content: "done" });
  await conversation.compact(noteModel("note"), { keepRecentShare: 0.01 });
  expect(conversation.messages().slice(3).map((message) => message.role)).toEqual(["assistant", "user", "tool"]);
});

test("between compactions the prefix is byte-identical again, starting from the compacted history", async () => {
  const conversation = conversationWithTurns(10);
  await conversation.compact(noteModel("note"));
  let previous = body(conversation.messages());
  for (let index = 11; index <= 15; index++) {
    for (const message of turn(index)) conversation.add(message);
    const next = body(conversation.messages());
    expect(next.startsWith(previous)).toBe(true);
    previous = next;
  }
});

test("compaction reports what it did for the trajectory", async () => {
  const conversation = conversationWithTurns(10);
  const tokensBefore = conversation.tokenCount();
  const facts = await conversation.compact(noteModel("note"));
  const keptTurns = conversation.messages().filter((message) => message.role === "assistant").length;
  expect(facts).toEqual({
    compacted: true,
    tokensBefore,
    tokensAfter: conversation.tokenCount(),
    messagesCompacted: 20 - 2 * keptTurns,
    turnsCompacted: 10 - keptTurns,
    turnsKept: keptTurns,
    note: "model",
  });
  expect(facts.tokensAfter).toBeLessThan(tokensBefore);
});

test("the token count after compaction matches a full recount", async () => {
  const conversation = new Conversation({ system: SYSTEM, task: TASK, tools: [SHELL] });
  for (let index = 1; index <= 10; index++) for (const message of turn(index)) conversation.add(message);
  await conversation.compact(noteModel("note"));
  expect(conversation.tokenCount()).toBe(countMessagesTokens(conversation.messages()) + countToolSpecTokens([SHELL]));
});

test("hands the compaction response to onResponse, to charge its cost", async () => {
  const responses: ModelResponse[] = [];
  await conversationWithTurns(10).compact(noteModel("note"), { onResponse: (response) => responses.push(response) });
  expect(responses.map((response) => response.costUsd)).toEqual([0.01]);
});

test("an empty note falls back to a mechanical note listing the tool calls made", async () => {
  const conversation = conversationWithTurns(10);
  const facts = await conversation.compact(noteModel("  \n"));
  const summary = conversation.messages()[2];
  expect(facts.note).toBe("mechanical");
  expect(summary?.content).toMatch(/^Summary of earlier work:\n\n\(The model gave no summary/);
  expect(summary?.content).toContain('- shell {"command":"echo 1"} → output of step 1');
});

test("a second compaction summarises the first summary with the turns after it", async () => {
  const conversation = conversationWithTurns(10);
  await conversation.compact(noteModel("first note"));
  for (let index = 11; index <= 20; index++) for (const message of turn(index)) conversation.add(message);
  const model = noteModel("");
  await conversation.compact(model);
  expect(model.requests[0]?.messages[2]).toEqual({ role: "user", content: "Summary of earlier work:\n\nfirst note" });
  expect(conversation.messages()[2]?.content).toContain("## Earlier summary\nfirst note");
});

test("a message added while the model writes the note is kept after the recent turns", async () => {
  const conversation = conversationWithTurns(10);
  const inbox: Message = { role: "user", content: "New instruction from @maintainer: also update the changelog." };
  const model: Model = {
    name: "slow",
    contextWindow: 100_000,
    async complete() {
      conversation.add(inbox);
      return { text: "note", toolCalls: [], usage: { inputTokens: 1, cachedInputTokens: 0, outputTokens: 1, reasoningTokens: 0 }, costUsd: null };
    },
  };
  await conversation.compact(model);
  expect(conversation.messages().at(-1)).toEqual(inbox);
  expect(conversation.messages().at(-2)).toEqual(turn(10)[1]);
});

test("refuses a recent share outside (0, 1)", async () => {
  await expect(conversationWithTurns(3).compact(noteModel("note"), { keepRecentShare: 1 })).rejects.toThrow(/keepRecentShare must be above 0 and below 1, got 1/);
});

test("with nothing older than the last turn, compaction does nothing and asks no model", async () => {
  const conversation = conversationWithTurns(1);
  const before = conversation.messages();
  const model = noteModel("note");
  const facts = await conversation.compact(model);
  expect(facts).toMatchObject({ compacted: false, messagesCompacted: 0, note: "none" });
  expect(model.requests).toEqual([]);
  expect(conversation.messages()).toEqual(before);
});

test("a model error during compaction propagates and leaves the conversation as it was", async () => {
  const conversation = conversationWithTurns(10);
  const before = conversation.messages();
  const failing: Model = {
    name: "down",
    contextWindow: 100_000,
    complete: async () => {
      throw new ModelError("unavailable", "The model server kept failing; try again later.");
    },
  };
  await expect(conversation.compact(failing)).rejects.toThrow("The model server kept failing");
  expect(conversation.messages()).toEqual(before);
});

test("in a scripted run, compaction keeps requests inside the window and steps share their prefix between compactions", async () => {
  const steps = Array.from({ length: 30 }, (_, index) => ({ toolCalls: [{ name: "shell", arguments: { command: `cat src/file${index}.ts` } }] }));
  const model = new ScriptedModel(steps, { contextWindow: 3_000 });
  const conversation = new Conversation({ system: SYSTEM, task: TASK });
  for (let step = 0; step < steps.length; step++) {
    if (conversation.needsCompaction(model.contextWindow, 0.8)) await conversation.compact(model);
    expect(conversation.tokenCount()).toBeLessThan(model.contextWindow);
    const response = await model.complete({ purpose: "step", messages: conversation.messages(), tools: [] });
    conversation.add({ role: "assistant", content: response.text, toolCalls: response.toolCalls });
    for (const call of response.toolCalls) conversation.add({ role: "tool", callId: call.id, name: call.name, content: "export const x = 1;\n".repeat(40) });
  }
  const purposes = model.requests.map((request) => request.purpose);
  expect(purposes.filter((purpose) => purpose === "compaction").length).toBeGreaterThan(1);
  let previous = "";
  for (const request of model.requests) {
    if (request.purpose === "compaction") {
      previous = "";
      continue;
    }
    const next = body(request.messages);
    expect(next.startsWith(previous)).toBe(true);
    previous = next;
  }
});
