import { CUT, eachLine, FoundCases, type OutputLine } from "./parse-lines.ts";
import { joinTestId, MAX_TEST_CASES, testResults, type TestResults, type TestStatus } from "./test-results.ts";

/*
 * `cargo test` output: one section per test binary, opened by cargo's header (`Running unittests
 * src/lib.rs (target/debug/deps/name-<hash>)`, `Running tests/it.rs (…)`, `Doc-tests name`) and
 * filled by libtest (`test path ... ok|FAILED|ignored`, closed by `test result:`). Ids are
 * `binary › source › test path`, `crate › doc-tests › src/lib.rs - item`: no hash, no target dir,
 * no doc-test line number (a line added above an example must not rename it; a second example of
 * the same item is `item (example 2)`). A binary that died mid-run (abort, timeout) counts as one
 * failed test named after it.
 *
 * Listing: `all` when every section that ran tests named them (`test x ... ok`). A section that
 * ran tests and named none (`cargo test -q`: dots, and only libtest's closing list of failures)
 * makes it `failures`, none named when every test passed. That is given only when every failure is
 * known to be named: no cut in the output, every section closed by `test result:` (-q prints no
 * header, so a binary that died could not be named), and each quiet section's list of failures as
 * long as its `N failed`; otherwise undefined, so a failure libtest did not name never counts as passed.
 */

const STATUS: Record<string, TestStatus> = { ok: "passed", FAILED: "failed", ignored: "skipped" };

// `Running unittests src/lib.rs (target/debug/deps/name-<hash>)`, `Running tests/it.rs (…)`.
const RUNNING = /^\s*Running (?:unittests )?(\S.*)\)$/;
// Cargo before 1.54: `Running target/debug/deps/name-<hash>`.
const RUNNING_OLD = /^\s*Running (\S+)$/;
const DOC_TESTS = /^\s*Doc-tests (\S+)$/;
const SECTION_START = /^running (\d+) tests?$/;
const SECTION_END = /^test result: (?:ok|FAILED)\. \d+ passed; (\d+) failed;/;
const TEST = /^test (\S.*?) \.\.\. (ok|FAILED|ignored)(?:, .*)?$/;
// libtest's own list of the failed tests: with `cargo test -q` the only place they are named.
const FAILURES = /^failures:$/;
const FAILURE_NAME = /^ {4}(\S.*)$/;
// A test path has no spaces: a name like this is a doc-test's, also where `cargo -q` printed no header.
const DOC_TEST = /^(\S+ - .*) \(line (\d+)\)(?: - .*)?$/;

type Section = { target: string | undefined };
type DocCase = { target: string | undefined; item: string; line: number; status: TestStatus };

/** The per-test outcomes in `cargo test` output, or undefined when it is not libtest's or names no test. */
export function parseCargoTest(output: string): TestResults | undefined {
  // Cheap first: output without libtest's closing line or cargo's header is not read line by line.
  if (!output.includes("test result: ") && !output.includes("Running ") && !output.includes("Doc-tests ")) return undefined;
  const reader = new CargoReader();
  eachLine(output, (line) => reader.read(line));
  const found = reader.finish();
  if (!reader.isCargo) return undefined;
  if (!reader.quiet) return found.list.length > 0 ? testResults("cargo", found.list) : undefined;
  return reader.namesEveryFailure ? testResults("cargo", found.list, "failures") : undefined;
}

/** Reads the output line by line, keeping which binary's section it is in. */
class CargoReader {
  isCargo = false;
  readonly #cases = new FoundCases();
  readonly #docCases: DocCase[] = [];
  readonly #targets = new TargetNames();
  // Before any header (cargo -q prints none) the tests are named without their binary.
  #section: Section | undefined = { target: undefined };
  #running = false;
  #namedAll = false;
  #listingFailures = false;
  // For a quiet listing: whether this section ran tests, how many failures its list named.
  #ranTests = false;
  #listedFailures = 0;
  quiet = false;
  #incomplete = false;

  get namesEveryFailure(): boolean {
    return !this.#incomplete;
  }

  read(line: OutputLine): void {
    if (line === CUT) {
      this.#incomplete = true;
      // The header of the tests after the cut may be lost: until the next one they cannot be named.
      this.#section = undefined;
      this.#running = this.#listingFailures = false;
      return;
    }
    const header = headerOf(line, this.#targets);
    if (header) {
      this.#died();
      this.#section = header;
      this.isCargo = true;
      return;
    }
    if (this.#listingFailures && this.#listed(line)) return;
    const test = TEST.exec(line);
    const start = test ? null : SECTION_START.exec(line);
    const end = test || start ? null : SECTION_END.exec(line);
    if (test) this.#record(test[1]!, STATUS[test[2]!]!);
    else if (start) this.#start(Number(start[1]));
    else if (end) this.#end(Number(end[1]));
    else if (FAILURES.test(line)) this.#listingFailures = true;
  }

  #start(tests: number): void {
    // A section that never closed, with no header since: a binary died unnamed.
    if (this.#running) this.#unclosed();
    [this.#running, this.#namedAll, this.#ranTests, this.#listedFailures] = [true, false, tests > 0, 0];
  }

  #unclosed(): void {
    this.#incomplete = true;
    this.quiet ||= this.#ranTests && !this.#namedAll;
  }

  #end(failed: number): void {
    [this.#running, this.isCargo] = [false, true];
    if (!this.#ranTests || this.#namedAll) return;
    this.quiet = true;
    if (this.#listedFailures < failed) this.#incomplete = true;
  }

  finish(): FoundCases {
    this.#died();
    for (const { id, status } of numberedDocCases(this.#docCases)) this.#cases.add(id, status);
    return this.#cases;
  }

  #record(name: string, status: TestStatus): void {
    this.#namedAll = true;
    if (!this.#section) return;
    const doc = DOC_TEST.exec(name);
    if (!doc) this.#cases.add(joinTestId(this.#section.target, withoutAttributes(name)), status);
    // Numbered once all are known, so kept until then: no more than FoundCases would keep.
    else if (this.#docCases.length < 3 * MAX_TEST_CASES) this.#docCases.push({ target: this.#section.target, item: doc[1]!, line: Number(doc[2]), status });
  }

  /** A name in libtest's closing list of failures. Only failures are listed, so a doc-test keeps its line there. */
  #listed(line: string): boolean {
    const failed = FAILURE_NAME.exec(line);
    this.#listingFailures = failed !== null;
    if (failed && this.#section && !this.#namedAll) {
      this.#cases.add(joinTestId(this.#section.target, withoutAttributes(failed[1]!)), "failed");
      this.#listedFailures += 1;
    }
    return failed !== null;
  }

  /**
   * At the next header or the output's end: a section libtest never closed means the binary
   * crashed or was killed. Not at cargo's `error: test failed`: that is stderr, which a reader of
   * two pipes may see before the binary's last stdout line.
   */
  #died(): void {
    if (this.#running && this.#section?.target) this.#cases.add(this.#section.target, "failed");
    else if (this.#running) this.#unclosed();
    this.#running = false;
  }
}

/** `#[should_panic]` shows in the name; adding it must not rename the test. */
const withoutAttributes = (name: string): string => name.replace(/ - should panic$/, "");

/** The section a cargo header opens, or undefined when the line is not one. */
function headerOf(line: string, targets: TargetNames): Section | undefined {
  // Split at the first ` (` by hand: a regex with two open-ended parts backtracks on a crafted line.
  const running = RUNNING.exec(line);
  const paren = running ? running[1]!.indexOf(" (") : -1;
  if (running && paren !== -1) return { target: targets.name(running[1]!.slice(paren + 2), running[1]!.slice(0, paren)) };
  const old = RUNNING_OLD.exec(line);
  if (old) return { target: targets.name(old[1]!, undefined) };
  const doc = DOC_TESTS.exec(line);
  if (doc) return { target: joinTestId(doc[1], "doc-tests") };
  return undefined;
}

/**
 * Names test binaries without their hash: `target/debug/deps/it-0123456789abcdef` → `it`. Two
 * workspace members may both have `tests/it.rs`; cargo runs them in a fixed order, so the second
 * distinct binary under one name is told apart by its place: `it (2) › tests/it.rs`.
 */
class TargetNames {
  readonly #binaries = new Map<string, string[]>();

  name(binaryPath: string, source: string | undefined): string {
    const file = binaryPath.split(/[/\\]/).pop()!.replace(/\.exe$/, "");
    const hashed = /^(.+)-([0-9a-f]{16})$/.exec(file);
    const [base, hash] = hashed ? [hashed[1]!, hashed[2]!] : [file, file];
    const key = `${base}\n${source ?? ""}`;
    const seen = this.#binaries.get(key) ?? [];
    if (!seen.includes(hash)) seen.push(hash);
    this.#binaries.set(key, seen);
    const place = seen.indexOf(hash) + 1;
    return joinTestId(place === 1 ? base : `${base} (${place})`, source);
  }
}

/** Doc-tests without their line number: the examples of one item numbered in source order. */
function numberedDocCases(docCases: DocCase[]): { id: string; status: TestStatus }[] {
  const byItem = new Map<string, DocCase[]>();
  for (const docCase of docCases) {
    const key = joinTestId(docCase.target, docCase.item);
    const examples = byItem.get(key) ?? [];
    examples.push(docCase);
    byItem.set(key, examples);
  }
  return [...byItem].flatMap(([key, examples]) => {
    const lines = [...new Set(examples.map((example) => example.line))].sort((a, b) => a - b);
    return examples.map(({ line, status }) => {
      const place = lines.indexOf(line) + 1;
      return { id: place === 1 ? key : `${key} (example ${place})`, status };
    });
  });
}
