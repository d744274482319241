import { afterEach, expect, test } from "@jest/globals";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Check, fail, ok, runCheck, skip } from "../../src/cli/doctor-check.ts";
import { modelCheck } from "../../src/cli/doctor-model.ts";
import { runDoctor } from "../../src/cli/doctor.ts";
import { rememberSecret } from "../../src/policy/known-secrets.ts";

const check = (name: string, run: Check["run"]): Check => ({ name, run });

async function doctor(checks: Check[], timeoutMs = 1000): Promise<{ code: number; lines: string[] }> {
  let text = "";
  const code = await runDoctor(checks, (part) => void (text += part), timeoutMs);
  return { code, lines: text.trimEnd().split("\n") };
}

test("one line per check, in order, with its status and reason; exit 0 when none failed", async () => {
  const result = await doctor([check("database", async () => ok("SQLite in ./data (writable)")), check("queue", async () => skip("in-process queue"))]);
  expect(result).toEqual({ code: 0, lines: ["ok    database  SQLite in ./data (writable)", "skip  queue     in-process queue"] });
});

test("any failed check makes the exit code 1", async () => {
  const result = await doctor([check("database", async () => ok("fine")), check("github", async () => fail("refused"))]);
  expect(result.code).toBe(1);
  expect(result.lines[1]).toBe("fail  github    refused");
});

test("a check that throws fails with its message", async () => {
  const result = await doctor([check("docker", async () => Promise.reject(new Error("socket hang up")))]);
  expect(result).toEqual({ code: 1, lines: ["fail  docker  socket hang up"] });
});

test("a secret Ferry knows never reaches a line", async () => {
  rememberSecret("doctor-known-secret-1");
  const result = await doctor([check("model", async () => fail("server said: bad key doctor-known-secret-1"))]);
  expect(result.lines[0]).not.toContain("doctor-known-secret-1");
});

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

test("an endpoint that accepts and never answers is a failure after the check's time, not a hang", async () => {
  server = createServer(() => {});
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  const started = Date.now();
  const result = await runCheck(modelCheck({ baseUrl: base, name: "m" }), 300);
  expect(result).toEqual({ status: "fail", detail: "no answer within 0.3 s" });
  expect(Date.now() - started).toBeLessThan(2000);
});

test("the checks run at once: three slow checks take the time of one", async () => {
  const slow = () => check("slow", () => new Promise((resolve) => setTimeout(() => resolve(ok("done")), 300)));
  const started = Date.now();
  await doctor([slow(), slow(), slow()]);
  expect(Date.now() - started).toBeLessThan(800);
});
