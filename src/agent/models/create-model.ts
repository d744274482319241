import { setTimeout as delay } from "node:timers/promises";
import { OpenAI, type ClientOptions } from "openai";
import type { Env } from "../../config/env.ts";
import { chatApi } from "./chat-api.ts";
import { contextWindowOf } from "./context-window.ts";
import type { Model } from "./model.ts";
import { OpenAiModel } from "./openai-model.ts";
import { priceOf } from "./pricing.ts";
import { responsesApi } from "./responses-api.ts";
import type { Sleep } from "./retry.ts";

/** What the model needs of `env.model`; the optional settings fall back to defaults and tables. */
export type ModelEnv = Pick<Env["model"], "name" | "api"> & Partial<Pick<Env["model"], "apiKey" | "baseUrl" | "price" | "contextWindow">>;

/** Seams for tests; production uses the defaults. */
export type CreateModelOptions = {
  fetch?: ClientOptions["fetch"];
  sleep?: Sleep;
  random?: () => number;
  /** Retries after the first attempt of a request. */
  maxRetries?: number;
  /** Per attempt, until the whole answer has arrived. */
  timeoutMs?: number;
};

export const DEFAULT_BASE_URL = "https://api.openai.com/v1";
export const DEFAULT_MAX_RETRIES = 4;
// Reasoning models can think for minutes before the first byte of a non-streamed answer.
export const DEFAULT_TIMEOUT_MS = 10 * 60_000;
// Local servers (Ollama, vLLM) need no key, but the SDK refuses to start without one.
const NO_API_KEY = "none";

const sleepFor: Sleep = (ms, signal) => delay(ms, undefined, { signal });

/** The configured model: FERRY_MODEL on OPENAI_BASE_URL through FERRY_MODEL_API. */
export function createModel(env: ModelEnv, options: CreateModelOptions = {}): Model {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const client = new OpenAI({
    apiKey: env.apiKey ?? NO_API_KEY,
    baseURL: env.baseUrl ?? DEFAULT_BASE_URL,
    maxRetries: 0,
    fetch: options.fetch,
  });
  return new OpenAiModel({
    name: env.name,
    contextWindow: contextWindowOf(env.name, env.contextWindow),
    price: priceOf(env.name, env.price),
    client,
    api: env.api === "chat" ? chatApi : responsesApi,
    retry: { maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES, sleep: options.sleep ?? sleepFor, random: options.random ?? Math.random },
    timeoutMs,
  });
}
