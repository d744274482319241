import { Parser, type Result } from "tap-parser";
import { CUT_LINE, plainLines } from "./parse-lines.ts";
import { joinTestId, testResults, type TestResults, type TestStatus } from "./test-results.ts";

/*
 * TAP (node --test --test-reporter=tap, tape, mocha --reporter=tap, node-tap), read by tap-parser.
 * Subtests nest: a test point that closes a subtest is its suite, not a test, unless it failed
 * with no failed test inside (a hook threw), when it counts as itself. `# SKIP` and `# TODO`
 * are skipped. The id is the subtest path and the test point's name.
 */

const VERSION = /^TAP version \d+\s*$/;
const PLAN = /^\s*1\.\.\d+/;
const NUMBERED_POINT = /^\s*(?:not )?ok \d+\b/;

type Case = { id: string; status: TestStatus };

export function parseTap(output: string): TestResults | undefined {
  // Cheap first: output with neither a version line nor a plan is not split into lines.
  if (!output.includes("TAP version") && !output.includes("1..")) return undefined;
  const lines = plainLines(output);
  if (!lines.some((line) => VERSION.test(line)) && !(lines.some((line) => PLAN.test(line)) && lines.some((line) => NUMBERED_POINT.test(line)))) return undefined;
  // Past a cut in the output, subtests lose their nesting: only what comes before is read.
  const cut = lines.indexOf(CUT_LINE);
  const text = (cut < 0 ? lines : lines.slice(0, cut)).join("\n");
  const cases: Case[] = [];
  const root = new Parser({ flat: false, passes: false });
  root.on("error", () => undefined);
  collect(root, [], cases);
  try {
    root.end(text);
  } catch {
    return undefined;
  }
  return cases.length === 0 ? undefined : testResults("tap", cases);
}

type Tally = { failures: number };

/** Adds the test points of one (sub)test to `cases`; its tally tells the enclosing test point whether a test inside failed. */
function collect(parser: Parser, path: string[], cases: Case[]): Tally {
  const tally: Tally = { failures: 0 };
  let subtest: Tally | undefined;
  parser.on("child", (child: Parser) => {
    subtest = collect(child, [...path, child.name], cases);
  });
  parser.on("assert", (result: Result) => {
    // The test point right after a subtest's indented block is that subtest's own result.
    const closed = subtest;
    subtest = undefined;
    const status = statusOf(result);
    if (closed) {
      tally.failures += closed.failures;
      if (status !== "failed" || closed.failures > 0) return;
    }
    if (status === "failed") tally.failures += 1;
    cases.push({ id: joinTestId(...path, result.name), status });
  });
  return tally;
}

const statusOf = (result: Result): TestStatus => (result.skip !== false || result.todo !== false ? "skipped" : result.ok ? "passed" : "failed");
