import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { APIError } from "openai";
import { classifyFailure } from "../../src/agent/models/classify-failure.ts";
import { renderStatusComment } from "../../src/delivery/status/status-comment.ts";
import { JsonlTrajectory } from "../../src/agent/trajectory/jsonl-trajectory.ts";
import { parseEnv } from "../../src/config/env.ts";
import { installationToken } from "../../src/github/installation-token.ts";
import { redactSecrets } from "../../src/policy/redact-secrets.ts";
import { scanPatchForSecrets, scanTextForSecrets } from "../../src/policy/secret-scan.ts";
import { generateAppKey } from "../config/test-key.ts";
import { sampleTask } from "../fixtures/tasks.ts";
import { diffOf } from "../policy/support/diff-of.ts";

/*
 * Attack: injected text asks the agent to print Ferry's own credentials (which a local sandbox
 * or a provider's error message can expose) or to write them into the change. Their values
 * have no recognisable shape (a self-hosted model's key, a webhook secret), so only an exact
 * match on the configured values catches them.
 */

const MODEL_KEY = "local-llm-7f3a9b2c4d5e";
const WEBHOOK_SECRET = "wh-correct-horse-battery";
const BASE_URL_PASSWORD = "proxy-pass-91c2";
const BASE_URL_KEY = "azure-key-55d0e1f2";
let privateKey: string;
let dir: string;

beforeAll(() => {
  privateKey = generateAppKey();
  dir = mkdtempSync(join(tmpdir(), "ferry-own-secrets-"));
  parseEnv({
    APP_ID: "1",
    PRIVATE_KEY: privateKey,
    WEBHOOK_SECRET,
    OPENAI_API_KEY: MODEL_KEY,
    OPENAI_BASE_URL: `https://ferry:${BASE_URL_PASSWORD}@llm.internal.example/v1?api-key=${BASE_URL_KEY}`,
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the configured model key", () => {
  test("in a diff blocks the push", async () => {
    const { patch } = await diffOf({ "notes.txt": "notes\n" }, { "notes.txt": `notes\nthe key is ${MODEL_KEY}\n` });
    expect(scanPatchForSecrets(patch)).toEqual([{ path: "notes.txt", line: 2, kind: "ferry-secret", excerpt: "the key is [redacted]" }]);
  });

  test("in a blob of the final tree blocks the push", () => {
    expect(scanTextForSecrets("out.log", `ok\n${MODEL_KEY}\n`)).toEqual([{ path: "out.log", line: 2, kind: "ferry-secret", excerpt: "[redacted]" }]);
  });

  test("in a trajectory is redacted", () => {
    const path = join(dir, "run.jsonl");
    const trajectory = new JsonlTrajectory(path);
    trajectory.record("tool-call", { name: "shell", output: `OPENAI_API_KEY=${MODEL_KEY}` });
    trajectory.close();
    expect(readFileSync(path, "utf8")).not.toContain(MODEL_KEY);
  });

  test("in a log line or a status comment is redacted", () => {
    expect(redactSecrets(`{"msg":"env","value":"${MODEL_KEY}"}`)).toBe('{"msg":"env","value":"[redacted]"}');
  });
});

test("error text in a status comment is redacted", () => {
  const body = renderStatusComment({ task: sampleTask({ state: "failed", result: { outcome: "error", message: `request with key ${MODEL_KEY} failed` } }), parts: [] });
  expect(body).toContain("request with key [redacted] failed");
});

test.each([
  ["the webhook secret", () => WEBHOOK_SECRET],
  ["the App's private key", () => privateKey],
])("%s in a diff blocks the push", async (_name, secret) => {
  const { patch } = await diffOf({ "a.txt": "a\n" }, { "a.txt": `a\n${secret()}\n` });
  expect(scanPatchForSecrets(patch).map((finding) => finding.line)).toContain(2);
});

test("an installation token Ferry was issued is redacted by value", async () => {
  const token = "v1.0123456789abcdef0123456789abcdef01234567";
  await installationToken({ auth: () => Promise.resolve({ token }) });
  expect(redactSecrets(`git push https://x-access-token:${token}@github.com/o/r`)).not.toContain(token);
});

describe("a model error", () => {
  const target = { model: "m", api: "chat" as const, baseUrl: "https://llm.internal.example/v1", endpoint: "https://llm.internal.example/v1/chat/completions" };

  test("that echoes the key shows up redacted", () => {
    const error = APIError.generate(401, { error: { message: `Incorrect API key provided: ${MODEL_KEY}.` } }, undefined, new Headers());
    const failure = classifyFailure(error, target);
    expect(failure.kind === "fatal" && failure.error.message).toContain("Incorrect API key provided: [redacted].");
  });

  test("that quotes the base URL's password and ?api-key= shows up redacted", () => {
    const quoted = `https://ferry:${BASE_URL_PASSWORD}@llm.internal.example/v1?api-key=${BASE_URL_KEY}`;
    const error = APIError.generate(400, { error: { message: `bad request to ${quoted}` } }, undefined, new Headers());
    const failure = classifyFailure(error, target);
    const message = failure.kind === "fatal" ? failure.error.message : "";
    expect(message).not.toContain(BASE_URL_PASSWORD);
    expect(message).not.toContain(BASE_URL_KEY);
  });

  test("with a password the patterns know nothing about, in a URL not configured anywhere, is redacted", () => {
    expect(redactSecrets("connect to https://user:hunter2hunter@other.example/x?token=abc123def")).toBe("connect to https://user:[redacted]@other.example/x?token=[redacted]");
  });
});
