import { describe, expect, test } from "@jest/globals";
import { Writable } from "node:stream";
import { pino } from "pino";
import { redaction } from "../src/logger.ts";

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
});
