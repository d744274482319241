import { describe, expect, test } from "@jest/globals";
import { NO_USAGE, type Usage } from "../../../src/agent/models/model.ts";
import { costOf, priceOf } from "../../../src/agent/models/pricing.ts";

const usage = (counts: Partial<Usage>): Usage => ({ ...NO_USAGE, ...counts });

describe("priceOf", () => {
  test("knows Ferry's default model", () => {
    expect(priceOf("gpt-5.3-codex")).toEqual({ input: 1.75, cachedInput: 0.175, output: 14 });
  });

  test.each(["gpt-5.2-codex", "gpt-5.1-codex", "gpt-5-codex", "gpt-5", "gpt-5-mini", "gpt-4.1", "gpt-4o", "gpt-4o-mini", "o4-mini"])(
    "knows %s",
    (model) => {
      expect(priceOf(model)).toEqual({ input: expect.any(Number), cachedInput: expect.any(Number), output: expect.any(Number) });
    },
  );

  test("lets the configured price win over the table", () => {
    const configured = { input: 1, cachedInput: 0.5, output: 2 };
    expect(priceOf("gpt-4o", configured)).toBe(configured);
  });

  test("takes the configured price for a model the table does not know", () => {
    const configured = { input: 0.2, cachedInput: 0.2, output: 0.6 };
    expect(priceOf("llama-3.1-70b", configured)).toBe(configured);
  });

  test("does not know a model missing from the table", () => {
    expect(priceOf("llama-3.1-70b")).toBeUndefined();
  });

  test("drops a provider prefix", () => {
    expect(priceOf("openai/gpt-4o-mini")).toEqual(priceOf("gpt-4o-mini"));
  });

  test("drops a snapshot date", () => {
    expect([priceOf("gpt-4o-2024-08-06"), priceOf("GPT-4o-2024-08-06")]).toEqual([priceOf("gpt-4o"), priceOf("gpt-4o")]);
  });

  test("never guesses from a longer name that starts like a known one", () => {
    expect([priceOf("gpt-4o-mini-tts"), priceOf("gpt-5.3-codex-max"), priceOf("gpt-4o-realtime")]).toEqual([undefined, undefined, undefined]);
  });

  test("keeps a number that is not a date", () => {
    expect(priceOf("gpt-4o-7777")).toBeUndefined();
  });
});

describe("costOf", () => {
  const price = { input: 2, cachedInput: 0.5, output: 8 };

  test("bills uncached input, cached input and output at their own prices", () => {
    expect(costOf(usage({ inputTokens: 1_000_000, cachedInputTokens: 400_000, outputTokens: 500_000 }), price)).toBeCloseTo(1.2 + 0.2 + 4, 10);
  });

  test("counts reasoning tokens once, as part of output", () => {
    const withReasoning = costOf(usage({ outputTokens: 1_000_000, reasoningTokens: 600_000 }), price);
    expect(withReasoning).toBeCloseTo(8, 10);
  });

  test("is zero for no tokens", () => {
    expect(costOf(NO_USAGE, price)).toBe(0);
  });

  test("is null when the price is unknown", () => {
    expect(costOf(usage({ inputTokens: 100 }), undefined)).toBeNull();
  });
});
