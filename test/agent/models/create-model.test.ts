import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { createModel, type ModelEnv } from "../../../src/agent/models/create-model.ts";
import { startOpenAiServer, type OpenAiServer } from "../../helpers/openai-server.ts";
import { STEP } from "./conversation.ts";

let server: OpenAiServer;
beforeEach(async () => {
  server = await startOpenAiServer();
});
afterEach(async () => {
  await server.close();
});

const env = (overrides: Partial<ModelEnv> = {}): ModelEnv => ({
  name: "gpt-5.3-codex",
  api: "responses",
  apiKey: "sk-test",
  baseUrl: server.baseUrl,
  ...overrides,
});

describe("createModel", () => {
  test("speaks the Responses API when FERRY_MODEL_API is responses", async () => {
    server.reply({ text: "done" });
    await createModel(env()).complete(STEP);
    expect(server.requests.map((request) => request.path)).toEqual(["/v1/responses"]);
  });

  test("speaks Chat Completions when FERRY_MODEL_API is chat", async () => {
    server.reply({ text: "done" });
    await createModel(env({ api: "chat" })).complete(STEP);
    expect(server.requests.map((request) => request.path)).toEqual(["/v1/chat/completions"]);
  });

  test("names the model and takes its context window from the catalog", () => {
    expect(createModel(env())).toMatchObject({ name: "gpt-5.3-codex", contextWindow: 400_000 });
  });

  test("takes FERRY_MODEL_CONTEXT over the catalog", () => {
    expect(createModel(env({ contextWindow: 50_000 })).contextWindow).toBe(50_000);
  });

  test("prices responses with FERRY_MODEL_PRICE over the table", async () => {
    server.reply({ text: "ok", usage: { inputTokens: 1_000_000, cachedInputTokens: 0, outputTokens: 0 } });
    const response = await createModel(env({ price: { input: 3, cachedInput: 1, output: 9 } })).complete(STEP);
    expect(response.costUsd).toBeCloseTo(3, 10);
  });

  test("leaves the cost of an unknown model unknown", async () => {
    server.reply({ text: "ok" });
    const response = await createModel(env({ name: "qwen2.5-coder:32b", api: "chat" })).complete(STEP);
    expect(response.costUsd).toBeNull();
  });

  test("sends through an injected fetch", async () => {
    const urls: string[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      urls.push(String(input));
      return fetch(input, init);
    };
    server.reply({ text: "ok" });
    await createModel(env(), { fetch: recordingFetch }).complete(STEP);
    expect(urls).toEqual([`${server.baseUrl}/responses`]);
  });

  test("works without an API key, for local servers that need none", async () => {
    server.reply({ text: "ok" });
    const response = await createModel(env({ apiKey: undefined })).complete(STEP);
    expect(response.text).toBe("ok");
  });
});
