import { describe, expect, test } from "@jest/globals";
import { evidenceMarkdown } from "../../src/delivery/status/evidence-markdown.ts";
import { judgeRun } from "../../src/verification/judge.ts";
import { baselineBrief, evidenceLines } from "../../src/verification/evidence-text.ts";
import { testResults, type TestStatus } from "../../src/verification/test-results.ts";

const results = (cases: Record<string, TestStatus>) => testResults("jest", Object.entries(cases).map(([id, status]) => ({ id, status })));
const run = (exitCode: number) => ({ command: "npm test", passed: exitCode === 0, exitCode, timedOut: false, durationMs: 1, output: "" });
const evidence = (base: Record<string, TestStatus>, now: Record<string, TestStatus>, exitCode = 1) =>
  judgeRun({ run: run(1), results: results(base) }, { run: run(exitCode), results: results(now) }, { scope: "whole", mode: "per-test" }).evidence!;

describe("the evidence in words", () => {
  test("names what turned green, says there are no regressions, and names the pre-existing failure", () => {
    const lines = evidenceLines(evidence({ bug: "failed", old: "failed", a: "passed" }, { bug: "passed", old: "failed", a: "passed" }));
    expect(lines).toEqual([
      "Newly passing (failed on the base): 1 test: bug.",
      "Regressions: none.",
      "Pre-existing failures (failed on the base too, not blocking): 1 test: old.",
    ]);
  });

  test("names each regression", () => {
    expect(evidenceLines(evidence({ a: "passed", bug: "failed" }, { a: "failed", bug: "passed" }))).toContain("Regressions (passed on the base or new, fail now): 1 test: a.");
  });

  test("a long list shows the first names and how many more", () => {
    const base = Object.fromEntries(Array.from({ length: 30 }, (_, at) => [`t${at}`, "failed" as const]));
    const now = Object.fromEntries(Array.from({ length: 30 }, (_, at) => [`t${at}`, "passed" as const]));
    expect(evidenceLines(evidence(base, now, 0))[0]).toMatch(/^Newly passing \(failed on the base\): 30 tests: t0, t1, .*t9, and 20 more\.$/);
  });

  test("the exit-code fallback says why", () => {
    const judged = judgeRun(undefined, { run: run(0), results: undefined }, { scope: "whole", mode: "per-test" });
    expect(evidenceLines(judged.evidence!)).toEqual(["Judged by the exit code alone: there is no run of the tests on the base to compare with."]);
  });

  test("on GitHub a test name is a code span: a mention or a closing keyword in it does nothing", () => {
    const text = evidenceMarkdown(evidence({ "@octocat fixes #1 <b>x</b>": "failed" }, { "@octocat fixes #1 <b>x</b>": "passed" }, 0));
    expect(text).toContain("- Newly passing (failed on the base): 1 test: `@octocat fixes #1 <b>x</b>`.");
  });

  test("the agent is told which tests were red before it started, and how it is judged", () => {
    const brief = baselineBrief("npm test", { failing: ["old › flaky"], failingCount: 1, passingCount: 41 });
    expect(brief).toMatch(/41 tests pass/);
    expect(brief).toMatch(/1 test already fails on the base: old › flaky\. They are not your job unless the issue is about them\./);
    expect(brief).toMatch(/no test that passes on the base may fail/);
  });
});
