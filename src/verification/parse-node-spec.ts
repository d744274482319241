import { CUT_LINE, indentOf, plainLines, SuiteStack } from "./parse-lines.ts";
import { joinTestId, testResults, type TestResults, type TestStatus } from "./test-results.ts";

/*
 * node --test with its default spec reporter: `▶ suite` opens a suite, `✔ name (1.2ms)`,
 * `✖ name`, `﹣ name # SKIP` are results nested by indentation, and a suite's own result line
 * closes it at the indentation it opened at. Node names no test file here, so the id is the
 * suite path and the title: the same title in two files is one test (the failed one wins).
 */

const SUMMARY = /^ℹ tests \d+\s*$/;
const PASS_COUNT = /^ℹ pass \d+\s*$/;
const LINE = /^\s*(✔|✖|﹣|▶) (.+)$/u;
const DIRECTIVE = /\s#\s*(SKIP|TODO)\b.*$/i;
const DURATION = /\s\(\d+(?:\.\d+)?m?s\)$/;

export function parseNodeSpec(output: string): TestResults | undefined {
  // Cheap first: output without the summary's words is not split into lines.
  if (!output.includes("ℹ tests ")) return undefined;
  const text = plainLines(output);
  if (!text.some((line) => SUMMARY.test(line)) || !text.some((line) => PASS_COUNT.test(line))) return undefined;
  const cases: { id: string; status: TestStatus }[] = [];
  let failures = 0;
  const suites = new SuiteStack();
  for (const line of text) {
    // The recap after the summary repeats failed tests without their suites; past a cut in the
    // output, a suite's closing line could not be told from a test.
    if (/^✖ failing tests:/.test(line) || line === CUT_LINE) break;
    const match = LINE.exec(line);
    if (!match) continue;
    const indent = indentOf(line);
    const [marker, rest] = [match[1]!, match[2]!];
    const directive = DIRECTIVE.exec(rest)?.[1];
    const title = rest.replace(DIRECTIVE, "").replace(DURATION, "").trim();
    if (marker === "▶") {
      suites.enter(indent, title, failures);
      continue;
    }
    const suite = suites.innermostAt(indent);
    if (suite?.title === title) {
      suites.leave();
      // A suite that failed with no failed test inside (a hook threw) still counts, as itself.
      if (marker === "✖" && failures === suite.mark) {
        failures += 1;
        cases.push({ id: joinTestId(...suites.at(indent), title), status: "failed" });
      }
      continue;
    }
    const status: TestStatus = directive !== undefined || marker === "﹣" ? "skipped" : marker === "✖" ? "failed" : "passed";
    if (status === "failed") failures += 1;
    cases.push({ id: joinTestId(...suites.at(indent), title), status });
  }
  return cases.length === 0 ? undefined : testResults("node-spec", cases);
}
