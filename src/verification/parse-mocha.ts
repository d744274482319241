import { CUT_LINE, indentOf, plainLines, SuiteStack } from "./parse-lines.ts";
import { joinTestId, testResults, type TestResults, type TestStatus } from "./test-results.ts";

/*
 * Mocha's spec reporter: suites as plain lines, tests under them by indentation (`✔ name`,
 * `- name` pending, `1) name` failed), then `N passing (5ms)` and a numbered list of failures
 * whose titles run over several lines (`1) suite` / `inner` / `name:`). Mocha names no test
 * file here, so the id is the suite path and the title: the same title in two files is one test.
 */

const SUMMARY = /^\s*\d+ passing \(\d+(?:\.\d+)?\s?m?s\)\s*$/;
const PASSED = /^\s+[✔✓] (.+)$/u;
const FAILED = /^\s+\d+\) (.+)$/;
const PENDING = /^\s+- (.+)$/;
const SLOW = /\s\(\d+m?s\)$/;
const FAILURE_TITLE = /^ {2}\d+\) (.+)$/;
/** A failure's title lines, at most; the error text follows them. */
const MAX_TITLE_LINES = 64;

type Case = { id: string; status: TestStatus };

export function parseMocha(output: string): TestResults | undefined {
  // Cheap first: output without the summary's word is not split into lines (colour codes may follow it).
  if (!output.includes(" passing")) return undefined;
  const text = plainLines(output);
  const summary = text.findIndex((line) => SUMMARY.test(line));
  if (summary < 0) return undefined;
  // Past a cut in the output, the tree's nesting is unknown; the failure list names whole titles.
  const cut = text.indexOf(CUT_LINE);
  const treeEnd = cut >= 0 && cut < summary ? cut : summary;
  const cases = [...treeCases(text.slice(0, treeEnd)), ...failureListCases(text.slice(summary))];
  return cases.length === 0 ? undefined : testResults("mocha", cases);
}

function treeCases(text: string[]): Case[] {
  const cases: Case[] = [];
  const suites = new SuiteStack();
  for (const line of text) {
    const indent = indentOf(line);
    // Mocha indents by two; other lines (the tests' own output, npm's banner) are not its.
    if (line.trim() === "" || indent < 2 || indent % 2 !== 0) continue;
    const [passed, failed, pending] = [PASSED.exec(line), FAILED.exec(line), PENDING.exec(line)];
    const title = passed?.[1]?.replace(SLOW, "") ?? failed?.[1] ?? pending?.[1];
    const status: TestStatus | undefined = passed ? "passed" : failed ? "failed" : pending ? "skipped" : undefined;
    if (title !== undefined && status !== undefined) cases.push({ id: joinTestId(...suites.at(indent), title), status });
    else suites.enter(indent, line.trim());
  }
  return cases;
}

/** `  1) math` / `       inner` / `         flaky:` → math › inner › flaky, failed. */
function failureListCases(text: string[]): Case[] {
  const cases: Case[] = [];
  for (const [index, line] of text.entries()) {
    const first = FAILURE_TITLE.exec(line)?.[1];
    if (first === undefined) continue;
    const parts = [first];
    for (let next = index + 1; !parts[parts.length - 1]!.endsWith(":") && next < text.length && next - index < MAX_TITLE_LINES; next += 1) {
      if (indentOf(text[next]!) <= 2) break;
      parts.push(text[next]!.trim());
    }
    if (parts[parts.length - 1]!.endsWith(":")) {
      parts[parts.length - 1] = parts[parts.length - 1]!.slice(0, -1);
      cases.push({ id: joinTestId(...parts), status: "failed" });
    }
  }
  return cases;
}
