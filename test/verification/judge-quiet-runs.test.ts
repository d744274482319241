import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "@jest/globals";
import type { TestRun } from "../../src/tasks/agent-outcome.ts";
import { judgeRun } from "../../src/verification/judge.ts";
import { parseJest } from "../../src/verification/parse-jest.ts";
import { JEST, removeRepo, runNode, RUNS_TIMEOUT_MS, tempRepo } from "./support/run-runner.ts";

// Two real runs of Jest without --verbose (two files, so Jest lists no test): the base, where one
// test fails, and the change, where it passes and Jest names no test at all.
const REPO = {
  "package.json": JSON.stringify({ name: "fixture", private: true, jest: { transform: {} } }),
  "src/bug.test.js": 'test("is fixed", () => expect(process.env.FIXED).toBe("yes"));\ntest("was fine", () => {});\n',
  "src/other.test.js": 'test("stays fine", () => {});\n',
};

let repo: string;
const output = { base: "", change: "" };

beforeAll(async () => {
  repo = await tempRepo(REPO);
  const jest = (name: string, env: Record<string, string>) => runNode(repo, [JEST, "--ci", "-i", "--cacheDirectory", join(repo, `.jest-cache-${name}`), "src"], { env });
  [output.base, output.change] = await Promise.all([jest("base", {}), jest("change", { FIXED: "yes" })]);
}, RUNS_TIMEOUT_MS);
afterAll(() => removeRepo(repo));

const testRun = (exitCode: number): TestRun => ({ command: "npx jest", passed: exitCode === 0, exitCode, timedOut: false, durationMs: 10, output: "" });

test("quiet Jest on the base and on the change: the test the change fixed is credited, and the change is ready", () => {
  const [base, change] = [parseJest(output.base), parseJest(output.change)];
  expect(base).toEqual({ source: "jest", cases: [{ id: "src/bug.test.js › is fixed", status: "failed" }], listing: "failures" });
  expect(change).toEqual({ source: "jest", cases: [], listing: "failures" });
  const judged = judgeRun({ run: testRun(1), results: base }, { run: testRun(0), results: change }, { scope: "whole", mode: "per-test" });
  expect(judged.passed).toBe(true);
  expect(judged.evidence).toMatchObject({ mode: "per-test", newlyPassing: ["src/bug.test.js › is fixed"], regressions: [] });
});
