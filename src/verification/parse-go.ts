import { z } from "zod";
import { CUT, eachLine, FoundCases } from "./parse-lines.ts";
import { joinTestId, testResults, type TestResults, type TestStatus } from "./test-results.ts";

/*
 * `go test` output, as `-json` events (one object a line) or as text: `-v` names every test
 * (`--- PASS: TestX (0.00s)`, subtests `TestX/sub` indented), the default output only the failing
 * ones. Ids are `package › TestX/sub`. A package that failed with no failing test (it did not
 * build, TestMain exited, a test hung until the timeout) counts as one failed test named after the
 * package, and a test it started but never finished counts as failed.
 *
 * Listing: `all` for -json and for text with `=== RUN` lines (-v). Text without them names only
 * the failing tests (`failures`), none when every package printed `ok`. go prints no count of its
 * failures to check against, but a failed package with no failing test named counts as failed
 * itself; a cut in the output may have hidden a `--- FAIL` line, so there the result is undefined.
 */

const STATUS: Record<string, TestStatus> = { pass: "passed", PASS: "passed", fail: "failed", FAIL: "failed", skip: "skipped", SKIP: "skipped" };

/** The per-test outcomes in `go test` output (-json or text), or undefined when it is not go's or names no test. */
export function parseGoTest(output: string): TestResults | undefined {
  // Cheap first: output without a sign of either form is not read line by line.
  const json = output.includes('"Action"') ? goJsonCases(output) : undefined;
  if (json) return json.list.length > 0 ? testResults("go", json.list) : undefined;
  const text = GO_TEXT_SIGN.test(output) ? goTextCases(output) : undefined;
  if (!text) return undefined;
  if (text.verbose) return text.found.list.length > 0 ? testResults("go", text.found.list) : undefined;
  return text.cut ? undefined : testResults("go", text.found.list, "failures");
}

/** The outcomes of one package's tests, named once the package's own result is known. */
class GoPackage {
  readonly #ended = new FoundCases();
  readonly #running = new Set<string>();

  started(test: string): void {
    this.#running.add(test);
  }

  ended(test: string, status: TestStatus): void {
    this.#running.delete(test);
    this.#ended.add(test, status);
  }

  /** Adds the cases with their package; a failed package accounts for its unfinished tests, or for itself. */
  close(name: string | undefined, failed: boolean, into: FoundCases): void {
    let anyFailed = false;
    for (const { id, status } of this.#ended.list) {
      into.add(joinTestId(name, id), status);
      anyFailed ||= status === "failed";
    }
    if (!failed) return;
    for (const test of this.#running) into.add(joinTestId(name, test), "failed");
    if (!anyFailed && this.#running.size === 0 && name !== undefined) into.add(name, "failed");
  }
}

// test2json's TestEvent (`go doc cmd/test2json`): the fields read; Time, Elapsed, Output and the rest are ignored.
const GoTestEvent = z.object({
  Action: z.enum(["start", "run", "pause", "cont", "pass", "bench", "fail", "output", "skip", "build-output", "build-fail"]),
  Package: z.string().min(1).max(500).optional(),
  Test: z.string().min(1).max(1000).optional(),
});

/** Cases from `go test -json`, or undefined when no line is a test2json event. Lines that are not are skipped. */
function goJsonCases(output: string): FoundCases | undefined {
  const packages = new Map<string, GoPackage>();
  const failedPackages = new Set<string>();
  let events = 0;
  eachLine(output, (line) => {
    // Most events are a line of output, which is never read: skipped before it is parsed.
    if (line === CUT || !line.startsWith("{") || line.includes('"Action":"output"')) return;
    const event = GoTestEvent.safeParse(parseJson(line));
    if (!event.success) return;
    events += 1;
    const { Action: action, Package: name = "", Test: test } = event.data;
    const pkg = packages.get(name) ?? new GoPackage();
    packages.set(name, pkg);
    if (test === undefined) {
      if (action === "fail") failedPackages.add(name);
    } else if (action === "run") pkg.started(test);
    else if (STATUS[action]) pkg.ended(test, STATUS[action]);
  });
  if (events === 0) return undefined;
  const found = new FoundCases();
  for (const [name, pkg] of packages) pkg.close(name === "" ? undefined : name, failedPackages.has(name), found);
  return found;
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

// Cheap first: text without one of these is not read line by line.
const GO_TEXT_SIGN = /=== RUN|--- (?:PASS|FAIL|SKIP): |^(?:ok|FAIL)\s*\t/m;
const RUN = /^=== RUN\s+(\S+)$/;
const RESULT = /^\s*--- (PASS|FAIL|SKIP): (\S+) \([\d.]+s\)$/;
// `ok  \tpkg\t0.01s`, `ok  \tpkg\t(cached)`, `FAIL\tpkg\t0.01s`, `FAIL\tpkg [build failed]`: go prints the tabs.
const PACKAGE = /^(ok|FAIL)\s*\t(\S+)(?:\t| \[(?:build|setup) failed\]$)/;

/** Cases from go test's text output, the tests of each package listed before its `ok`/`FAIL` line; whether it was -v's, and cut. */
function goTextCases(output: string): { found: FoundCases; verbose: boolean; cut: boolean } | undefined {
  const found = new FoundCases();
  let pkg = new GoPackage();
  let [isGo, verbose, cut] = [false, false, false];
  eachLine(output, (line) => {
    if (line === CUT) {
      cut = true;
      // The package line of the tests before the cut may be lost: they cannot be named.
      pkg = new GoPackage();
      return;
    }
    const run = RUN.exec(line);
    const result = run ? null : RESULT.exec(line);
    const done = run || result ? null : PACKAGE.exec(line);
    verbose ||= run !== null;
    if (run) pkg.started(run[1]!);
    else if (result) pkg.ended(result[2]!, STATUS[result[1]!]!);
    else if (done) {
      pkg.close(done[2], done[1] === "FAIL", found);
      pkg = new GoPackage();
    }
    if (run || result || done) isGo = true;
  });
  // A test binary run alone (`./pkg.test -test.v`) prints no package line.
  pkg.close(undefined, false, found);
  return isGo ? { found, verbose, cut } : undefined;
}
