import { describe, expect, test } from "@jest/globals";
import { Writable } from "node:stream";
import { pino } from "pino";
import { createLogger, logFormatFor, redaction, type LogFormat } from "../src/logger.ts";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: pino({ level: "info", redact: redaction }, stream), lines };
}

/** Ferry's own logger, writing to an array instead of stdout. */
function ferryLogger(format: LogFormat) {
  const lines: string[] = [];
  return { log: createLogger("info", format, { write: (line: string) => lines.push(line) }), lines };
}

describe("the logger", () => {
  test.each([
    ["a token", { token: "ghs_supersecret" }],
    ["a nested API key", { model: { apiKey: "sk-supersecret" } }],
    ["a private key", { app: { privateKey: "-----BEGIN RSA PRIVATE KEY-----supersecret" } }],
    ["an authorization header", { req: { headers: { authorization: "token supersecret" } } }],
  ])("redacts %s", (_what, fields) => {
    const { log, lines } = capture();
    log.info(fields, "hello");
    expect(lines.join("")).not.toContain("supersecret");
    expect(lines.join("")).toContain("[redacted]");
  });

  test.each(["json", "pretty"] as const)("Ferry's logger redacts in %s too", (format) => {
    const { log, lines } = ferryLogger(format);
    log.info({ model: { apiKey: "sk-supersecret" } }, "hello");
    expect(lines.join("")).not.toContain("supersecret");
  });
});

describe("JSON lines", () => {
  test("a key that a child logger sets again appears once, with the innermost value", () => {
    const { log, lines } = ferryLogger("json");
    // Probot names each child it makes: probot, then github for an installation's client.
    log.child({ name: "probot" }).child({ name: "github", task: 1 }).info({ task: 2 }, "edited the status comment");
    const [line = ""] = lines;
    expect(line.match(/"name":/g)).toHaveLength(1);
    expect(line.match(/"task":/g)).toHaveLength(1);
    expect(JSON.parse(line)).toMatchObject({ name: "github", task: 2, msg: "edited the status comment", level: 30 });
  });

  test("each entry is one line of JSON", () => {
    const { log, lines } = ferryLogger("json");
    log.warn({ err: new Error("connect ECONNREFUSED") }, "could not update the status comment");
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith("\n")).toBe(true);
    expect(lines[0]?.trimEnd()).not.toContain("\n");
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({ err: { message: "connect ECONNREFUSED" } });
  });
});

describe("pretty lines", () => {
  test("are for people: level and message in words, fields below, no JSON braces", () => {
    const { log, lines } = ferryLogger("pretty");
    log.warn({ task: 7 }, "could not update the status comment");
    const text = lines.join("");
    expect(text).toMatch(/WARN.*could not update the status comment/);
    expect(text).toMatch(/task: 7/);
    expect(text.trimStart().startsWith("{")).toBe(false);
  });
});

describe("the format", () => {
  test.each([
    [undefined, true, "pretty"],
    [undefined, false, "json"],
    ["json", true, "json"],
    ["pretty", false, "pretty"],
  ] as const)("LOG_FORMAT=%s with a terminal %s is %s", (setting, terminal, format) => {
    expect(logFormatFor(setting, terminal)).toBe(format);
  });
});

describe("Ferry's own secrets in log lines", () => {
  test.each(["json", "pretty"] as const)("a remembered secret is masked in %s wherever it appears, message and error text included", async (format) => {
    const { rememberSecret } = await import("../src/policy/known-secrets.ts");
    rememberSecret("model-key-4f9a2c7e81d3");
    const { log, lines } = ferryLogger(format);
    log.warn({ reason: "provider said: invalid key model-key-4f9a2c7e81d3", err: new Error("echo model-key-4f9a2c7e81d3") }, "model refused model-key-4f9a2c7e81d3");
    expect(lines.join("")).not.toContain("model-key-4f9a2c7e81d3");
    expect(lines.join("")).toContain("[redacted]");
  });

  test("a password in a URL is masked in a JSON line", () => {
    const { log, lines } = ferryLogger("json");
    log.warn({ url: "https://user:hunter2hunter2@models.example.com/v1?api-key=abc123def456" }, "unreachable");
    expect(lines.join("")).not.toMatch(/hunter2hunter2|abc123def456/);
  });
});
