import { describe, expect, test, beforeAll, afterAll } from "@jest/globals";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EnvError, parseEnv } from "../../src/config/env.ts";
import { generateAppKey } from "./test-key.ts";

let key: string;
let dir: string;
let app: Record<string, string>;

beforeAll(() => {
  key = generateAppKey();
  dir = mkdtempSync(join(tmpdir(), "ferry-env-"));
  app = { APP_ID: "123", PRIVATE_KEY: key, WEBHOOK_SECRET: "hook-secret-value" };
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function problemOf(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.message;
    throw error;
  }
  throw new Error("expected parseEnv to fail");
}

describe("defaults", () => {
  test("an empty environment is setup mode with every default", () => {
    expect(parseEnv({})).toEqual({
      app: undefined,
      port: 3000,
      host: undefined,
      logLevel: "info",
      webhookProxyUrl: undefined,
      github: { host: undefined, protocol: "https", apiUrl: "https://api.github.com" },
      model: {
        apiKey: undefined,
        baseUrl: undefined,
        name: "gpt-5.3-codex",
        api: "responses",
        price: undefined,
        contextWindow: undefined,
        compactAt: 0.6,
      },
      sandbox: {
        kind: "docker",
        image: "node:24-bookworm",
        limits: { memoryMb: 4096, cpus: 2, pids: 1024 },
        network: "bridge",
        allowLocal: false,
        allowedImages: undefined,
        diskMb: 10_240,
      },
      ceilings: { steps: 200, minutes: 120, usd: 20, tokens: 20_000_000, commandSeconds: 1800, sweepPerRun: 10, sweepUsdPerDay: 50 },
      mirrorCacheBytes: 10_240 * 1024 * 1024,
      concurrency: 2,
      dataDir: "./data",
      databaseUrl: undefined,
    });
  });

  test("LOG_FORMAT unset is left to the logger, which looks at the terminal", () => {
    expect(parseEnv({})).toHaveProperty("logFormat", undefined);
    expect(parseEnv({ LOG_FORMAT: "json" }).logFormat).toBe("json");
  });

  test("empty strings count as unset", () => {
    expect(parseEnv({ PORT: "", APP_ID: "", FERRY_CONCURRENCY: "" })).toMatchObject({ port: 3000, app: undefined, concurrency: 2 });
  });

  test("unknown variables are ignored", () => {
    expect(() => parseEnv({ PATH: "/usr/bin", HOME: "/root", FERRY_UNKNOWN: "x" })).not.toThrow();
  });

  test("every variable is read", () => {
    const env = parseEnv({
      ...app,
      PORT: "8080",
      HOST: "0.0.0.0",
      LOG_LEVEL: "debug",
      LOG_FORMAT: "pretty",
      WEBHOOK_PROXY_URL: "https://smee.io/abc",
      OPENAI_API_KEY: "sk-test",
      OPENAI_BASE_URL: "http://localhost:11434/v1",
      FERRY_MODEL: "qwen3-coder",
      FERRY_MODEL_API: "chat",
      FERRY_MODEL_PRICE: "0.5, 0.05,2",
      FERRY_MODEL_CONTEXT: "32768",
      FERRY_COMPACT_AT: "75",
      FERRY_SANDBOX: "local",
      FERRY_IMAGE: "python:3.13",
      FERRY_SANDBOX_MEMORY_MB: "2048",
      FERRY_SANDBOX_CPUS: "4",
      FERRY_SANDBOX_PIDS: "256",
      FERRY_DOCKER_NETWORK: "ferry-setup",
      FERRY_MIRROR_CACHE_MB: "500",
      FERRY_CONCURRENCY: "64",
      FERRY_DATA_DIR: "/var/lib/ferry",
      DATABASE_URL: "postgres://ferry@db:5432/ferry",
    });
    expect(env).toMatchObject({
      app: { id: 123, webhookSecret: "hook-secret-value" },
      port: 8080,
      host: "0.0.0.0",
      logLevel: "debug",
      logFormat: "pretty",
      webhookProxyUrl: "https://smee.io/abc",
      model: {
        apiKey: "sk-test",
        baseUrl: "http://localhost:11434/v1",
        name: "qwen3-coder",
        api: "chat",
        price: { input: 0.5, cachedInput: 0.05, output: 2 },
        contextWindow: 32768,
        compactAt: 0.75,
      },
      sandbox: { kind: "local", image: "python:3.13", limits: { memoryMb: 2048, cpus: 4, pids: 256 }, network: "ferry-setup" },
      mirrorCacheBytes: 500 * 1024 * 1024,
      concurrency: 64,
      dataDir: "/var/lib/ferry",
      databaseUrl: "postgres://ferry@db:5432/ferry",
    });
  });
});

describe("GitHub Enterprise", () => {
  test("GHE_HOST points the API at <protocol>://<host>/api/v3", () => {
    expect(parseEnv({ GHE_HOST: "github.example.com" }).github).toEqual({
      host: "github.example.com",
      protocol: "https",
      apiUrl: "https://github.example.com/api/v3",
    });
  });

  test("GHE_PROTOCOL and a port reach a local GitHub stand-in", () => {
    expect(parseEnv({ GHE_HOST: "127.0.0.1:3456", GHE_PROTOCOL: "http" }).github.apiUrl).toBe("http://127.0.0.1:3456/api/v3");
  });
});

describe("App credentials", () => {
  test("APP_ID, PRIVATE_KEY and WEBHOOK_SECRET make an App", () => {
    expect(parseEnv(app).app).toEqual({ id: 123, privateKey: key, webhookSecret: "hook-secret-value" });
  });

  test("a \\n-escaped key is accepted, as Probot does", () => {
    expect(parseEnv({ ...app, PRIVATE_KEY: key.trim().replaceAll("\n", "\\n") }).app?.privateKey).toBe(key);
  });

  test("a base64-encoded key is accepted, as Probot does", () => {
    expect(parseEnv({ ...app, PRIVATE_KEY: Buffer.from(key).toString("base64") }).app?.privateKey).toBe(key);
  });

  test("a key flattened onto one line gets its newlines back", () => {
    expect(parseEnv({ ...app, PRIVATE_KEY: key.trim().replaceAll("\n", " ") }).app?.privateKey).toBe(key);
  });

  test("PRIVATE_KEY_PATH is read from disk", () => {
    const path = join(dir, "app.pem");
    writeFileSync(path, key);
    expect(parseEnv({ ...app, PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: path }).app?.privateKey).toBe(key);
  });

  test("APP_ID without a key names PRIVATE_KEY", () => {
    expect(problemOf({ APP_ID: "123", WEBHOOK_SECRET: "s" })).toMatch(/^PRIVATE_KEY: required when APP_ID is set/);
  });

  test("a key without APP_ID names APP_ID", () => {
    expect(problemOf({ PRIVATE_KEY: key, WEBHOOK_SECRET: "s" })).toMatch(/^APP_ID: required/);
  });

  test("App credentials without WEBHOOK_SECRET name WEBHOOK_SECRET", () => {
    expect(problemOf({ APP_ID: "123", PRIVATE_KEY: key })).toMatch(/^WEBHOOK_SECRET: required .*unsigned webhooks/);
  });

  test("an unreadable PRIVATE_KEY_PATH is named with the path", () => {
    const path = join(dir, "missing.pem");
    expect(problemOf({ ...app, PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: path })).toBe(
      `PRIVATE_KEY_PATH: cannot read ${JSON.stringify(path)} (no such file)`,
    );
  });

  test("a PRIVATE_KEY_PATH file without a key is named", () => {
    const path = join(dir, "not-a-key.pem");
    writeFileSync(path, "hello\n");
    expect(problemOf({ ...app, PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: path })).toMatch(/^PRIVATE_KEY_PATH: .* does not contain a PEM private key$/);
  });

  test("a PRIVATE_KEY that is not PEM is named", () => {
    expect(problemOf({ ...app, PRIVATE_KEY: "not-a-key" })).toMatch(/^PRIVATE_KEY: expected a PEM private key/);
  });

  test("a truncated PEM key is rejected at start-up, not at the first JWT", () => {
    const lines = key.trim().split("\n");
    const truncated = [...lines.slice(0, 5), ...lines.slice(-1)].join("\n");
    expect(problemOf({ ...app, PRIVATE_KEY: truncated })).toMatch(/^PRIVATE_KEY: /);
  });

  test("APP_ID must be a positive integer", () => {
    expect(problemOf({ ...app, APP_ID: "abc" })).toBe(`APP_ID: expected the GitHub App's ID, a positive integer, got "abc"`);
    expect(problemOf({ ...app, APP_ID: "0" })).toMatch(/^APP_ID: /);
  });
});

describe("bad values name the variable and what is expected", () => {
  test.each([
    ["PORT", "http", 'PORT: expected a port number from 1 to 65535, got "http"'],
    ["PORT", "65536", 'PORT: expected a port number from 1 to 65535, got "65536"'],
    ["PORT", "0", 'PORT: expected a port number from 1 to 65535, got "0"'],
    ["LOG_LEVEL", "loud", 'LOG_LEVEL: expected one of trace, debug, info, warn, error, fatal, got "loud"'],
    ["LOG_FORMAT", "text", 'LOG_FORMAT: expected json or pretty, got "text"'],
    ["GHE_HOST", "https://github.example.com", "GHE_HOST: expected a host with an optional :port and no scheme"],
    ["GHE_PROTOCOL", "ftp", 'GHE_PROTOCOL: expected http or https, got "ftp"'],
    ["WEBHOOK_PROXY_URL", "smee.io/abc", "WEBHOOK_PROXY_URL: expected an http(s) URL"],
    ["OPENAI_BASE_URL", "localhost:11434", 'OPENAI_BASE_URL: expected an http(s) URL, like https://api.openai.com/v1, got "localhost:11434"'],
    ["FERRY_MODEL_API", "completions", 'FERRY_MODEL_API: expected responses or chat, got "completions"'],
    ["FERRY_MODEL_PRICE", "1.25", 'FERRY_MODEL_PRICE: expected three US-dollar prices per million tokens, input,cached input,output, like 1.25,0.125,10, got "1.25"'],
    ["FERRY_MODEL_PRICE", "a,b,c", "FERRY_MODEL_PRICE: expected three US-dollar prices per million tokens"],
    ["FERRY_COMPACT_AT", "99", 'FERRY_COMPACT_AT: expected a percentage of the context window from 10 to 95, got "99"'],
    ["FERRY_SANDBOX", "vm", 'FERRY_SANDBOX: expected docker or local, got "vm"'],
    ["FERRY_CONCURRENCY", "abc", 'FERRY_CONCURRENCY: expected an integer from 1 to 64, got "abc"'],
    ["FERRY_CONCURRENCY", "0", 'FERRY_CONCURRENCY: expected an integer from 1 to 64, got "0"'],
    ["FERRY_CONCURRENCY", "65", 'FERRY_CONCURRENCY: expected an integer from 1 to 64, got "65"'],
    ["FERRY_CONCURRENCY", "1e1", 'FERRY_CONCURRENCY: expected an integer from 1 to 64, got "1e1"'],
    ["DATABASE_URL", "mysql://db/ferry", 'DATABASE_URL: expected a postgres:// or postgresql:// URL, like postgres://ferry:PASSWORD@db:5432/ferry, got "mysql://db/ferry"'],
  ])("%s=%s", (name, value, message) => {
    expect(problemOf({ [name]: value })).toContain(message);
  });

  test("several bad values are all named, on one line", () => {
    const message = problemOf({ PORT: "x", FERRY_SANDBOX: "vm" });
    expect(message).toMatch(/^PORT: .*; FERRY_SANDBOX: /);
    expect(message).not.toContain("\n");
  });

  test("the error keeps each problem for callers that want a list", () => {
    expect(() => parseEnv({ PORT: "x", FERRY_SANDBOX: "vm" })).toThrow(
      expect.objectContaining({ name: "EnvError", problems: [expect.stringMatching(/^PORT/), expect.stringMatching(/^FERRY_SANDBOX/)] }),
    );
  });
});

describe("secrets never appear in messages", () => {
  test("a bad PRIVATE_KEY is not echoed", () => {
    const message = problemOf({ ...app, PRIVATE_KEY: "super-secret-not-a-pem" });
    expect(message).not.toContain("super-secret");
  });

  test("no part of a real key or secret leaks when another variable is wrong", () => {
    const message = problemOf({ ...app, OPENAI_API_KEY: "sk-live-123", PORT: "nope" });
    for (const secret of [key.split("\n")[1] ?? key, "hook-secret-value", "sk-live-123"]) expect(message).not.toContain(secret);
  });

  test("a password in a bad URL is not echoed", () => {
    const message = problemOf({ DATABASE_URL: "mysql://ferry:hunter2@db:3306" });
    expect(message).toBe('DATABASE_URL: expected a postgres:// or postgresql:// URL, like postgres://ferry:PASSWORD@db:5432/ferry, got "mysql://[redacted]@db:3306"');
  });

  test.each([
    ["FERRY_DATABASE_URL", "http://:pa/ss@db:5432"],
    ["GHE_HOST", "admin:pa55@github.example.com"],
    ["OPENAI_BASE_URL", "ftp://user:pa55@llm/v1"],
  ])("credentials in a mistyped %s are not echoed either", (name, value) => {
    const message = problemOf({ [name]: value });
    expect(message).toMatch(new RegExp(`^${name}: `));
    expect(message).not.toMatch(/pa55|pa\/ss/);
  });
});
