import { describe, expect, test } from "@jest/globals";
import { partMarker, renderPrBody } from "../../../src/delivery/publish/pr-body.ts";
import { part, publishRequest } from "./publish-fixtures.ts";

/* The parts of a pull request body the snapshots do not pin: the first part, sweeps, long file lists, odd paths, a missing part. */

describe("the introduction", () => {
  test("the first of several parts asks to be reviewed first", () => {
    const body = renderPrBody({ request: publishRequest(2), index: 1, numbers: [101, 102] });

    expect(body).toContain(
      "**Part 1 of 2** of Ferry's change for #42, split so each part can be reviewed on its own. Review this part first.",
    );
  });

  test("only the last part closes the issue", () => {
    const body = renderPrBody({ request: publishRequest(2), index: 1, numbers: [101, 102] });

    expect(body).not.toContain("Closes #42");
  });
});

test("a pull request opened by a sweep says so instead of naming a requester", () => {
  const body = renderPrBody({ request: publishRequest(1, { requester: undefined }), index: 1, numbers: [101] });

  expect(body).toContain("<sub>Picked up by a backlog sweep · Ferry task 12</sub>");
});

test("the summary is trimmed", () => {
  const body = renderPrBody({ request: publishRequest(1, { summary: "\n  Adds a limiter.  \n" }), index: 1, numbers: [101] });

  expect(body).toContain("### What and why\n\nAdds a limiter.\n\n### In this part");
});

describe("the file table", () => {
  const files = (count: number) => Array.from({ length: count }, (_, at) => ({ path: `src/f${at + 1}.ts`, lines: 1 }));

  test("a part of 100 files lists them all", () => {
    const body = renderPrBody({ request: publishRequest(1, { parts: [part(1, files(100))] }), index: 1, numbers: [101] });

    expect(body).toContain("| `src/f100.ts` | 1 |\n| **Total** | **100** |");
    expect(body).not.toContain("more file");
  });

  test("one file past 100 is counted, in the singular", () => {
    const body = renderPrBody({ request: publishRequest(1, { parts: [part(1, files(101))] }), index: 1, numbers: [101] });

    expect(body).toContain("| `src/f100.ts` | 1 |\n| … and 1 more file | |\n| **Total** | **101** |");
    expect(body).not.toContain("`src/f101.ts`");
  });

  test("more files past 100 are counted, in the plural, with grouped thousands", () => {
    const body = renderPrBody({ request: publishRequest(1, { parts: [part(1, files(1_102))] }), index: 1, numbers: [101] });

    expect(body).toContain("| … and 1,002 more files | |\n| **Total** | **1,102** |");
  });

  test("a pipe in a path is escaped so it does not end the table cell", () => {
    const body = renderPrBody({ request: publishRequest(1, { parts: [part(1, [{ path: "docs/a|b.md", lines: 2 }])] }), index: 1, numbers: [101] });

    expect(body).toContain("| `docs/a\\|b.md` | 2 |");
  });
});

test("a single part has no stack section: its file table is followed by its tests", () => {
  const body = renderPrBody({ request: publishRequest(1), index: 1, numbers: [101] });

  expect(body).toContain("| **Total** | **40** |\n\n### Tests");
});

test("the stack list marks this part without a number while it is being opened", () => {
  const body = renderPrBody({ request: publishRequest(2), index: 1, numbers: [undefined, undefined] });

  expect(body).toContain("1. Part 1: ← this PR\n2. Part 2: (not opened yet)");
});

test("the part marker names the task, the part and the stack's size", () => {
  expect(partMarker(12, 2, 3)).toBe("<!-- ferry:task=12 pr -->\n<!-- ferry:part=2/3 -->");
});

test("asking for a part the stack does not have is an error naming it", () => {
  expect(() => renderPrBody({ request: publishRequest(2), index: 3, numbers: [] })).toThrow("renderPrBody: there is no part 3");
});
