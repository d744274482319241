import { expect, test } from "@jest/globals";
import nock from "nock";
import { runCheck } from "../../src/cli/doctor-check.ts";
import { modelCheck } from "../../src/cli/doctor-model.ts";
import { freePort } from "../helpers/process.ts";

const BASE = "https://llm.example.com/v1";

test("GET /models with the key: ok, and the configured model is listed", async () => {
  nock(BASE, { reqheaders: { authorization: "Bearer sk-doctor" } }).get("/models").reply(200, { data: [{ id: "qwen3-coder" }, { id: "other" }] });
  expect(await runCheck(modelCheck({ apiKey: "sk-doctor", baseUrl: BASE, name: "qwen3-coder" }), 5000)).toEqual({ status: "ok", detail: `${BASE} answers; qwen3-coder is listed` });
});

test("a model the endpoint does not list is said, not failed (some servers list few)", async () => {
  nock(BASE).get("/models").reply(200, { data: [] });
  expect(await runCheck(modelCheck({ baseUrl: BASE, name: "gpt-5.3-codex" }), 5000)).toEqual({
    status: "ok",
    detail: `${BASE} answers; gpt-5.3-codex (FERRY_MODEL) is not in its list of models`,
  });
});

test("a refused key fails, naming OPENAI_API_KEY and never the key", async () => {
  nock(BASE).get("/models").reply(401, { error: { message: "Incorrect API key provided: sk-wrong-123" } });
  const result = await runCheck(modelCheck({ apiKey: "sk-wrong-123", baseUrl: BASE, name: "m" }), 5000);
  expect(result).toEqual({ status: "fail", detail: `${BASE} refused the API key (401): check OPENAI_API_KEY` });
});

test("without OPENAI_BASE_URL the check asks OpenAI", async () => {
  nock("https://api.openai.com/v1").get("/models").reply(200, { data: [{ id: "gpt-5.3-codex" }] });
  expect((await runCheck(modelCheck({ apiKey: "sk-x", name: "gpt-5.3-codex" }), 5000)).status).toBe("ok");
});

test("an endpoint nobody listens at fails with the connection's words", async () => {
  const base = `http://127.0.0.1:${await freePort()}/v1`;
  expect(await runCheck(modelCheck({ baseUrl: base, name: "m" }), 5000)).toEqual({
    status: "fail",
    detail: expect.stringMatching(new RegExp(`^the model endpoint ${base.replaceAll(".", "\\.")} is unreachable: connect ECONNREFUSED`)),
  });
});
