import { expect, test } from "@jest/globals";
import { warnIfNoModel } from "../../src/config/model-warning.ts";
import { recordingLog } from "../helpers/recording-log.ts";

test("with neither OPENAI_API_KEY nor OPENAI_BASE_URL, start-up warns that tasks will fail until one is set", () => {
  const log = recordingLog();
  warnIfNoModel({ name: "gpt-5.3-codex", apiKey: undefined, baseUrl: undefined }, log);
  expect(log.lines).toEqual([
    {
      level: "warn",
      fields: { model: "gpt-5.3-codex" },
      message: expect.stringMatching(/^No model is configured \(neither OPENAI_API_KEY nor OPENAI_BASE_URL is set\): tasks will fail .* until one is/),
    },
  ]);
});

test.each([
  ["a key", { apiKey: "sk-test", baseUrl: undefined }],
  ["a server of its own (Ollama needs no key)", { apiKey: undefined, baseUrl: "http://localhost:11434/v1" }],
])("with %s there is no warning", (_what, model) => {
  const log = recordingLog();
  warnIfNoModel({ name: "qwen3-coder", ...model }, log);
  expect(log.lines).toEqual([]);
});
