import { beforeAll, expect, test } from "@jest/globals";
import { describeEnv } from "../../src/config/describe-env.ts";
import { parseEnv } from "../../src/config/env.ts";
import { generateAppKey } from "./test-key.ts";

let key: string;

beforeAll(() => {
  key = generateAppKey();
});

test("secrets are replaced by [redacted] and URL passwords removed", () => {
  const env = parseEnv({
    APP_ID: "42",
    PRIVATE_KEY: key,
    WEBHOOK_SECRET: "hook-secret-value",
    OPENAI_API_KEY: "sk-live-123",
    OPENAI_BASE_URL: "https://user:basepass@llm.example.com/v1",
    DATABASE_URL: "postgres://ferry:dbpass@db:5432/ferry",
  });
  const summary = describeEnv(env);
  expect(summary).toMatchObject({
    mode: "app",
    app: { id: 42, privateKey: "[redacted]", webhookSecret: "[redacted]" },
    model: { apiKey: "[redacted]", baseUrl: "https://[redacted]@llm.example.com/v1" },
    databaseUrl: "postgres://[redacted]@db:5432/ferry",
  });
  const text = JSON.stringify(summary);
  for (const secret of ["BEGIN RSA", "hook-secret-value", "sk-live-123", "basepass", "dbpass"]) expect(text).not.toContain(secret);
});

test("setup mode says so and has no app", () => {
  expect(describeEnv(parseEnv({}))).toMatchObject({ mode: "setup", app: undefined, model: { apiKey: undefined } });
});
