import { expect, test } from "@jest/globals";
import { countTokens } from "../../../src/agent/context/tokens.ts";
import { truncateOutput } from "../../../src/agent/context/truncate.ts";

const numberedLines = (count: number) => Array.from({ length: count }, (_, index) => `line ${index + 1}: some output from the build`).join("\n");
const NOTE = /\[… ([\d,]+) lines? \((about )?([\d,]+) tokens\) cut from the middle of this output …\]/;

test("leaves output within the budget unchanged", () => {
  const output = numberedLines(20);
  expect(truncateOutput(output, 1_000)).toBe(output);
});

test("keeps a long output within the budget", () => {
  const result = truncateOutput(numberedLines(10_000), 1_000);
  expect(countTokens(result)).toBeLessThanOrEqual(1_000);
});

test("keeps the head and the tail of a long output, cut at line breaks", () => {
  const lines = truncateOutput(numberedLines(10_000), 1_000).split("\n");
  expect(lines[0]).toBe("line 1: some output from the build");
  expect(lines.at(-1)).toBe("line 10000: some output from the build");
  expect(lines.filter((line) => line.startsWith("line "))).toEqual(lines.filter((line) => /^line \d+: some output from the build$/.test(line)));
});

test("says in one line how many lines and tokens were cut, counted exactly when the middle is small", () => {
  const original = numberedLines(4_000);
  const result = truncateOutput(original, 1_000);
  const kept = result.split("\n").filter((line) => line.startsWith("line "));
  const cut = original.split("\n").filter((line) => !kept.includes(line));
  const note = result.split("\n").find((line) => NOTE.test(line));
  const [, lines, about, tokens] = NOTE.exec(note ?? "") ?? [];
  expect(Number(lines?.replace(/,/g, ""))).toBe(cut.length);
  expect(about).toBeUndefined();
  expect(Number(tokens?.replace(/,/g, ""))).toBe(countTokens(`${cut.join("\n")}\n`));
});

test("cuts a multi-megabyte single line by characters, estimating the tokens cut", () => {
  const line = "0123456789abcdef".repeat(300_000);
  const result = truncateOutput(line, 2_000);
  expect(countTokens(result)).toBeLessThanOrEqual(2_000);
  expect(line.startsWith(result.slice(0, 1_000))).toBe(true);
  expect(line.endsWith(result.slice(-1_000))).toBe(true);
  expect(result).toMatch(/\[… 1 line \(about [\d,]+ tokens\) cut from the middle of this output …\]/);
});

test("handles tens of megabytes of output", () => {
  const huge = `${numberedLines(500_000)}\n`.repeat(2);
  const result = truncateOutput(huge, 4_000);
  expect(countTokens(result)).toBeLessThanOrEqual(4_000);
  expect(result).toMatch(/\[… 999,\d{3} lines \(about [\d,]+ tokens\)/);
});

test("never splits a surrogate pair", () => {
  const result = truncateOutput("😀".repeat(50_000), 500);
  expect(result.isWellFormed()).toBe(true);
  expect(countTokens(result)).toBeLessThanOrEqual(500);
});

test("treats special-token text in output as plain text", () => {
  const output = "<|endoftext|>\n".repeat(5_000);
  expect(countTokens(truncateOutput(output, 500))).toBeLessThanOrEqual(500);
});

test("refuses a budget too small to hold the note", () => {
  expect(() => truncateOutput("x", 10)).toThrow(/at least 100 tokens, got 10; raise the tool output budget/);
});
