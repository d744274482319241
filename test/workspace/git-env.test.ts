import { afterEach, expect, test } from "@jest/globals";
import { gitEnvironment } from "../../src/workspace/git-env.ts";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

test("git sees none of the process's secrets", () => {
  process.env.OPENAI_API_KEY = "sk-model-key";
  process.env.PRIVATE_KEY = "-----BEGIN RSA PRIVATE KEY-----";
  const env = gitEnvironment([]);
  expect(Object.values(env).join("\n")).not.toMatch(/sk-model-key|PRIVATE KEY/);
});

test("git's own variables from the process are not inherited", () => {
  process.env.GIT_DIR = "/somewhere/else";
  process.env.GIT_SSH_COMMAND = "ssh -i key";
  const env = gitEnvironment([]);
  expect(env).not.toHaveProperty("GIT_DIR");
  expect(env).not.toHaveProperty("GIT_SSH_COMMAND");
});

test("git never prompts, and reads no system or user config", () => {
  expect(gitEnvironment([])).toMatchObject({ GIT_TERMINAL_PROMPT: "0", GCM_INTERACTIVE: "never", GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" });
});

test("hooks and fsmonitor are switched off for every call", () => {
  const env = gitEnvironment([["http.extraHeader", "X: y"]]);
  const config = Object.fromEntries(
    Array.from({ length: Number(env.GIT_CONFIG_COUNT) }, (_, index) => [env[`GIT_CONFIG_KEY_${index}`], env[`GIT_CONFIG_VALUE_${index}`]]),
  );
  expect(config).toMatchObject({ "core.hooksPath": "/dev/null", "core.fsmonitor": "false", "http.extraHeader": "X: y" });
});

test("paths git could fold onto .git on another file system are refused, and no untracked cache is read", () => {
  const env = gitEnvironment([]);
  const config = Object.fromEntries(
    Array.from({ length: Number(env.GIT_CONFIG_COUNT) }, (_, index) => [env[`GIT_CONFIG_KEY_${index}`], env[`GIT_CONFIG_VALUE_${index}`]]),
  );
  expect(config).toMatchObject({ "core.protectNTFS": "true", "core.protectHFS": "true", "core.untrackedCache": "false", "core.attributesFile": "/dev/null" });
});
