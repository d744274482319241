import { describe, expect, test } from "@jest/globals";
import { readTestRun } from "../../../src/verification/read-test-run.ts";
import { useToolWorkspaces } from "./support/tool-workspace.ts";

describe("run_tests", () => {
  const workspace = useToolWorkspaces();

  test("a passing test command reports pass, exit code, duration and output", async () => {
    const { call } = await workspace({ testCommand: "echo '3 passed'" });
    const result = await call("run_tests");
    expect(result.output).toMatch(/^Tests passed: `echo '3 passed'` exited with code 0 after \d+(\.\d)? s\.\n3 passed\n$/);
    expect(result).toMatchObject({ isError: false, details: { passed: true, exitCode: 0, timedOut: false, durationMs: expect.any(Number) } });
  });

  test("a failing test command reports failure with its exit code and output", async () => {
    const { call } = await workspace({ testCommand: "echo '1 failed'; exit 1" });
    const result = await call("run_tests");
    expect(result.output).toMatch(/^Tests FAILED: `echo '1 failed'; exit 1` exited with code 1 after .*\n1 failed\n$/);
    expect(result).toMatchObject({ isError: true, details: { passed: false, exitCode: 1 } });
  });

  test("a test command that runs past the per-command limit fails as timed out", async () => {
    const { context } = await workspace({ testCommand: "echo running; sleep 30", commandTimeoutMs: 500 });
    expect((await readTestRun(context)).run).toMatchObject({ command: "echo running; sleep 30", passed: false, timedOut: true, output: "running\n" });
  });

  test("the harness gets the same run as a value", async () => {
    const { context } = await workspace({ testCommand: "echo ok" });
    expect((await readTestRun(context)).run).toEqual({ command: "echo ok", passed: true, exitCode: 0, timedOut: false, durationMs: expect.any(Number), output: "ok\n" });
  });

  test("the test command is the maintainer's own: the command policy does not apply to it", async () => {
    const { call } = await workspace({ testCommand: "echo ran", policy: { commands: { deny: ["echo *"], approve: [] } } });
    expect(await call("run_tests")).toMatchObject({ isError: false, details: { passed: true } });
  });

  test("with no test command configured, the run fails and says what to set", async () => {
    const { call } = await workspace({ testCommand: "" });
    expect(await call("run_tests")).toMatchObject({ isError: true, output: "Tests cannot run.\nNo test command is configured: set `test:` in .github/agent.yml." });
  });

  test("arguments are not accepted", async () => {
    const { call } = await workspace();
    expect(await call("run_tests", { filter: "unit" })).toMatchObject({ isError: true, output: expect.stringContaining('unknown parameter "filter"; run_tests takes no parameters') });
  });
});
