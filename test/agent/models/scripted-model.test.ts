import { describe, expect, test } from "@jest/globals";
import type { ModelRequest } from "../../../src/agent/models/model.ts";
import { SCRIPT_EXHAUSTED_TEXT, SCRIPTED_TEST_PRICE, ScriptedModel } from "../../../src/agent/models/scripted-model.ts";
import { COMPACTION, CONVERSATION, STEP } from "./conversation.ts";

const ask = (content: string): ModelRequest => ({ purpose: "step", messages: [{ role: "user", content }], tools: [] });

describe("ScriptedModel", () => {
  test("replays its steps in order", async () => {
    const model = new ScriptedModel([{ text: "first" }, { text: "second" }]);
    const texts = [(await model.complete(STEP)).text, (await model.complete(STEP)).text];
    expect(texts).toEqual(["first", "second"]);
  });

  test("sends object arguments as JSON and string arguments verbatim", async () => {
    const model = new ScriptedModel([
      { toolCalls: [{ name: "shell", arguments: { command: "ls" } }, { name: "edit_file", arguments: '{"path": "a' }] },
    ]);
    const response = await model.complete(STEP);
    expect(response.toolCalls.map((call) => call.arguments)).toEqual(['{"command":"ls"}', '{"path": "a']);
  });

  test("numbers tool call ids across the whole run", async () => {
    const model = new ScriptedModel([
      { toolCalls: [{ name: "read_file", arguments: {} }, { name: "search", arguments: {} }] },
      { toolCalls: [{ name: "run_tests", arguments: {} }] },
    ]);
    const first = await model.complete(STEP);
    const second = await model.complete(STEP);
    expect([...first.toolCalls, ...second.toolCalls].map((call) => call.id)).toEqual(["call_1", "call_2", "call_3"]);
  });

  test("lets a function step see the request and its index", async () => {
    const model = new ScriptedModel([{ text: "hello" }, (request, index) => ({ text: `step ${index} saw ${request.messages.at(-1)?.content}` })]);
    await model.complete(ask("one"));
    expect((await model.complete(ask("two"))).text).toBe("step 1 saw two");
  });

  test("records a copy of every request", async () => {
    const model = new ScriptedModel([{ text: "ok" }]);
    const request = ask("original");
    await model.complete(request);
    request.messages.push({ role: "user", content: "changed later" });
    expect(model.requests).toEqual([ask("original")]);
  });

  test("answers compaction requests with a note about the turns without using a step", async () => {
    const model = new ScriptedModel([{ text: "the only step" }]);
    const note = await model.complete(COMPACTION);
    expect(note.text).toBe(
      [
        "## Summary of earlier turns (scripted)",
        "- Messages: 6 (1 user, 2 assistant, 2 tool)",
        "- Turns: 2",
        "- Tool calls: 2 (shell)",
      ].join("\n"),
    );
    expect(note.toolCalls).toEqual([]);
    expect((await model.complete(STEP)).text).toBe("the only step");
    expect(model.requests.map((request) => request.purpose)).toEqual(["compaction", "step"]);
  });

  test("answers without tool calls once the script is exhausted", async () => {
    const model = new ScriptedModel([{ toolCalls: [{ name: "run_tests", arguments: {} }] }]);
    await model.complete(STEP);
    expect(await model.complete(STEP)).toMatchObject({ text: SCRIPT_EXHAUSTED_TEXT, toolCalls: [] });
    expect(model.remainingSteps).toBe(0);
  });

  test("estimates usage from the sizes of the request and the answer", async () => {
    const model = new ScriptedModel([{ text: "12345678" }]);
    const response = await model.complete(STEP);
    expect(response.usage).toEqual({
      inputTokens: Math.ceil(JSON.stringify(STEP).length / 4),
      cachedInputTokens: 0,
      outputTokens: Math.ceil(("12345678" + "[]").length / 4),
      reasoningTokens: 0,
    });
  });

  test("takes the usage a step gives over the estimate", async () => {
    const model = new ScriptedModel([{ text: "ok", usage: { inputTokens: 1_000_000, cachedInputTokens: 500_000, outputTokens: 100_000 } }]);
    const response = await model.complete(STEP);
    expect(response.usage).toEqual({ inputTokens: 1_000_000, cachedInputTokens: 500_000, outputTokens: 100_000, reasoningTokens: 0 });
  });

  test("prices usage at the test price by default", async () => {
    const model = new ScriptedModel([{ text: "ok", usage: { inputTokens: 1_000_000, cachedInputTokens: 500_000, outputTokens: 100_000 } }]);
    const response = await model.complete(STEP);
    const expected = 0.5 * SCRIPTED_TEST_PRICE.input + 0.5 * SCRIPTED_TEST_PRICE.cachedInput + 0.1 * SCRIPTED_TEST_PRICE.output;
    expect(response.costUsd).toBeCloseTo(expected, 10);
  });

  test("has an unknown cost when built with a null price", async () => {
    const model = new ScriptedModel([{ text: "ok" }], { price: null });
    expect((await model.complete(STEP)).costUsd).toBeNull();
  });

  test("takes its name and context window from the options", () => {
    expect(new ScriptedModel([], { name: "demo", contextWindow: 8_000 })).toMatchObject({ name: "demo", contextWindow: 8_000 });
  });

  test("rejects with the signal's reason when already aborted, without using a step", async () => {
    const model = new ScriptedModel([{ text: "kept" }]);
    const controller = new AbortController();
    controller.abort(new Error("stopped"));
    await expect(model.complete(STEP, { signal: controller.signal })).rejects.toThrow("stopped");
    expect((await model.complete(STEP)).text).toBe("kept");
  });

  test("leaves the caller's conversation alone", async () => {
    const model = new ScriptedModel([(request) => (request.messages.pop(), { text: "ok" })]);
    const messages = structuredClone(CONVERSATION);
    await model.complete({ purpose: "step", messages, tools: [] });
    expect(messages).toEqual(CONVERSATION);
  });
});
