import { MAX_TEST_CASES, testId, type TestStatus } from "./test-results.ts";

/*
 * The lines of a test runner's console output, made safe to match against: ANSI colours and
 * carriage-return redraws removed, absurdly long lines dropped, and the place where the sandbox
 * cut the middle of a long output marked, so a parser never glues the two halves together.
 * Every parser reads its output through here; the JavaScript runners' parsers also use the
 * suite nesting those runners show by indentation, the native ones the list of outcomes.
 */

/** Beyond this, only the first and last halves are read: the outcomes that matter sit at the ends. */
export const MAX_OUTPUT_CHARS = 16 * 1024 * 1024;
/**
 * A runner's result line is short (ids are cut at 500 characters anyway); longer lines are noise,
 * never matched. It also bounds what one regex match can cost.
 */
export const MAX_LINE_CHARS = 4 * 1024;

/** Stands where output was cut: the lines on either side of it are not whole. */
export const CUT: unique symbol = Symbol("output cut");
export type OutputLine = string | typeof CUT;
/** CUT in the string lines of plainLines. */
export const CUT_LINE = "[output cut]";

// The marker HeadTailBuffer (src/sandbox/shell/head-tail-buffer.ts) writes where it cut the middle.
const SANDBOX_CUT = /^\[… \d+ bytes of output cut;/;
// Colours and cursor moves (CSI), links (OSC 8, ended by BEL or ST), and two-byte escapes such as
// the `ESC ( B` libtest writes after each coloured word.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[ -/]*[0-~]/g;

/**
 * Calls `visit` with each of the output's lines, cleaned, and with CUT where the sandbox (or the
 * size cap) dropped the middle. A callback, not a generator: ten million empty lines must cost
 * milliseconds, not seconds.
 */
export function eachLine(output: string, visit: (line: OutputLine) => void): void {
  if (output.length <= MAX_OUTPUT_CHARS) {
    eachCleanLine(output, visit);
    return;
  }
  const half = MAX_OUTPUT_CHARS / 2;
  eachCleanLine(output.slice(0, half), visit, { cutAfter: true });
  visit(CUT);
  eachCleanLine(output.slice(-half), visit, { cutBefore: true });
}

/** The cleaned lines as an array, CUT_LINE standing for CUT: for parsers that look ahead or back. */
export function plainLines(output: string): string[] {
  const lines: string[] = [];
  eachLine(output, (line) => lines.push(line === CUT ? CUT_LINE : line));
  return lines;
}

/** Drops the partial line on each side of a cut, so half a test name never becomes an id. */
function eachCleanLine(text: string, visit: (line: OutputLine) => void, cut: { cutBefore?: boolean; cutAfter?: boolean } = {}): void {
  let held: string | undefined;
  let afterCut = cut.cutBefore === true;
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    const line = end - start > MAX_LINE_CHARS ? "" : clean(text.slice(start, end));
    start = end + 1;
    if (line.startsWith("[… ") && SANDBOX_CUT.test(line)) {
      held = undefined;
      afterCut = true;
      visit(CUT);
    } else if (afterCut) afterCut = false;
    else {
      if (held !== undefined) visit(held);
      held = line;
    }
  }
  if (held !== undefined && !cut.cutAfter) visit(held);
}

/** What a terminal would show: colours gone, and only the last redraw after a carriage return. */
function clean(raw: string): string {
  if (raw === "") return raw;
  const redraw = raw.lastIndexOf("\r", raw.length - 2);
  const shown = redraw === -1 ? raw : raw.slice(redraw + 1);
  return (shown.includes("\u001b") ? shown.replace(ANSI, "") : shown).trimEnd();
}

export const indentOf = (line: string): number => line.length - line.trimStart().length;

/**
 * The suites enclosing a line, known from the lines above it that were less indented. `enter`
 * records a suite title; `at` drops the suites at or past an indentation and names the rest.
 */
export class SuiteStack {
  readonly #suites: { indent: number; title: string; mark: number }[] = [];

  at(indent: number): string[] {
    while (this.#suites.length > 0 && this.#suites[this.#suites.length - 1]!.indent >= indent) this.#suites.pop();
    return this.#suites.map((suite) => suite.title);
  }

  /** `mark` is kept for the parser (how many failures it had seen when the suite began). */
  enter(indent: number, title: string, mark = 0): void {
    this.at(indent);
    this.#suites.push({ indent, title, mark });
  }

  /** The innermost suite, when it sits exactly at this indentation (a runner's closing line for it, or a line's parent). */
  innermostAt(indent: number): { title: string; mark: number } | undefined {
    while (this.#suites.length > 0 && this.#suites[this.#suites.length - 1]!.indent > indent) this.#suites.pop();
    const last = this.#suites[this.#suites.length - 1];
    return last?.indent === indent ? last : undefined;
  }

  /** Leaves the innermost suite (after its closing line). */
  leave(): void {
    this.#suites.pop();
  }

  clear(): void {
    this.#suites.length = 0;
  }
}

/**
 * The outcomes a parser found, each (id, status) pair once: a suite that names every test twice
 * (pytest -rA -v), or megabytes of one repeated line, keeps memory to what testResults can use.
 */
export class FoundCases {
  readonly list: { id: string; status: TestStatus }[] = [];
  readonly #seen = new Set<string>();

  add(id: string, status: TestStatus): void {
    // Three statuses per id at most: beyond this, testResults would drop the ids anyway.
    if (this.list.length >= 3 * MAX_TEST_CASES) return;
    const key = `${status} ${id}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    const clean = testId(id);
    if (clean !== "") this.list.push({ id: clean, status });
  }
}
