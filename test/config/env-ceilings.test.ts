import { describe, expect, test } from "@jest/globals";
import { EnvError, parseEnv } from "../../src/config/env.ts";

function problemOf(source: Record<string, string>): string {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.message;
    throw error;
  }
  throw new Error("expected parseEnv to fail");
}

describe("operator ceilings (FERRY_MAX_*)", () => {
  test("each is read", () => {
    const env = parseEnv({
      FERRY_MAX_STEPS: "80",
      FERRY_MAX_MINUTES: "30",
      FERRY_MAX_USD: "7.5",
      FERRY_MAX_TOKENS: "1000000",
      FERRY_MAX_COMMAND_SECONDS: "300",
      FERRY_MAX_SWEEP_PER_RUN: "1",
      FERRY_MAX_SWEEP_USD_PER_DAY: "12",
    });
    expect(env.ceilings).toEqual({ steps: 80, minutes: 30, usd: 7.5, tokens: 1_000_000, commandSeconds: 300, sweepPerRun: 1, sweepUsdPerDay: 12 });
  });

  test.each([
    ["FERRY_MAX_STEPS", "0", 'FERRY_MAX_STEPS: expected the most agent steps per run, a positive integer, got "0"'],
    ["FERRY_MAX_USD", "0", 'FERRY_MAX_USD: expected the most US dollars per run, a positive number like 20 or 7.5, got "0"'],
    ["FERRY_MAX_USD", "$20", 'FERRY_MAX_USD: expected the most US dollars per run, a positive number like 20 or 7.5, got "$20"'],
    ["FERRY_MAX_COMMAND_SECONDS", "1.5", "FERRY_MAX_COMMAND_SECONDS: expected the most seconds one command (setup included) may take"],
  ])("%s=%s is refused", (name, value, message) => {
    expect(problemOf({ [name]: value })).toContain(message);
  });
});

describe("sandbox settings", () => {
  test("FERRY_ALLOWED_IMAGES is a comma-separated list of patterns", () => {
    expect(parseEnv({ FERRY_ALLOWED_IMAGES: " node:*, ghcr.io/acme/* ,," }).sandbox.allowedImages).toEqual(["node:*", "ghcr.io/acme/*"]);
  });

  test("FERRY_IMAGE outside FERRY_ALLOWED_IMAGES stops start-up, naming both", () => {
    expect(problemOf({ FERRY_ALLOWED_IMAGES: "ghcr.io/acme/*" })).toBe("FERRY_IMAGE: node:24-bookworm is not in FERRY_ALLOWED_IMAGES (ghcr.io/acme/*)");
  });

  test("FERRY_ALLOW_LOCAL_SANDBOX is 1 or 0, off by default", () => {
    expect(parseEnv({}).sandbox.allowLocal).toBe(false);
    expect(parseEnv({ FERRY_ALLOW_LOCAL_SANDBOX: "1" }).sandbox.allowLocal).toBe(true);
    expect(problemOf({ FERRY_ALLOW_LOCAL_SANDBOX: "yes" })).toContain("FERRY_ALLOW_LOCAL_SANDBOX: expected 1");
  });

  test("FERRY_SANDBOX=local alone parses: the server refuses it, ferry run does not", () => {
    expect(parseEnv({ FERRY_SANDBOX: "local" }).sandbox).toMatchObject({ kind: "local", allowLocal: false });
  });

  test("FERRY_SANDBOX_DISK_MB is read, 10240 by default", () => {
    expect(parseEnv({}).sandbox.diskMb).toBe(10_240);
    expect(parseEnv({ FERRY_SANDBOX_DISK_MB: "512" }).sandbox.diskMb).toBe(512);
    expect(problemOf({ FERRY_SANDBOX_DISK_MB: "0" })).toContain("FERRY_SANDBOX_DISK_MB: expected megabytes a task's sandbox may write");
  });
});
