import { expect, test } from "@jest/globals";
import { countMessagesTokens, countMessageTokens, countTokens, countToolSpecTokens, MESSAGE_OVERHEAD_TOKENS } from "../../../src/agent/context/tokens.ts";

test("counts tokens in the o200k_base encoding", () => {
  expect(countTokens("hello world")).toBe(2);
  expect(countTokens("")).toBe(0);
});

test("counts a special token's text as plain text instead of throwing", () => {
  expect(countTokens("<|endoftext|>")).toBeGreaterThan(1);
});

test("counts one very long word in pieces, exactly where the pieces are whole tokens", () => {
  // Eight x's are one token; counted whole, this word would take seconds.
  expect(countTokens("x".repeat(100_000))).toBe(12_500);
});

test("never splits a surrogate pair between pieces", () => {
  // Each emoji is one token; a split pair would count as two broken characters.
  expect(countTokens("a".repeat(2_047) + "😀".repeat(5))).toBe(countTokens("a".repeat(2_047)) + 5);
});

test("counts ordinary prose the same in pieces as whole, within a token per piece", () => {
  const prose = Array.from({ length: 3_000 }, (_, index) => `word${index % 97} fix the thing`).join(" ");
  const pieces = Math.ceil(prose.length / 2_048);
  expect(Math.abs(countTokens(prose) - 15_000)).toBeLessThanOrEqual(pieces);
});

test("a message costs its text plus a small overhead", () => {
  const content = "Please fix the failing test.";
  const tokens = countMessageTokens({ role: "user", content });
  expect(tokens).toBeGreaterThan(countTokens(content));
  expect(tokens).toBeLessThanOrEqual(countTokens(content) + MESSAGE_OVERHEAD_TOKENS + 2);
});

test("an assistant message counts its tool calls' arguments", () => {
  const bare = countMessageTokens({ role: "assistant", content: "", toolCalls: [] });
  const withCall = countMessageTokens({
    role: "assistant",
    content: "",
    toolCalls: [{ id: "call_1", name: "shell", arguments: JSON.stringify({ command: "npm test -- --runInBand src/parser" }) }],
  });
  expect(withCall - bare).toBeGreaterThan(countTokens("npm test -- --runInBand src/parser"));
});

test("a tool result counts its output", () => {
  const small = countMessageTokens({ role: "tool", callId: "call_1", name: "shell", content: "ok" });
  const large = countMessageTokens({ role: "tool", callId: "call_1", name: "shell", content: "ok ".repeat(500) });
  expect(large - small).toBeGreaterThanOrEqual(499);
});

test("a message list costs the sum of its messages", () => {
  const system = { role: "system" as const, content: "You are careful." };
  const task = { role: "user" as const, content: "Fix the bug." };
  expect(countMessagesTokens([system, task])).toBe(countMessageTokens(system) + countMessageTokens(task));
});

test("tool specs cost about their JSON, and nothing when there are none", () => {
  const spec = { name: "shell", description: "Run a command in the workspace.", parameters: { type: "object", properties: { command: { type: "string" } } } };
  expect(countToolSpecTokens([])).toBe(0);
  expect(countToolSpecTokens([spec])).toBe(countTokens(JSON.stringify([spec])));
});
