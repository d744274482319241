import { describe, expect, test } from "@jest/globals";
import { CUT, CUT_LINE, eachLine, FoundCases, MAX_LINE_CHARS, MAX_OUTPUT_CHARS, type OutputLine, plainLines, SuiteStack } from "../../src/verification/parse-lines.ts";
import { MAX_TEST_CASES } from "../../src/verification/test-results.ts";

const linesOf = (output: string): OutputLine[] => {
  const lines: OutputLine[] = [];
  eachLine(output, (line) => lines.push(line));
  return lines;
};

describe("a runner's output as lines a parser can match", () => {
  test("colours, OSC 8 links and the ESC ( B libtest writes after a coloured word are removed", () => {
    expect(linesOf("test a ... \u001b[32mok\u001b(B\u001b[m\n\u001b]8;;file:///w/a.rs\u0007a.rs\u001b]8;;\u0007")).toEqual(["test a ... ok", "a.rs"]);
  });

  test("after a carriage return only the last redraw is kept; a CRLF line end is no redraw", () => {
    expect(linesOf("collecting 1\rcollecting 2\rtests/a.py::t PASSED\r\nnext\r\n")).toEqual(["tests/a.py::t PASSED", "next", ""]);
  });

  test("the sandbox's cut becomes CUT, and the partial line on each side of it is dropped", () => {
    expect(linesOf("one\ntw\n[… 10 bytes of output cut; the first and last 4 bytes are kept …]\nree\nfour")).toEqual(["one", CUT, "four"]);
  });

  test("output beyond the size cap: its head and tail are read, CUT between, the lines it split dropped", () => {
    const line = "tests/a.py::test_a PASSED\n";
    const lines = linesOf(line.repeat(Math.ceil(MAX_OUTPUT_CHARS / line.length) + 1000));
    expect(lines.filter((text) => text !== "tests/a.py::test_a PASSED")).toEqual([CUT, ""]);
  });

  test("a line longer than the line cap is read as an empty line", () => {
    expect(linesOf(`a\n${"y".repeat(MAX_LINE_CHARS + 1)}\nb`)).toEqual(["a", "", "b"]);
  });
});

describe("the outcomes a parser collects", () => {
  test("each id and status once, the id normalised", () => {
    const found = new FoundCases();
    for (const status of ["passed", "passed", "failed"] as const) found.add("a  ›\tb", status);
    expect(found.list).toEqual([{ id: "a › b", status: "passed" }, { id: "a › b", status: "failed" }]);
  });

  test("no more than testResults could use: three statuses for each of MAX_TEST_CASES ids", () => {
    const found = new FoundCases();
    for (let index = 0; index <= 3 * MAX_TEST_CASES; index += 1) found.add(`t${index}`, "passed");
    expect(found.list).toHaveLength(3 * MAX_TEST_CASES);
  });
});

describe("plainLines", () => {
  test("colour codes are removed", () => {
    expect(plainLines("\u001b[32m✓\u001b[39m adds\u001b[0m")).toEqual(["✓ adds"]);
  });

  test("a line redrawn with a carriage return keeps its last drawing; CRLF endings go", () => {
    expect(plainLines("running 1/3\rrunning 2/3\r  ✓ adds\r\nnext\r\n")).toEqual(["  ✓ adds", "next", ""]);
  });

  test("a line longer than a result line could be is dropped unread", () => {
    expect(plainLines(`${"x".repeat(MAX_LINE_CHARS + 1)}\n  ✓ adds`)).toEqual(["", "  ✓ adds"]);
  });

  test("the sandbox's cut marker becomes CUT_LINE and the partial line on each side goes", () => {
    const output = "  ✓ whole\n  ✓ hal\n[… 5000 bytes of output cut; the first and last 8 bytes are kept …]\nf line\n  ✓ after";
    expect(plainLines(output)).toEqual(["  ✓ whole", CUT_LINE, "  ✓ after"]);
  });

  test("output beyond the size cap: its head and tail, CUT_LINE between", () => {
    expect(plainLines(`  ✓ adds\n${" ".repeat(MAX_OUTPUT_CHARS)}\n  ✓ last`)).toEqual(["  ✓ adds", CUT_LINE, "  ✓ last"]);
  });
});

describe("SuiteStack", () => {
  test("a line's suites are the less indented ones above it", () => {
    const suites = new SuiteStack();
    suites.enter(2, "math");
    suites.enter(4, "inner");
    expect(suites.at(6)).toEqual(["math", "inner"]);
    expect(suites.at(4)).toEqual(["math"]);
    expect(suites.at(2)).toEqual([]);
  });

  test("innermostAt finds the suite a closing line at the same indentation belongs to", () => {
    const suites = new SuiteStack();
    suites.enter(0, "math", 3);
    suites.enter(2, "inner");
    expect(suites.innermostAt(0)).toEqual({ indent: 0, title: "math", mark: 3 });
    expect(suites.innermostAt(1)).toBeUndefined();
  });
});
