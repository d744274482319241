import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { createModel } from "../../../src/agent/models/create-model.ts";
import { startOpenAiServer, type OpenAiServer } from "../../helpers/openai-server.ts";
import { COMPACTION, SHELL, STEP } from "./conversation.ts";

let server: OpenAiServer;
beforeEach(async () => {
  server = await startOpenAiServer();
});
afterEach(async () => {
  await server.close();
});

const model = () => createModel({ name: "gpt-4o-mini", api: "chat", apiKey: "sk-test", baseUrl: server.baseUrl });

describe("a request to Chat Completions", () => {
  test("carries the conversation as chat messages with tool_calls and tool results, the tools as functions", async () => {
    server.reply({ text: "done" });
    await model().complete(STEP);
    expect(server.requests[0]?.path).toBe("/v1/chat/completions");
    expect(server.requests[0]?.body).toEqual({
      model: "gpt-4o-mini",
      messages: [
        { role: "system", content: "You are Ferry." },
        { role: "user", content: "Fix the failing test." },
        {
          role: "assistant",
          content: "Let me look.",
          tool_calls: [{ id: "call_a", type: "function", function: { name: "shell", arguments: '{"command":"ls"}' } }],
        },
        { role: "tool", tool_call_id: "call_a", content: "exit 0\npackage.json" },
        {
          role: "assistant",
          content: null,
          tool_calls: [{ id: "call_b", type: "function", function: { name: "shell", arguments: '{"command":"npm test"}' } }],
        },
        { role: "tool", tool_call_id: "call_b", content: "exit 1\n1 failing" },
      ],
      tools: [{ type: "function", function: { name: "shell", description: SHELL.description, parameters: SHELL.parameters } }],
    });
  });

  test("sends an assistant reply without tool calls as plain content", async () => {
    server.reply({ text: "done" });
    await model().complete({ purpose: "step", messages: [{ role: "assistant", content: "All green.", toolCalls: [] }], tools: [] });
    expect(server.requests[0]?.body).toMatchObject({ messages: [{ role: "assistant", content: "All green." }] });
  });

  test("has no tools when the request offers none, as in compaction", async () => {
    server.reply({ text: "summary" });
    await model().complete(COMPACTION);
    expect(server.requests[0]?.body).not.toHaveProperty("tools");
  });

  test("is byte-identical for the same messages, so the provider can cache the prompt", async () => {
    server.reply({ text: "one" }, { text: "two" });
    await model().complete(STEP);
    await model().complete(structuredClone(STEP));
    expect(server.requests[1]?.raw).toBe(server.requests[0]?.raw);
  });
});

describe("a Chat Completions answer", () => {
  test("gives the text and the tool calls with their ids", async () => {
    server.reply({ text: "Checking.", toolCalls: [{ id: "call_9", name: "read_file", arguments: '{"path":"a.ts"}' }] });
    const response = await model().complete(STEP);
    expect(response).toMatchObject({ text: "Checking.", toolCalls: [{ id: "call_9", name: "read_file", arguments: '{"path":"a.ts"}' }] });
  });

  test("with only tool calls has empty text", async () => {
    server.reply({ toolCalls: [{ id: "call_1", name: "run_tests", arguments: "{}" }] });
    const response = await model().complete(STEP);
    expect(response.text).toBe("");
  });

  test("passes garbage tool arguments through untouched", async () => {
    server.reply({ toolCalls: [{ id: "call_1", name: "edit_file", arguments: "not json at all {" }] });
    const response = await model().complete(STEP);
    expect(response.toolCalls).toEqual([{ id: "call_1", name: "edit_file", arguments: "not json at all {" }]);
  });

  test("reports input, cached, output and reasoning tokens, and their cost at the model's price", async () => {
    server.reply({ text: "ok", usage: { inputTokens: 1_000_000, cachedInputTokens: 200_000, outputTokens: 100_000, reasoningTokens: 30_000 } });
    const response = await model().complete(STEP);
    expect(response.usage).toEqual({ inputTokens: 1_000_000, cachedInputTokens: 200_000, outputTokens: 100_000, reasoningTokens: 30_000 });
    // gpt-4o-mini: 0.8M × $0.15 + 0.2M × $0.075 + 0.1M × $0.60.
    expect(response.costUsd).toBeCloseTo(0.195, 10);
  });

  test("without usage counts zero tokens", async () => {
    server.reply({ raw: JSON.stringify({ choices: [{ message: { role: "assistant", content: "hi" } }] }) });
    const response = await model().complete(STEP);
    expect(response.usage).toEqual({ inputTokens: 0, cachedInputTokens: 0, outputTokens: 0, reasoningTokens: 0 });
  });

  test("with no choices fails with advice on FERRY_MODEL_API", async () => {
    server.reply({ raw: JSON.stringify({ choices: [] }) });
    await expect(model().complete(STEP)).rejects.toMatchObject({
      kind: "bad-request",
      message: expect.stringContaining("FERRY_MODEL_API=chat"),
    });
  });

  test("in the Responses format fails as a bad request", async () => {
    server.reply({ raw: JSON.stringify({ object: "response", output: [] }) });
    await expect(model().complete(STEP)).rejects.toMatchObject({ kind: "bad-request" });
  });
});
