import { expect, test } from "@jest/globals";
import { describeEnv } from "../../src/config/describe-env.ts";
import { EnvError, parseEnv } from "../../src/config/env.ts";
import { redactKnownSecrets } from "../../src/policy/redact-secrets.ts";

function problemOf(source: Record<string, string>): string {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.message;
    throw error;
  }
  throw new Error("expected parseEnv to fail");
}

test("without DATABASE_URL Ferry stays on SQLite (no database URL)", () => {
  expect(parseEnv({}).databaseUrl).toBeUndefined();
});

test.each(["postgres://ferry@db:5432/ferry", "postgresql://ferry@db/ferry?sslmode=require"])("DATABASE_URL=%s is taken", (url) => {
  expect(parseEnv({ DATABASE_URL: url }).databaseUrl).toBe(url);
});

test("FERRY_DATABASE_URL overrides DATABASE_URL", () => {
  const env = parseEnv({ DATABASE_URL: "postgres://shared-db/other", FERRY_DATABASE_URL: "postgres://db/ferry" });
  expect(env.databaseUrl).toBe("postgres://db/ferry");
});

test("FERRY_DATABASE_URL alone is enough", () => {
  expect(parseEnv({ FERRY_DATABASE_URL: "postgres://db/ferry" }).databaseUrl).toBe("postgres://db/ferry");
});

test("a bad FERRY_DATABASE_URL is named with what it should be", () => {
  expect(problemOf({ FERRY_DATABASE_URL: "db:5432" })).toBe(
    'FERRY_DATABASE_URL: expected a postgres:// or postgresql:// URL, like postgres://ferry:PASSWORD@db:5432/ferry, got "db:5432"',
  );
});

test("a password in the query of a bad URL is not echoed", () => {
  const message = problemOf({ DATABASE_URL: "mysql://db/ferry?user=ferry&password=hunter2" });
  expect(message).toContain('got "mysql://db/ferry?user=ferry&password=[redacted]"');
  expect(message).not.toContain("hunter2");
});

test("the logged environment has neither the user info nor a query password", () => {
  const env = parseEnv({ DATABASE_URL: "postgres://ferry:pw1@db/ferry?password=pw2&sslmode=require" });
  expect(describeEnv(env).databaseUrl).toBe("postgres://[redacted]@db/ferry?password=[redacted]&sslmode=require");
});

test("FERRY_REDIS_URL is no longer read", () => {
  const env = parseEnv({ FERRY_REDIS_URL: "redis://cache:6379" });
  expect(JSON.stringify(env)).not.toContain("redis");
});

test("the database password is redacted wherever Ferry writes text (logs, trajectories)", () => {
  parseEnv({ DATABASE_URL: "postgres://ferry:db-password-42@db/ferry" });
  expect(redactKnownSecrets("connect failed for db-password-42")).not.toContain("db-password-42");
});

test("FERRY_METRICS_TOKEN is read, redacted in the logged environment, and never echoed when too short", () => {
  const env = parseEnv({ FERRY_METRICS_TOKEN: "metrics-token-0123456789" });
  expect(env.metricsToken).toBe("metrics-token-0123456789");
  expect(describeEnv(env).metricsToken).toBe("[redacted]");
  const message = problemOf({ FERRY_METRICS_TOKEN: "short-secret" });
  expect(message).toBe("FERRY_METRICS_TOKEN: expected a token of at least 16 characters that Prometheus sends as a bearer token");
});
