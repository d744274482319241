import { afterAll, beforeAll, expect, test } from "@jest/globals";
import { execa } from "execa";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateAppKey } from "./test-key.ts";

let dir: string;
let keyPath: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ferry-exit-"));
  keyPath = join(dir, "app.pem");
  writeFileSync(keyPath, generateAppKey());
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("a bad environment exits with code 1 and one line on stderr naming the variable", async () => {
  const envModule = new URL("../../src/config/env.ts", import.meta.url).href;
  const script = `import { loadEnvOrExit } from ${JSON.stringify(envModule)}; loadEnvOrExit(); console.log("started");`;
  const result = await execa(process.execPath, ["--input-type=module", "-e", script], {
    env: { PATH: process.env.PATH, APP_ID: "7", PRIVATE_KEY_PATH: keyPath },
    extendEnv: false,
    reject: false,
  });
  expect(result.exitCode).toBe(1);
  expect(result.stdout).toBe("");
  expect(result.stderr.split("\n")).toHaveLength(1);
  expect(result.stderr).toMatch(/WEBHOOK_SECRET: required/);
});
