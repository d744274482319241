import { expect, test } from "@jest/globals";
import { runMigrate, type Migrate } from "../../src/cli/migrate.ts";
import { rememberSecret } from "../../src/policy/known-secrets.ts";

function io() {
  const text = { out: "", err: "" };
  return { text, out: (part: string) => void (text.out += part), err: (part: string) => void (text.err += part) };
}
const URL = "postgres://ferry:migrate-pass@db:5432/ferry";
const never: Migrate = async () => {
  throw new Error("migrate should not be called");
};

test("in SQLite mode it says start-up migrates, and exits 0 without touching anything", async () => {
  const output = io();
  expect(await runMigrate([], { databaseUrl: undefined, dataDir: "/var/lib/ferry" }, output, never)).toBe(0);
  expect(output.text.out).toBe("No DATABASE_URL: Ferry uses SQLite in /var/lib/ferry, whose schema every start migrates. Nothing to do.\n");
});

test("with DATABASE_URL it migrates that database and says what it applied, without the password", async () => {
  const output = io();
  const asked: string[] = [];
  const migrate: Migrate = async (url) => (asked.push(url), { applied: 3, current: 3 });
  expect(await runMigrate([], { databaseUrl: URL, dataDir: "./data" }, output, migrate)).toBe(0);
  expect(asked).toEqual([URL]);
  expect(output.text.out).toBe("PostgreSQL at postgres://[redacted]@db:5432/ferry: applied 3 migrations; schema now at version 3.\n");
});

test("an up-to-date schema is nothing to do", async () => {
  const output = io();
  await runMigrate([], { databaseUrl: URL, dataDir: "./data" }, output, async () => ({ applied: 0, current: 3 }));
  expect(output.text.out).toBe("PostgreSQL at postgres://[redacted]@db:5432/ferry: schema already at version 3; nothing to do.\n");
});

test("a failed migration exits 1 with the reason, secrets redacted", async () => {
  rememberSecret("migrate-pass");
  const output = io();
  const code = await runMigrate([], { databaseUrl: URL, dataDir: "./data" }, output, async () => Promise.reject(new Error("could not connect with migrate-pass")));
  expect(code).toBe(1);
  expect(output.text.err).toMatch(/^ferry migrate: PostgreSQL at postgres:\/\/\[redacted\]@db:5432\/ferry: could not connect with /);
  expect(output.text.err).not.toContain("migrate-pass");
});

test("an argument it does not take is a usage error (exit 2)", async () => {
  const output = io();
  expect(await runMigrate(["--dry-run"], { databaseUrl: URL, dataDir: "./data" }, output, never)).toBe(2);
  expect(output.text.err).toContain('ferry migrate: unexpected argument "--dry-run"');
});
