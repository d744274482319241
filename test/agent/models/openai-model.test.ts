import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { setTimeout as delay } from "node:timers/promises";
import { createModel, type CreateModelOptions } from "../../../src/agent/models/create-model.ts";
import { ModelError } from "../../../src/agent/models/model-error.ts";
import type { RetryNotice } from "../../../src/agent/models/model.ts";
import { openAiErrorBody, startOpenAiServer, type OpenAiServer } from "../../helpers/openai-server.ts";
import { STEP } from "./conversation.ts";

let server: OpenAiServer;
beforeEach(async () => {
  server = await startOpenAiServer();
});
afterEach(async () => {
  await server.close();
});

describe.each(["responses", "chat"] as const)("the %s model", (api) => {
  const sleeps: number[] = [];
  const notices: RetryNotice[] = [];
  const onRetry = (notice: RetryNotice) => void notices.push(notice);
  beforeEach(() => {
    sleeps.length = 0;
    notices.length = 0;
  });

  function model(options: CreateModelOptions = {}) {
    return createModel(
      { name: "gpt-5.3-codex", api, apiKey: "sk-test", baseUrl: server.baseUrl },
      { sleep: async (ms) => void sleeps.push(ms), random: () => 0, ...options },
    );
  }

  test("waits as long as a 429's retry-after says, reports the retry, then answers", async () => {
    server.reply({ status: 429, headers: { "retry-after": "2" } }, { text: "done" });
    const response = await model().complete(STEP, { onRetry });
    expect(response.text).toBe("done");
    expect(notices).toEqual([{ attempt: 1, delayMs: 2000, reason: "429 Too Many Requests: stand-in fault 429" }]);
    expect(sleeps).toEqual([2000]);
  });

  test("retries a 500 after a backoff and sends the same body again", async () => {
    server.reply({ status: 500 }, { text: "done" });
    const response = await model().complete(STEP, { onRetry });
    expect(response.text).toBe("done");
    expect(notices).toEqual([{ attempt: 1, delayMs: 1000, reason: "500 Internal Server Error: stand-in fault 500" }]);
    expect(server.requests[1]?.raw).toBe(server.requests[0]?.raw);
  });

  test("retries a dropped connection", async () => {
    server.reply({ drop: true }, { text: "done" });
    const response = await model().complete(STEP, { onRetry });
    expect(response.text).toBe("done");
    expect(notices).toEqual([{ attempt: 1, delayMs: 1000, reason: expect.stringMatching(/^connection failed/) }]);
  });

  test("retries a request that outlives its timeout", async () => {
    server.reply({ hang: true }, { text: "done" });
    // Long enough that the retry's immediate reply is never itself cut off on a loaded machine (CI saw 200 ms do it).
    const response = await model({ timeoutMs: 2_000 }).complete(STEP, { onRetry });
    expect(response.text).toBe("done");
    expect(notices).toEqual([{ attempt: 1, delayMs: 1000, reason: "request timed out" }]);
  });

  test("backs off exponentially across retries", async () => {
    server.reply({ status: 503 }, { status: 502 }, { status: 500 }, { text: "done" });
    await model().complete(STEP, { onRetry });
    expect(sleeps).toEqual([1000, 2000, 4000]);
    expect(notices.map((notice) => notice.attempt)).toEqual([1, 2, 3]);
  });

  test("gives up as unavailable after the last attempt, naming the endpoint and the last reason", async () => {
    server.reply({ status: 500 }, { status: 502 }, { status: 503 });
    const failure = model({ maxRetries: 2 }).complete(STEP, { onRetry });
    await expect(failure).rejects.toBeInstanceOf(ModelError);
    const endpoint = `${server.baseUrl}/${api === "chat" ? "chat/completions" : "responses"}`;
    await expect(failure).rejects.toMatchObject({
      kind: "unavailable",
      message: expect.stringContaining(`${endpoint} is unavailable: 3 attempts failed, the last with 503 Service Unavailable`),
    });
    expect(server.requests).toHaveLength(3);
    expect(notices).toHaveLength(2);
  });

  test("fails at once on 401 with a message about OPENAI_API_KEY", async () => {
    server.reply({ status: 401, body: openAiErrorBody("Incorrect API key provided", "invalid_api_key") });
    await expect(model().complete(STEP, { onRetry })).rejects.toMatchObject({
      kind: "auth",
      message: expect.stringContaining("Check OPENAI_API_KEY"),
    });
    expect(server.requests).toHaveLength(1);
    expect(notices).toEqual([]);
  });

  test("fails at once on 403 as an auth error", async () => {
    server.reply({ status: 403, body: openAiErrorBody("Project does not have access") });
    await expect(model().complete(STEP, { onRetry })).rejects.toMatchObject({ kind: "auth" });
    expect(notices).toEqual([]);
  });

  test("fails at once on a 429 for an account without quota", async () => {
    server.reply({ status: 429, body: openAiErrorBody("You exceeded your current quota", "insufficient_quota") });
    await expect(model().complete(STEP, { onRetry })).rejects.toMatchObject({ kind: "auth", message: expect.stringContaining("billing") });
    expect(notices).toEqual([]);
  });

  test("reports a 404 as a model the server does not serve, naming FERRY_MODEL and the base URL", async () => {
    server.reply({ status: 404, body: openAiErrorBody("The model `gpt-5.3-codex` does not exist", "model_not_found") });
    await expect(model().complete(STEP, { onRetry })).rejects.toMatchObject({
      kind: "unknown-model",
      message: expect.stringContaining(`FERRY_MODEL=gpt-5.3-codex is not served by ${server.baseUrl}`),
    });
    expect(notices).toEqual([]);
  });

  test("reports a 400 that says the model is unknown as an unknown model", async () => {
    server.reply({ status: 400, body: openAiErrorBody("model 'gpt-5.3-codex' not found") });
    await expect(model().complete(STEP)).rejects.toMatchObject({ kind: "unknown-model" });
  });

  test("fails at once on another 4xx as a bad request carrying the provider's message", async () => {
    server.reply({ status: 400, body: openAiErrorBody("Invalid 'input[3].call_id': empty string.") });
    await expect(model().complete(STEP, { onRetry })).rejects.toMatchObject({
      kind: "bad-request",
      message: expect.stringContaining("400: Invalid 'input[3].call_id': empty string."),
    });
    expect(notices).toEqual([]);
  });

  test("keeps a plain-text error body as the provider's message", async () => {
    server.reply({ status: 422, body: "upstream says no" });
    await expect(model().complete(STEP)).rejects.toMatchObject({
      kind: "bad-request",
      message: expect.stringContaining("rejected the request (422: upstream says no)"),
    });
  });

  test("stops during a backoff when aborted, with the signal's reason", async () => {
    const controller = new AbortController();
    const stopped = new Error("task cancelled");
    server.reply({ status: 500 }, { text: "never sent" });
    const pending = model({ sleep: () => (controller.abort(stopped), new Promise<void>(() => {})) }).complete(STEP, { signal: controller.signal });
    await expect(pending).rejects.toBe(stopped);
    expect(server.requests).toHaveLength(1);
  });

  test("stops a request in flight when aborted, with the signal's reason", async () => {
    const controller = new AbortController();
    const stopped = new Error("task cancelled");
    server.reply({ hang: true });
    const pending = model().complete(STEP, { signal: controller.signal });
    await server.waitForRequests(1);
    controller.abort(stopped);
    await expect(pending).rejects.toBe(stopped);
  });

  test("an abort cuts the hanging request off at once, long before the 10-minute timeout, and it is never sent again", async () => {
    const controller = new AbortController();
    const stopped = new Error("@alice asked to stop");
    const fetchSignals: AbortSignal[] = [];
    const fetchRecording: typeof fetch = (input, init) => {
      if (init?.signal) fetchSignals.push(init.signal);
      return fetch(input, init);
    };
    server.reply({ hang: true }, { text: "only a retry would get this" });
    const pending = model({ fetch: fetchRecording }).complete(STEP, { signal: controller.signal, onRetry });
    await server.waitForRequests(1);
    controller.abort(stopped);
    await expect(pending).rejects.toBe(stopped);
    expect(fetchSignals.map((signal) => signal.aborted)).toEqual([true]);
    // A retry would go out at once: the injected sleep does not wait.
    await delay(200);
    expect({ requests: server.requests.length, notices, sleeps }).toEqual({ requests: 1, notices: [], sleeps: [] });
  });

  test("sends nothing when already aborted", async () => {
    const controller = new AbortController();
    controller.abort(new Error("too late"));
    await expect(model().complete(STEP, { signal: controller.signal })).rejects.toThrow("too late");
    expect(server.requests).toEqual([]);
  });
});
