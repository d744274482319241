import { describe, expect, test } from "@jest/globals";
import { flagLines, runLines, testLines } from "../../../src/delivery/publish/pr-body-evidence.ts";
import { part, passingCheck, publishRequest } from "./publish-fixtures.ts";

/* The evidence sections line by line: the wording a reviewer relies on to know what was tested and what it cost. */

describe("the Tests section", () => {
  test("a single part's check is on the change, not on part 1", () => {
    expect(testLines(passingCheck(), 1, 1)).toEqual(["### Tests", "", "`npm test` on the change: ✅ passed (exit code 0, 12.3 s)."]);
  });

  test("the first of several parts is checked alone", () => {
    expect(testLines(passingCheck(), 1, 3)[2]).toBe("`npm test` on part 1: ✅ passed (exit code 0, 12.3 s).");
  });

  test("a part that was not checked names its section and what was not tested", () => {
    expect(testLines(undefined, 2, 3)).toEqual([
      "### Tests",
      "",
      "Not checked: the tests were not run on parts 1–2 together. The last part's check covers the whole stack.",
    ]);
  });

  test("a check killed before it exited says it timed out and had no exit code", () => {
    const check = { ...passingCheck(60_000), passed: false, exitCode: null, timedOut: true };

    expect(testLines(check, 1, 1)[2]).toBe("`npm test` on the change: ⏱️ timed out (no exit code, 60.0 s).");
  });
});

describe("the Flags section", () => {
  test("an oversize part lists its files separated by commas", () => {
    const big = part(1, [{ path: "a.ts", lines: 900 }, { path: "b.ts", lines: 700 }], { oversize: true });

    expect(flagLines(publishRequest(1, { parts: [big] }), big)).toEqual([
      "### Flags",
      "",
      "> [!NOTE]\n> **Over the size limit** (1,600 lines): `a.ts`, `b.ts` could not be split.",
    ]);
  });

  test("a multi-line weakening detail stays on its list item, one space where each line break was", () => {
    const only = part(1, [{ path: "test/a.test.ts", lines: 5 }]);
    const request = publishRequest(1, {
      parts: [only],
      weakening: [{ path: "test/a.test.ts", kind: "assertion-removed", detail: "  expect(a)  \n\t  .toBe(1)\n\nwas deleted \n" }],
    });

    expect(flagLines(request, only)[2]?.split("\n")).toContain("> - `test/a.test.ts` (assertion-removed): expect(a) .toBe(1) was deleted");
  });
});

describe("the run section", () => {
  test("a run with no trajectory kept says so", () => {
    const request = publishRequest(1, { trajectory: {} });

    expect(runLines(request).at(-1)).toBe("Details: no trajectory was kept.");
  });
});
