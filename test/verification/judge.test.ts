import { describe, expect, test } from "@jest/globals";
import type { TestRun } from "../../src/tasks/agent-outcome.ts";
import { FLAKY_RERUNS, judgedTestRun, judgeRun, type Baseline, type ReadRun } from "../../src/verification/judge.ts";
import { testResults, type TestStatus } from "../../src/verification/test-results.ts";

const run = (exitCode: number, extra: Partial<TestRun> = {}): TestRun => ({ command: "npm test", passed: exitCode === 0, exitCode, timedOut: false, durationMs: 10, output: "", ...extra });
const results = (cases: Record<string, TestStatus>) => testResults("jest", Object.entries(cases).map(([id, status]) => ({ id, status })));
const read = (cases: Record<string, TestStatus>, exitCode = Object.values(cases).includes("failed") ? 1 : 0): ReadRun => ({ run: run(exitCode), results: results(cases) });
const baseOf = (cases: Record<string, TestStatus>): Baseline => read(cases);
const whole = { scope: "whole", mode: "per-test" } as const;
const prefix = { scope: "prefix", mode: "per-test" } as const;

describe("a change judged test by test against the base", () => {
  test("a test that failed on the base and passes now is credited, and the change is ready", () => {
    const judged = judgeRun(baseOf({ a: "passed", bug: "failed" }), read({ a: "passed", bug: "passed" }), whole);
    expect(judged.passed).toBe(true);
    expect(judged.evidence).toMatchObject({ mode: "per-test", newlyPassing: ["bug"], regressions: [], counts: { passing: 2, newlyPassing: 1 } });
  });

  test("a test that passed on the base and fails now is a regression: not ready, and it is named", () => {
    const judged = judgeRun(baseOf({ a: "passed", bug: "failed" }), read({ a: "failed", bug: "passed" }), whole);
    expect(judged.passed).toBe(false);
    expect(judged.evidence?.regressions).toEqual(["a"]);
  });

  test("an unrelated test red on the base and still red does not block; it is reported as pre-existing", () => {
    const judged = judgeRun(baseOf({ flaky: "failed", bug: "failed", a: "passed" }), read({ flaky: "failed", bug: "passed", a: "passed" }), whole);
    expect(judged.exitCode).toBe(1);
    expect(judged.passed).toBe(true);
    expect(judged.evidence).toMatchObject({ preExisting: ["flaky"], newlyPassing: ["bug"], regressions: [] });
  });

  test("a new test the change brings counts as green, so a change with its own passing test is ready", () => {
    const judged = judgeRun(baseOf({ a: "passed" }), read({ a: "passed", "new test": "passed" }), whole);
    expect(judged.passed).toBe(true);
    expect(judged.evidence?.added).toEqual(["new test"]);
  });

  test("a new test that fails is a regression", () => {
    const judged = judgeRun(baseOf({ a: "passed" }), read({ a: "passed", "new test": "failed" }), whole);
    expect(judged.passed).toBe(false);
    expect(judged.evidence?.regressions).toEqual(["new test"]);
  });

  test("the whole change must turn something green; all green with nothing new is not ready, and says why", () => {
    const judged = judgeRun(baseOf({ a: "passed" }), read({ a: "passed" }), whole);
    expect(judged.passed).toBe(false);
    expect(judged.evidence?.why).toMatch(/no test that failed on the base passes now/);
  });

  test("a prefix of the stack passes with no regressions though nothing turned green yet", () => {
    const judged = judgeRun(baseOf({ a: "passed", guard: "failed" }), read({ a: "passed", guard: "failed" }), prefix);
    expect(judged.passed).toBe(true);
    expect(judged.evidence?.preExisting).toEqual(["guard"]);
  });

  test("a new test may still fail in a prefix (a later part makes it pass); in the whole change it may not", () => {
    const base = baseOf({ a: "passed" });
    const now = read({ a: "passed", guard: "failed" });
    expect(judgeRun(base, now, prefix).passed).toBe(true);
    expect(judgeRun(base, now, whole).passed).toBe(false);
  });

  test("a prefix that breaks a passing test does not pass", () => {
    expect(judgeRun(baseOf({ a: "passed", guard: "failed" }), read({ a: "failed", guard: "failed" }), prefix).passed).toBe(false);
  });

  test("a test that passed on the base and is gone or skipped is named; with exit 0 it does not block", () => {
    const judged = judgeRun(baseOf({ a: "passed", b: "passed", bug: "failed" }), read({ a: "skipped", bug: "passed" }), whole);
    expect(judged.passed).toBe(true);
    expect(judged.evidence?.disappeared).toEqual(["a", "b"]);
  });

  test("with a failing command, a test that vanished counts as broken (the suite may have crashed before it)", () => {
    const judged = judgeRun(baseOf({ a: "passed", b: "passed", bug: "failed" }), { run: run(1), results: results({ a: "passed", bug: "passed" }) }, whole);
    expect(judged.passed).toBe(false);
    expect(judged.evidence?.regressions).toEqual(["b"]);
  });

  test("a command that fails with no failing test, where the base passed, is a regression of the command", () => {
    const judged = judgeRun(baseOf({ a: "passed" }), { run: run(2), results: results({ a: "passed", added: "passed" }) }, whole);
    expect(judged.passed).toBe(false);
    expect(judged.evidence?.commandRegressed).toBe(true);
  });

  test("a test that fails and then passes on a re-run is flaky: reported, not a regression", () => {
    const judged = judgeRun(baseOf({ a: "passed", bug: "failed" }), read({ a: "failed", bug: "passed" }), whole, [results({ a: "passed", bug: "passed" })]);
    expect(judged.passed).toBe(true);
    expect(judged.evidence).toMatchObject({ flaky: ["a"], regressions: [] });
  });

  test("name lists are capped for storage; the counts stay exact", () => {
    const many = Object.fromEntries(Array.from({ length: 120 }, (_, at) => [`t${at}`, "failed" as const]));
    const fixed = Object.fromEntries(Array.from({ length: 120 }, (_, at) => [`t${at}`, "passed" as const]));
    const judged = judgeRun(baseOf(many), read(fixed), whole);
    expect(judged.evidence?.newlyPassing).toHaveLength(50);
    expect(judged.evidence?.counts.newlyPassing).toBe(120);
  });
});

describe("runs that name only their failures (quiet Jest, pytest, go, cargo)", () => {
  const quiet = (failed: string[], exitCode = failed.length > 0 ? 1 : 0): ReadRun => ({
    run: run(exitCode),
    results: testResults("pytest", failed.map((id) => ({ id, status: "failed" as const })), "failures"),
  });

  test("a test red on the base and not named now is taken to pass: the fix is credited", () => {
    const judged = judgeRun(quiet(["bug", "old"]), quiet(["old"]), whole);
    expect(judged.passed).toBe(true);
    expect(judged.evidence).toMatchObject({ newlyPassing: ["bug"], preExisting: ["old"], regressions: [] });
  });

  test("a test not named on the base (so it passed) that fails now is a regression", () => {
    const judged = judgeRun(quiet(["bug"]), quiet(["a"]), whole);
    expect(judged.passed).toBe(false);
    expect(judged.evidence?.regressions).toEqual(["a"]);
  });

  test("a failure that a quiet re-run does not name is flaky", () => {
    const rerun = testResults("pytest", [], "failures");
    const judged = judgeRun(quiet(["bug"]), quiet(["a"]), whole, [rerun]);
    expect(judged.evidence).toMatchObject({ flaky: ["a"], regressions: [], newlyPassing: ["bug"] });
  });

  test("a quiet run that fails naming no failure credits nothing: a step after the tests may have failed", () => {
    const judged = judgeRun(quiet(["bug"]), quiet([], 1), whole);
    expect(judged.passed).toBe(false);
    expect(judged.evidence?.newlyPassing).toEqual([]);
  });

  test("a full listing on the base and a quiet one now: nothing is called gone", () => {
    const judged = judgeRun(baseOf({ a: "passed", bug: "failed" }), quiet([], 0), whole);
    expect(judged.evidence).toMatchObject({ disappeared: [], newlyPassing: ["bug"] });
    expect(judged.passed).toBe(true);
  });
});

describe("falling back to the exit code", () => {
  test.each([
    ["verify: exit-code", baseOf({ a: "failed" }), read({ a: "failed" }), { scope: "whole", mode: "exit-code" } as const, /verify: exit-code/],
    ["no base run", undefined, read({ a: "failed" }), whole, /no run of the tests on the base/],
    ["an unreadable base", { run: run(0), results: undefined }, read({ a: "failed" }), whole, /run on the base/],
    ["an unreadable run", baseOf({ a: "failed" }), { run: run(1), results: undefined }, whole, /from this run/],
    ["a timed-out run", baseOf({ a: "failed" }), { run: run(1, { timedOut: true }), results: results({ a: "failed" }) }, whole, /timed out/],
  ])("with %s, the exit code decides and the evidence says why", (_name, base, now, options, why) => {
    const judged = judgeRun(base, now, options);
    expect(judged.passed).toBe(now.run.passed);
    expect(judged.evidence).toMatchObject({ mode: "exit-code" });
    expect(judged.evidence?.why).toMatch(why);
  });

  test("a passing exit code still passes in the fallback", () => {
    expect(judgeRun(undefined, read({ a: "passed" }), whole).passed).toBe(true);
  });
});

describe("re-running a run with regressions", () => {
  test("re-runs while tests regress, at most FLAKY_RERUNS times, and keeps a real regression", async () => {
    let runs = 0;
    const judged = await judgedTestRun(async () => (runs++, read({ a: "failed", bug: "passed" })), baseOf({ a: "passed", bug: "failed" }), whole);
    expect(runs).toBe(1 + FLAKY_RERUNS);
    expect(judged.passed).toBe(false);
    expect(judged.evidence?.regressions).toEqual(["a"]);
  });

  test("stops re-running once the failing test passed, and calls it flaky", async () => {
    const outcomes = [read({ a: "failed", bug: "passed" }), read({ a: "passed", bug: "passed" })];
    let runs = 0;
    const judged = await judgedTestRun(async () => outcomes[runs++] ?? read({ a: "failed" }), baseOf({ a: "passed", bug: "failed" }), whole);
    expect(runs).toBe(2);
    expect(judged.evidence?.flaky).toEqual(["a"]);
    expect(judged.passed).toBe(true);
  });

  test("a clean run is not repeated", async () => {
    let runs = 0;
    await judgedTestRun(async () => (runs++, read({ bug: "passed" })), baseOf({ bug: "failed" }), whole);
    expect(runs).toBe(1);
  });
});
