import { stripVTControlCharacters } from "node:util";

/*
 * Shared by the parsers of the JavaScript runners' console output: the text as plain lines, and
 * the suite nesting those runners show by indentation.
 */

/** Past this the output is not parsed at all (the verdict falls back to the exit code). */
export const MAX_OUTPUT_CHARS = 20 * 1024 * 1024;
/** A runner's result line is short; a longer line is noise, never matched (nor scanned by a regex). */
export const MAX_LINE_CHARS = 8 * 1024;
/** Stands for the place where the sandbox cut the middle of a long output. */
export const CUT_LINE = "[output cut]";

// The marker HeadTailBuffer (src/sandbox/shell/head-tail-buffer.ts) writes where it cut the middle.
const SANDBOX_CUT = /^\[… \d+ bytes of output cut;/;

/**
 * The output without colour codes, one entry per line; a line redrawn with `\r` keeps its last
 * drawing. Where the sandbox cut the output, the partial line on each side is dropped and
 * CUT_LINE stands instead, so the parsers know that what follows lost its context.
 */
export function plainLines(output: string): string[] {
  if (output.length > MAX_OUTPUT_CHARS) return [];
  const lines: string[] = [];
  let afterCut = false;
  for (const raw of stripVTControlCharacters(output).split("\n")) {
    const drawn = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const line = drawn.length > MAX_LINE_CHARS ? "" : drawn.slice(drawn.lastIndexOf("\r") + 1);
    if (SANDBOX_CUT.test(line)) {
      lines.pop();
      lines.push(CUT_LINE);
      afterCut = true;
    } else if (afterCut) {
      afterCut = false;
    } else {
      lines.push(line);
    }
  }
  return lines;
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
