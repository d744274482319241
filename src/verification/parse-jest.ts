import { CUT_LINE, indentOf, plainLines, SuiteStack } from "./parse-lines.ts";
import { joinTestId, testResults, type TestResults, type TestStatus } from "./test-results.ts";

/*
 * Jest's default reporter. `PASS file` / `FAIL file` heads each test file (` FAIL ` in colour); with --verbose (or a
 * single file) the tests follow as `✓ name (5 ms)`, `✕ name`, `○ skipped name`, `✎ todo name`
 * under their describe blocks, nested by indentation; every failure then gets a block headed
 * `● describe › name`. The id is the file, the describe blocks and the name.
 *
 * Listing: a run that shows any test line names them all (`all`: --verbose, or a single file).
 * Without one (Jest without --verbose) the `●` blocks are all Jest prints per test, so the result
 * names the failures only (`failures`), also none when every test passed. It is given only when
 * every failure is known to be named: no cut in the output (the cut part may have held a block),
 * and as many blocks as the `Tests:` lines count failures; otherwise undefined, so a failure Jest
 * did not show is never taken to pass.
 */

const SUMMARY = /^Tests:\s+.*\d+ total\s*$/;
const SUITES_SUMMARY = /^Test Suites:\s/;
const HEADER = /^ ?(?:PASS|FAIL)\s+(.+?)\s*(?:\((?:[\d.]+\s*m?s)?(?:,\s*)?(?:[\d.]+\s*MB heap size)?\))?$/;
const TEST = /^\s+(✓|✕|○|✎|√|×)\s(.+)$/u;
const FAILURE_BLOCK = /^ {2}● (.+)$/;
const CONSOLE = /^ {2}console\.\w+\s*$/;
const DURATION = /\s\(\d+(?:\.\d+)?\s?m?s\)$/;
const STATUS: Record<string, TestStatus> = { "✓": "passed", "√": "passed", "✕": "failed", "×": "failed", "○": "skipped", "✎": "skipped" };

type Region = "outside" | "tests" | "failures" | "console";

export function parseJest(output: string): TestResults | undefined {
  // Cheap first: output without the summary's words is not split into lines.
  if (!output.includes("Test Suites:") || !output.includes("Tests:")) return undefined;
  const text = plainLines(output);
  if (!text.some((line) => SUMMARY.test(line)) || !text.some((line) => SUITES_SUMMARY.test(line))) return undefined;
  const cases: { id: string; status: TestStatus }[] = [];
  const quiet = { testLines: 0, failureBlocks: 0, cut: false };
  const suites = new SuiteStack();
  let file: string | undefined;
  let region: Region = "outside";
  for (const line of text) {
    const header = HEADER.exec(line);
    if (header) {
      [file, region] = [header[1]!, "tests"];
      suites.clear();
      continue;
    }
    // Past a cut in the output, which file and describe a line is under is unknown until the next header.
    if (/^(Summary of all failing tests|Test Suites:)/.test(line) || line === CUT_LINE) region = "outside";
    if (line === CUT_LINE) quiet.cut = true;
    if (region === "outside" || file === undefined) continue;
    const block = FAILURE_BLOCK.exec(line);
    if (block) {
      const title = block[1]!.trim();
      region = "failures";
      // Without --verbose, a file's console output is framed as a block too; it is not a failure.
      if (title === "Console") continue;
      cases.push({ id: title === "Test suite failed to run" ? file : joinTestId(file, title), status: "failed" });
      if (title !== "Test suite failed to run") quiet.failureBlocks += 1;
      continue;
    }
    if (region !== "tests") continue;
    // --verbose prints a test file's console output before the next file's header.
    if (CONSOLE.test(line)) {
      region = "console";
      continue;
    }
    const test = TEST.exec(line);
    if (test) {
      quiet.testLines += 1;
      const title = test[2]!.replace(/^(skipped|todo) /, "").replace(DURATION, "");
      cases.push({ id: joinTestId(file, ...suites.at(indentOf(line)), title), status: STATUS[test[1]!]! });
    } else if (line.trim() !== "" && indentOf(line) >= 2) {
      suites.enter(indentOf(line), line.trim());
    }
  }
  if (quiet.testLines > 0) return cases.length === 0 ? undefined : testResults("jest", cases);
  const everyFailureNamed = !quiet.cut && quiet.failureBlocks >= failedCount(text);
  return everyFailureNamed ? testResults("jest", cases, "failures") : undefined;
}

/** The failed tests the `Tests:` lines count (one per run of Jest in the output). */
const failedCount = (text: string[]): number =>
  text.filter((line) => SUMMARY.test(line)).reduce((sum, line) => sum + Number(/(\d+) failed/.exec(line)?.[1] ?? 0), 0);
