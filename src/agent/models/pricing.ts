import { lookUp } from "./model-names.ts";
import type { Usage } from "./model.ts";

/** US dollars per million tokens. */
export type Price = { input: number; cachedInput: number; output: number };

const price = (input: number, cachedInput: number, output: number): Price => Object.freeze({ input, cachedInput, output });

/** OpenAI's list prices for the models Ferry names. An unlisted model has an unknown cost, never a guessed one. */
export const PRICES: ReadonlyMap<string, Price> = new Map([
  ["gpt-5.3-codex", price(1.75, 0.175, 14)],
  ["gpt-5.2-codex", price(1.75, 0.175, 14)],
  ["gpt-5.2", price(1.75, 0.175, 14)],
  ["gpt-5.1-codex", price(1.25, 0.125, 10)],
  ["gpt-5.1-codex-mini", price(0.25, 0.025, 2)],
  ["gpt-5.1", price(1.25, 0.125, 10)],
  ["gpt-5-codex", price(1.25, 0.125, 10)],
  ["gpt-5", price(1.25, 0.125, 10)],
  ["gpt-5-mini", price(0.25, 0.025, 2)],
  ["gpt-5-nano", price(0.05, 0.005, 0.4)],
  ["gpt-4.1", price(2, 0.5, 8)],
  ["gpt-4.1-mini", price(0.4, 0.1, 1.6)],
  ["gpt-4.1-nano", price(0.1, 0.025, 0.4)],
  ["gpt-4o", price(2.5, 1.25, 10)],
  ["gpt-4o-mini", price(0.15, 0.075, 0.6)],
  ["o4-mini", price(1.1, 0.275, 4.4)],
  ["o3", price(2, 0.5, 8)],
]);

/** The configured price (FERRY_MODEL_PRICE) wins over the table; undefined when neither knows the model. */
export function priceOf(model: string, override?: Price): Price | undefined {
  return override ?? lookUp(PRICES, model);
}

/** Cached input at the cached price, the rest of the input at the input price; reasoning is part of output. */
export function costOf(usage: Usage, price: Price | undefined): number | null {
  if (!price) return null;
  const cached = Math.min(usage.cachedInputTokens, usage.inputTokens);
  const dollars =
    (usage.inputTokens - cached) * price.input + cached * price.cachedInput + usage.outputTokens * price.output;
  return dollars / 1_000_000;
}
