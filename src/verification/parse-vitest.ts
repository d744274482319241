import { CUT_LINE, indentOf, plainLines, SuiteStack } from "./parse-lines.ts";
import { joinTestId, testResults, type TestResults, type TestStatus } from "./test-results.ts";

/*
 * Vitest's reporters. `verbose` prints one line per test, `✓ file > describe > name 3ms`; `tree`
 * prints a file header `❯ file (6 tests | 1 failed)`, then its suites `❯ math (5)` and tests
 * nested by indentation; every reporter lists each failure as `FAIL  file > describe > name`.
 * The `default` reporter prints the tests of failed files only, without their suites: its tree
 * is not read (which tests it shows depends on which files failed, so two runs would not agree
 * on them, and a test's suites are not shown). The id is the file, the describe blocks and the name.
 *
 * Listing: `all` when the verbose lines or a whole tree were read. Otherwise (the default
 * reporter, or `dot`) only the failure list is read, so the result names the failures only
 * (`failures`), none when every test passed. It is given only when every failure is known to be
 * named: no cut in the output, and as many `FAIL` lines under "Failed Tests" as the `Tests` lines
 * count failed; otherwise undefined, so a failure Vitest did not list is never taken to pass.
 */

const SUMMARY = /^\s*Test Files\s+\d+ (?:passed|failed|skipped)/;
const FILE_MARKER = /^ ([✓❯×✗↓]) /u;
const FILE_COUNTS = /^\(\d+ tests?(?: \|[^)]*)?\)(?: [\d.]+m?s)?$/;
const RESULT = /^(\s+)([✓×✗↓□❯]) (.+)$/u;
const FAILURE_LIST = /⎯ Failed (Tests|Suites) \d+ ⎯/;
const TESTS_FAILED = /^\s*Tests\s+(\d+) failed/;
const FAILURE = /^ FAIL\s+(.+)$/;
const DURATION = / \d+(?:\.\d+)?m?s$/;
const SUITE_COUNT = /\s\(\d+\)$/;
const STATUS: Record<string, TestStatus> = { "✓": "passed", "×": "failed", "✗": "failed", "↓": "skipped", "□": "skipped" };

type Case = { id: string; status: TestStatus };

export function parseVitest(output: string): TestResults | undefined {
  // Cheap first: output without the summary's words is not split into lines.
  if (!output.includes("Test Files")) return undefined;
  const text = plainLines(output);
  if (!text.some((line) => SUMMARY.test(line))) return undefined;
  const cases: Case[] = [];
  const suites = new SuiteStack();
  const readTree = showsWholeTree(text);
  let file: string | undefined;
  let inFailureList = false;
  const quiet = { listedAll: readTree, failedTestsNamed: 0, failedTestsCounted: 0, cut: false, inFailedTests: false };
  for (const [index, line] of text.entries()) {
    const list = FAILURE_LIST.exec(line);
    if (list) [inFailureList, quiet.inFailedTests] = [true, list[1] === "Tests"];
    if (/^\s*Test Files\s/.test(line)) inFailureList = quiet.inFailedTests = false;
    if (line === CUT_LINE) quiet.cut = true;
    quiet.failedTestsCounted += Number(TESTS_FAILED.exec(line)?.[1] ?? 0);
    const failure = FAILURE.exec(line);
    // ` FAIL  src/c.test.ts [ src/c.test.ts ]`: a file that failed to load, or whose hook threw.
    if (failure) cases.push({ id: joinTestId(...withoutFileNote(failure[1]!.trimEnd()).split(" > ")), status: "failed" });
    if (failure && quiet.inFailedTests) quiet.failedTestsNamed += 1;
    if (inFailureList) continue;
    const header = fileHeader(line);
    if (header || line === CUT_LINE) {
      // Past a cut in the output, the file and suites of a line are unknown until the next header.
      file = header?.file;
      suites.clear();
      continue;
    }
    const result = RESULT.exec(line);
    if (!result) continue;
    const [indent, status, title] = [result[1]!.length, STATUS[result[2]!], result[3]!.trimEnd().replace(DURATION, "")];
    const path = title.split(" > ");
    // The verbose reporter's line names the whole path.
    if (path.length > 1 && indent === 1) {
      if (status) cases.push({ id: joinTestId(...path), status });
      quiet.listedAll ||= status !== undefined;
      continue;
    }
    if (!readTree || indent < 3 || file === undefined) continue;
    if (isSuiteLine(text, index)) suites.enter(indent, title.replace(SUITE_COUNT, ""));
    else if (status) cases.push({ id: joinTestId(file, ...suites.at(indent), title), status });
  }
  if (quiet.listedAll) return cases.length === 0 ? undefined : testResults("vitest", cases);
  const everyFailureNamed = !quiet.cut && quiet.failedTestsNamed >= quiet.failedTestsCounted;
  return everyFailureNamed ? testResults("vitest", cases, "failures") : undefined;
}

/** The tree reporter: some suite line is shown, or a passed file lists its tests (the default reporter lists only failed files'). */
function showsWholeTree(text: string[]): boolean {
  return text.some((line, index) => {
    const header = fileHeader(line);
    if (header) return (header.marker === "✓" || header.marker === "↓") && indentOf(nextResult(text, index)) > 1;
    return RESULT.test(line) && indentOf(line) >= 3 && isSuiteLine(text, index);
  });
}

/**
 * ` ❯ src/a.test.js (6 tests | 1 failed) 15ms`: a file's marker, path and counts. Taken apart by
 * hand: a regex with a lazy path and optional spaces costs quadratic time on a crafted line.
 */
function fileHeader(line: string): { marker: string; file: string } | undefined {
  const marker = FILE_MARKER.exec(line)?.[1];
  const rest = line.slice(3).trimEnd();
  const counts = rest.lastIndexOf(" (");
  if (marker === undefined || counts <= 0 || !FILE_COUNTS.test(rest.slice(counts + 1))) return undefined;
  return { marker, file: rest.slice(0, counts) };
}

/** ` FAIL  src/c.test.ts [ src/c.test.ts ]` names the file again in brackets. */
function withoutFileNote(failure: string): string {
  const note = failure.indexOf(" [ ");
  return note > 0 && failure.endsWith(" ]") ? failure.slice(0, note) : failure;
}

/** `❯ math (5)`: a count and no duration, and followed by deeper lines. */
function isSuiteLine(text: string[], index: number): boolean {
  const line = text[index]!.trimEnd();
  return SUITE_COUNT.test(line) && !DURATION.test(line) && indentOf(nextResult(text, index)) > indentOf(line);
}

/** The next line that shows a result or a file, or "" (indentation 0) when a cut or the end comes first. */
function nextResult(text: string[], index: number): string {
  for (let next = index + 1; next < text.length && text[next] !== CUT_LINE; next += 1) if (RESULT.test(text[next]!)) return text[next]!;
  return "";
}
