import { expect, test } from "@jest/globals";
import { parseNumstat } from "../../src/workspace/numstat.ts";

test("an empty output has no files", () => {
  expect(parseNumstat("")).toEqual([]);
});

test("text files carry their line counts", () => {
  expect(parseNumstat("3\t1\tsrc/a.ts\0" + "0\t7\tREADME.md\0")).toEqual([
    { path: "src/a.ts", added: 3, deleted: 1, binary: false },
    { path: "README.md", added: 0, deleted: 7, binary: false },
  ]);
});

test("binary files have null counts", () => {
  expect(parseNumstat("-\t-\tlogo.png\0")).toEqual([{ path: "logo.png", added: null, deleted: null, binary: true }]);
});

test("a rename names the old and the new path", () => {
  expect(parseNumstat("1\t1\t\0docs/old.md\0docs/new.md\0" + "2\t0\tz.txt\0")).toEqual([
    { path: "docs/new.md", oldPath: "docs/old.md", added: 1, deleted: 1, binary: false },
    { path: "z.txt", added: 2, deleted: 0, binary: false },
  ]);
});

test("a path containing tabs is kept whole", () => {
  expect(parseNumstat("1\t0\ta\tb.txt\0")).toEqual([{ path: "a\tb.txt", added: 1, deleted: 0, binary: false }]);
});
