import { describe, expect, test } from "@jest/globals";
import { contextWindowOf, DEFAULT_CONTEXT_WINDOW } from "../../../src/agent/models/context-window.ts";

describe("contextWindowOf", () => {
  test("reads the window from the model catalog", () => {
    expect([contextWindowOf("gpt-5.3-codex"), contextWindowOf("gpt-4o"), contextWindowOf("gpt-4.1")]).toEqual([400_000, 128_000, 1_047_576]);
  });

  test("matches prefixed and dated names", () => {
    expect([contextWindowOf("openai/o4-mini"), contextWindowOf("gpt-4.1-2025-04-14")]).toEqual([200_000, 1_047_576]);
  });

  test("assumes 128k tokens for an unknown model", () => {
    expect(DEFAULT_CONTEXT_WINDOW).toBe(128_000);
    expect(contextWindowOf("qwen2.5-coder:32b")).toBe(DEFAULT_CONTEXT_WINDOW);
  });

  test("lets the configured window win", () => {
    expect(contextWindowOf("gpt-5.3-codex", 32_768)).toBe(32_768);
  });
});
