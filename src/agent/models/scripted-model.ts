import { compactionNote } from "./compaction-note.ts";
import type { CompleteOptions, Model, ModelRequest, ModelResponse, ToolCall, Usage } from "./model.ts";
import { costOf, type Price } from "./pricing.ts";

/** One scripted answer. String arguments are sent verbatim (that is how tests send garbage JSON). */
export type ScriptStep = {
  text?: string;
  toolCalls?: Array<{ name: string; arguments: object | string }>;
  usage?: Partial<Usage>;
};

/** A step, or a function that builds it from what the model was sent (`index` counts steps from 0). */
export type Script = Array<ScriptStep | ((request: ModelRequest, index: number) => ScriptStep | Promise<ScriptStep>)>;

export type ScriptedModelOptions = {
  name?: string;
  contextWindow?: number;
  /** null: the cost is unknown, as for a model missing from the price table. */
  price?: Price | null;
};

export const SCRIPT_EXHAUSTED_TEXT = "The script has no more steps.";
/** A round price so tests can compute costs by hand. */
export const SCRIPTED_TEST_PRICE: Price = Object.freeze({ input: 1, cachedInput: 0.1, output: 10 });

/** The deterministic model for tests and demos: replays a script and records every request. */
export class ScriptedModel implements Model {
  readonly name: string;
  readonly contextWindow: number;
  /** Deep copies of every request, compaction ones included, in order. */
  readonly requests: ModelRequest[] = [];
  readonly #script: Script;
  readonly #price: Price | undefined;
  #nextStep = 0;
  #nextCallId = 1;

  constructor(script: Script, options: ScriptedModelOptions = {}) {
    this.#script = [...script];
    this.name = options.name ?? "scripted";
    this.contextWindow = options.contextWindow ?? 128_000;
    this.#price = options.price === undefined ? SCRIPTED_TEST_PRICE : (options.price ?? undefined);
  }

  /** Steps not yet used. */
  get remainingSteps(): number {
    return Math.max(0, this.#script.length - this.#nextStep);
  }

  async complete(request: ModelRequest, options: CompleteOptions = {}): Promise<ModelResponse> {
    options.signal?.throwIfAborted();
    const copy = structuredClone(request);
    this.requests.push(copy);
    const step = await this.#stepFor(structuredClone(copy));
    options.signal?.throwIfAborted();
    const text = step.text ?? "";
    const toolCalls: ToolCall[] = (step.toolCalls ?? []).map((call) => ({
      id: `call_${this.#nextCallId++}`,
      name: call.name,
      arguments: typeof call.arguments === "string" ? call.arguments : JSON.stringify(call.arguments),
    }));
    const usage: Usage = {
      inputTokens: roughTokens(JSON.stringify(request)),
      cachedInputTokens: 0,
      outputTokens: roughTokens(text + JSON.stringify(toolCalls)),
      reasoningTokens: 0,
      ...step.usage,
    };
    return { text, toolCalls, usage, costUsd: costOf(usage, this.#price) };
  }

  async #stepFor(request: ModelRequest): Promise<ScriptStep> {
    if (request.purpose === "compaction") return { text: compactionNote(request) };
    const index = this.#nextStep;
    const entry = this.#script[index];
    if (entry === undefined) return { text: SCRIPT_EXHAUSTED_TEXT };
    this.#nextStep++;
    return typeof entry === "function" ? entry(request, index) : entry;
  }
}

/** About four characters a token: good enough for budgets and compaction thresholds in tests. */
function roughTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
