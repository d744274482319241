import { CUT, eachLine, FoundCases, type OutputLine } from "./parse-lines.ts";
import { joinTestId, testResults, type TestResults, type TestStatus } from "./test-results.ts";

/*
 * pytest's console output: `-v` lines (`tests/test_x.py::test_a PASSED [ 50%]`, or xdist's
 * `[gw0] [ 50%] PASSED tests/...`) and the "short test summary info" lines that `-rA` fills with
 * every outcome and the default output with failures and errors only. An expected failure (XFAIL)
 * counts as skipped, an unexpected pass (XPASS) as passed, an ERROR (in a fixture, at collection)
 * as failed.
 *
 * Listing: `all` when -v lines were read or the short summary names a PASSED test (`-rA`, which
 * names every outcome: a skipped test only by where it was skipped, `file.py:14`, an id of its own
 * that a -v run would not share). Otherwise (the default output, -q) the summary names the failures
 * only (`failures`), none when every test passed. It is given only when every failure is known to
 * be named: pytest's closing line (`1 failed, 3 passed in 0.81s`) was read, no cut in the output,
 * and the summary names as many FAILED and ERROR lines as that line counts (an `-r` without `fE`
 * names none); otherwise undefined, so a failure pytest did not name is never taken to pass.
 */

const OUTCOME: Record<string, TestStatus> = { PASSED: "passed", XPASS: "passed", FAILED: "failed", ERROR: "failed", SKIPPED: "skipped", XFAIL: "skipped" };
const OUTCOMES = "PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS";

// A node id names a file and, after `::`, its classes and function; a module-level outcome names the file alone.
const NODE_ID = /^(?:\S+?::\S.*|\S+\.py)$/;
// `tests/a.py::test_b SKIPPED (reason)`: the first outcome word followed by its reason or the line's end.
const VERBOSE_OUTCOME = new RegExp(String.raw` (${OUTCOMES})(?: \(|$)`);
const PROGRESS = /^\[[\d\s/%]+\]$/;
const XDIST_VERBOSE = new RegExp(String.raw`^\[gw\d+\] \[[\d\s/%]+\] (${OUTCOMES}) (\S.*)$`);
const SUMMARY = new RegExp(String.raw`^(${OUTCOMES}) (.+)$`);
// `-rA` names no skipped test, only where the skip was raised: `SKIPPED [2] tests/test_x.py:9: reason`.
const SKIP_LOCATION = /^\[\d+\] (\S+?:\d+)(?::|$)/;
const SUMMARY_START = /^=+ short test summary info =+$/;
const SECTION = /^=+ .* =+$/;
// pytest's banner, printed unless -q; with -q, the summary header is the sign.
const BANNER = /^=+ test session starts =+$/;
// pytest's closing line, `=== 1 failed, 3 passed, 1 error in 0.81s ===` (bare with -q).
const STATS = /^(?:=+ )?((?:\d+ [a-z]+)(?:, \d+ [a-z]+)*|no tests ran) in \d+(?:\.\d+)?s(?: \(\d+:\d\d:\d\d\))?(?: =+)?$/;
const STATS_HINT = /\d+ (?:passed|failed|errors?|skipped|deselected|xfailed|xpassed|warnings?) in \d/;
// The progress line of the default output and -q: `tests/test_a.py .F.s   [ 50%]`, `....   [100%]`.
const PROGRESS_LINE = /^(?:\S+ )?[.sFEXxfp]+ +\[ *\d+%\]$/;

/** The per-test outcomes in pytest's output, or undefined when it is not pytest's or names no test. */
export function parsePytest(output: string): TestResults | undefined {
  // Cheap first: output without pytest's banner or summary header is not read line by line.
  if (!output.includes("test session starts") && !output.includes("short test summary info") && !STATS_HINT.test(output)) return undefined;
  const reader = new PytestReader();
  eachLine(output, (line) => reader.read(line));
  const named = reader.named();
  if (!reader.isPytest) return undefined;
  if (reader.namesEveryTest) return named.length > 0 ? testResults("pytest", named) : undefined;
  return reader.namesEveryFailure ? testResults("pytest", named, "failures") : undefined;
}

class PytestReader {
  #sure = false;
  readonly #named = new FoundCases();
  readonly #skipLocations = new FoundCases();
  #inSummary = false;
  #namedByVerbose = false;
  #summaryPassed = false;
  #failuresNamed = 0;
  #failuresCounted: number | undefined;
  #progress = false;
  #cut = false;

  read(line: OutputLine): void {
    if (line === CUT) {
      this.#cut = true;
      return;
    }
    if (BANNER.test(line)) this.#sure = true;
    this.#progress ||= PROGRESS_LINE.test(line);
    const stats = STATS.exec(line);
    if (stats) this.#failuresCounted = (this.#failuresCounted ?? 0) + count(stats[1]!, /(\d+) failed/) + count(stats[1]!, /(\d+) errors?/);
    if (SUMMARY_START.test(line)) {
      this.#sure = this.#inSummary = true;
      return;
    }
    if (SECTION.test(line)) this.#inSummary = false;
    const verbose = verboseLine(line);
    if (verbose) {
      this.#named.add(pytestId(verbose.nodeId), OUTCOME[verbose.outcome]!);
      this.#namedByVerbose = true;
      return;
    }
    const summary = this.#inSummary ? SUMMARY.exec(line) : null;
    if (!summary) return;
    this.#summaryPassed ||= summary[1] === "PASSED";
    if (summary[1] === "FAILED" || summary[1] === "ERROR") this.#failuresNamed += 1;
    const skipped = summary[1] === "SKIPPED" ? SKIP_LOCATION.exec(summary[2]!) : null;
    if (skipped) this.#skipLocations.add(skipped[1]!, "skipped");
    else this.#named.add(pytestId(nodeIdOf(summary[2]!)), OUTCOME[summary[1]!]!);
  }

  /** pytest's banner or summary header, or (with -q) its closing line after a progress line. */
  get isPytest(): boolean {
    return this.#sure || (this.#progress && this.#failuresCounted !== undefined);
  }

  get namesEveryTest(): boolean {
    return this.#namedByVerbose || this.#summaryPassed;
  }

  get namesEveryFailure(): boolean {
    return !this.#cut && this.#failuresCounted !== undefined && this.#failuresNamed >= this.#failuresCounted;
  }

  named(): { id: string; status: TestStatus }[] {
    // With -v the skipped tests are named already; their skip locations would count them twice.
    if (this.#namedByVerbose) return this.#named.list;
    return [...this.#named.list, ...this.#skipLocations.list];
  }
}

const count = (stats: string, word: RegExp): number => Number(word.exec(stats)?.[1] ?? 0);

/**
 * A -v line: `node-id OUTCOME`, then maybe ` (reason)` and the progress (`[ 50%]`), or xdist's
 * `[gw0] [ 50%] OUTCOME node-id`. Taken apart step by step, not by one regex: a regex with a
 * reason and a node id that may both hold spaces backtracks for seconds on a crafted line.
 */
function verboseLine(line: string): { nodeId: string; outcome: string } | undefined {
  const xdist = XDIST_VERBOSE.exec(line);
  if (xdist) return NODE_ID.test(xdist[2]!) ? { nodeId: xdist[2]!, outcome: xdist[1]! } : undefined;
  const bracket = line.endsWith("]") ? line.lastIndexOf(" [") : -1;
  const text = bracket !== -1 && PROGRESS.test(line.slice(bracket + 1)) ? line.slice(0, bracket).trimEnd() : line;
  const outcome = VERBOSE_OUTCOME.exec(text);
  if (!outcome) return undefined;
  const reason = text.slice(outcome.index + outcome[0].length);
  if (outcome[0].endsWith("(") && !reason.endsWith(")")) return undefined;
  const nodeId = text.slice(0, outcome.index);
  return NODE_ID.test(nodeId) ? { nodeId, outcome: outcome[1]! } : undefined;
}

/**
 * The node id at the start of a summary line, before ` - reason` (or, in pytest 7, an XPASS's bare
 * reason). Only a parameter id (`[...]`) may hold spaces; it ends at a `]` before ` - ` or the end.
 */
const SUMMARY_NODE_ID = /^[^\s[]+(?:\[.*?\](?= - |$)|\[.*?\](?=\s|$))?/;
const nodeIdOf = (rest: string): string => SUMMARY_NODE_ID.exec(rest)?.[0] ?? rest;

/** `tests/test_x.py::TestA::test_b[1]` → `tests/test_x.py › TestA › test_b[1]`; `::` inside the parameter stays. */
function pytestId(nodeId: string): string {
  const bracket = nodeId.indexOf("[");
  const path = bracket === -1 ? nodeId : nodeId.slice(0, bracket);
  const param = bracket === -1 ? "" : nodeId.slice(bracket);
  const parts = path.split("::");
  parts[parts.length - 1] += param;
  return joinTestId(...parts);
}
