import { APIConnectionTimeoutError, type OpenAI } from "openai";
import { classifyFailure } from "./classify-failure.ts";
import { ModelError } from "./model-error.ts";
import type { ModelTarget } from "./model-target.ts";
import type { CompleteOptions, Model, ModelRequest, ModelResponse } from "./model.ts";
import { costOf, type Price } from "./pricing.ts";
import { withRetries, type RetryPolicy } from "./retry.ts";
import type { WireApi } from "./wire-api.ts";

export type OpenAiModelSettings = {
  name: string;
  contextWindow: number;
  /** Undefined: the cost of a response is unknown. */
  price: Price | undefined;
  /** Created with `maxRetries: 0`: retries are Ferry's, so each one is reported. */
  client: OpenAI;
  api: WireApi;
  retry: RetryPolicy;
  timeoutMs: number;
};

/** The real model: an OpenAI-compatible server through the official SDK. */
export class OpenAiModel implements Model {
  readonly name: string;
  readonly contextWindow: number;
  readonly #settings: OpenAiModelSettings;
  readonly #target: ModelTarget;

  constructor(settings: OpenAiModelSettings) {
    this.name = settings.name;
    this.contextWindow = settings.contextWindow;
    this.#settings = settings;
    const baseUrl = settings.client.baseURL.replace(/\/+$/, "");
    this.#target = { model: settings.name, api: settings.api.name, baseUrl, endpoint: `${baseUrl}${settings.api.path}` };
  }

  async complete(request: ModelRequest, options: CompleteOptions = {}): Promise<ModelResponse> {
    const { client, api, retry, timeoutMs, price } = this.#settings;
    const target = this.#target;
    const body = api.body(this.name, request);
    const send = () => postWithDeadline(client, api.path, body, timeoutMs, options.signal);
    const payload = await withRetries(send, (error) => classifyFailure(error, target), unavailable(target), retry, options);
    const reply = api.read(payload);
    if (!reply.ok) {
      throw new ModelError(
        "bad-request",
        `${target.endpoint} answered with something that is not a ${api.name} API response:\n${reply.problem}\n` +
          `Check that OPENAI_BASE_URL points at an OpenAI-compatible server and FERRY_MODEL_API=${api.name} is an API it serves.`,
      );
    }
    return { text: reply.text, toolCalls: reply.toolCalls, usage: reply.usage, costUsd: costOf(reply.usage, price) };
  }
}

// The SDK's own timer only backs up Ferry's deadline, which must fire first to be recognised.
const SDK_BACKSTOP_MS = 5_000;

/**
 * One attempt, bounded by Ferry's own deadline so a timeout is told apart from a dropped
 * connection whatever the fetch underneath throws. The generic post leaves the JSON as the
 * server sent it, so the shape check sees it before anything reads it.
 */
async function postWithDeadline(client: OpenAI, path: string, body: object, timeoutMs: number, signal: AbortSignal | undefined) {
  const deadline = AbortSignal.timeout(timeoutMs);
  try {
    const either = signal ? AbortSignal.any([signal, deadline]) : deadline;
    return await client.post<unknown>(path, { body, signal: either, timeout: timeoutMs + SDK_BACKSTOP_MS, maxRetries: 0 });
  } catch (error) {
    if (deadline.aborted && !signal?.aborted) throw new APIConnectionTimeoutError();
    throw error;
  }
}

function unavailable(target: ModelTarget) {
  return (reason: string, attempts: number) =>
    new ModelError(
      "unavailable",
      `${target.endpoint} is unavailable: ${attempts} attempts failed, the last with ${reason}. ` +
        "Check that the server is up and reachable (OPENAI_BASE_URL), or try again later.",
    );
}
