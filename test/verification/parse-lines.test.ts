import { describe, expect, test } from "@jest/globals";
import { CUT_LINE, MAX_LINE_CHARS, MAX_OUTPUT_CHARS, plainLines, SuiteStack } from "../../src/verification/parse-lines.ts";

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

  test(`output longer than ${MAX_OUTPUT_CHARS / 1024 / 1024} MB is not read`, () => {
    expect(plainLines(`  ✓ adds\n${" ".repeat(MAX_OUTPUT_CHARS)}`)).toEqual([]);
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
