import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { createModel } from "../../../src/agent/models/create-model.ts";
import { ModelError } from "../../../src/agent/models/model-error.ts";
import { startOpenAiServer, type OpenAiServer } from "../../helpers/openai-server.ts";
import { COMPACTION, SHELL, STEP } from "./conversation.ts";

let server: OpenAiServer;
beforeEach(async () => {
  server = await startOpenAiServer();
});
afterEach(async () => {
  await server.close();
});

const model = () => createModel({ name: "gpt-5.3-codex", api: "responses", apiKey: "sk-test", baseUrl: server.baseUrl });

describe("a request to the Responses API", () => {
  test("carries the whole conversation as input items, the tools as functions, and stores nothing", async () => {
    server.reply({ text: "done" });
    await model().complete(STEP);
    expect(server.requests[0]?.path).toBe("/v1/responses");
    expect(server.requests[0]?.body).toEqual({
      model: "gpt-5.3-codex",
      input: [
        { type: "message", role: "system", content: "You are Ferry." },
        { type: "message", role: "user", content: "Fix the failing test." },
        { type: "message", role: "assistant", content: "Let me look." },
        { type: "function_call", call_id: "call_a", name: "shell", arguments: '{"command":"ls"}' },
        { type: "function_call_output", call_id: "call_a", output: "exit 0\npackage.json" },
        { type: "function_call", call_id: "call_b", name: "shell", arguments: '{"command":"npm test"}' },
        { type: "function_call_output", call_id: "call_b", output: "exit 1\n1 failing" },
      ],
      tools: [{ type: "function", name: "shell", description: SHELL.description, parameters: SHELL.parameters, strict: false }],
      store: false,
    });
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

  test("sends the API key as a bearer token", async () => {
    server.reply({ text: "done" });
    await model().complete(STEP);
    expect(server.requests[0]?.headers.authorization).toBe("Bearer sk-test");
  });
});

describe("a Responses API answer", () => {
  test("gives the text and the function calls with their call ids", async () => {
    server.reply({
      text: "Running the tests.",
      toolCalls: [
        { id: "call_7", name: "run_tests", arguments: "{}" },
        { id: "call_8", name: "shell", arguments: '{"command":"npm test"}' },
      ],
    });
    const response = await model().complete(STEP);
    expect(response.text).toBe("Running the tests.");
    expect(response.toolCalls).toEqual([
      { id: "call_7", name: "run_tests", arguments: "{}" },
      { id: "call_8", name: "shell", arguments: '{"command":"npm test"}' },
    ]);
  });

  test("passes garbage tool arguments through untouched", async () => {
    server.reply({ toolCalls: [{ id: "call_1", name: "shell", arguments: '{"command": "ls' }] });
    const response = await model().complete(STEP);
    expect(response).toMatchObject({ text: "", toolCalls: [{ id: "call_1", name: "shell", arguments: '{"command": "ls' }] });
  });

  test("reports input, cached, output and reasoning tokens, and their cost at the model's price", async () => {
    server.reply({ text: "ok", usage: { inputTokens: 10_000, cachedInputTokens: 4_000, outputTokens: 2_000, reasoningTokens: 500 } });
    const response = await model().complete(STEP);
    expect(response.usage).toEqual({ inputTokens: 10_000, cachedInputTokens: 4_000, outputTokens: 2_000, reasoningTokens: 500 });
    // 6,000 × $1.75 + 4,000 × $0.175 + 2,000 × $14, per million tokens.
    expect(response.costUsd).toBeCloseTo(0.0392, 10);
  });

  test("counts missing usage details as zero", async () => {
    server.reply({ raw: JSON.stringify({ output: [], usage: { input_tokens: 30, output_tokens: 7 } }) });
    const response = await model().complete(STEP);
    expect(response.usage).toEqual({ inputTokens: 30, cachedInputTokens: 0, outputTokens: 7, reasoningTokens: 0 });
  });

  test("skips reasoning items", async () => {
    server.reply({ text: "thought about it", usage: { reasoningTokens: 40 } });
    const response = await model().complete(STEP);
    expect(response).toMatchObject({ text: "thought about it", toolCalls: [] });
  });

  test("that is not a Responses API object fails with advice on FERRY_MODEL_API", async () => {
    server.reply({ raw: JSON.stringify({ choices: [{ message: { content: "hi" } }] }) });
    const failure = model().complete(STEP);
    await expect(failure).rejects.toBeInstanceOf(ModelError);
    await expect(failure).rejects.toMatchObject({ kind: "bad-request", message: expect.stringContaining("FERRY_MODEL_API=responses") });
  });

  test("that is not JSON at all fails as a bad request naming the endpoint", async () => {
    server.reply({ raw: "<html>Welcome to nginx</html>", contentType: "text/html" });
    await expect(model().complete(STEP)).rejects.toMatchObject({
      kind: "bad-request",
      message: expect.stringContaining(`${server.baseUrl}/responses answered with something that is not a responses API response`),
    });
  });
});
