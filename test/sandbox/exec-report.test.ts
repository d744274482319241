import { describe, expect, test } from "@jest/globals";
import { execDetails, execOutput, execStatus } from "../../src/sandbox/exec-report.ts";
import type { ExecResult } from "../../src/sandbox/sandbox.ts";

const ended = (overrides: Partial<ExecResult>): ExecResult => ({ exitCode: 0, output: "", truncated: false, timedOut: false, oomKilled: false, durationMs: 1234, ...overrides });

describe("execStatus", () => {
  test("a finished command gives its exit code and duration", () => {
    expect(execStatus(ended({ exitCode: 2 }), 60_000)).toBe("Exit code 2 (1.2 s).");
  });

  test("a timeout names the limit and says everything the command started was killed", () => {
    expect(execStatus(ended({ exitCode: 137, timedOut: true }), 90_000)).toBe("Stopped after 90 s: the command reached its time limit and was killed, with everything it started.");
  });

  test("an OOM kill is called out of memory, with what to do about it", () => {
    expect(execStatus(ended({ exitCode: 137, oomKilled: true }), 60_000)).toBe(
      "Out of memory: a process of the command was killed for using more memory than the sandbox allows (exit code 137). Use less memory, e.g. fewer parallel workers.",
    );
  });

  test("a shell that died before the command ended is reported as such", () => {
    expect(execStatus(ended({ exitCode: null }), 60_000)).toBe("The sandbox shell ended before the command finished (after 1.2 s).");
  });
});

describe("execOutput and execDetails", () => {
  test("empty output reads as (no output)", () => {
    expect(execOutput(ended({ output: "" }))).toBe("(no output)");
  });

  test("the details carry facts and the output's size, never the output", () => {
    const details = execDetails(ended({ output: "secret-looking output", truncated: true }), 5000);
    expect(details).toEqual({ exitCode: 0, durationMs: 1234, timeoutMs: 5000, timedOut: false, oomKilled: false, truncated: true, outputBytes: 21 });
  });
});
