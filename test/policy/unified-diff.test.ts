import { expect, test } from "@jest/globals";
import { parseUnifiedDiff } from "../../src/policy/unified-diff.ts";
import { diffOf } from "./support/diff-of.ts";

test("added lines carry their new-file line numbers and removed lines their old ones", async () => {
  const { patch } = await diffOf({ "a.txt": "one\ntwo\nthree\nfour\n" }, { "a.txt": "one\n2\nthree\nfour\nfive\n" });
  expect(parseUnifiedDiff(patch)).toEqual([
    {
      path: "a.txt",
      created: false,
      deleted: false,
      added: [
        { line: 2, text: "2" },
        { line: 5, text: "five" },
      ],
      removed: [{ line: 2, text: "two" }],
    },
  ]);
});

test("lines in two hunks are numbered from each hunk's header", async () => {
  const lines = Array.from({ length: 30 }, (_, index) => `line ${index + 1}`);
  const edited = lines.map((line, index) => (index === 2 || index === 25 ? `${line} edited` : line));
  const { patch } = await diffOf({ "a.txt": `${lines.join("\n")}\n` }, { "a.txt": `${edited.join("\n")}\n` });
  expect(parseUnifiedDiff(patch)[0]?.added).toEqual([
    { line: 3, text: "line 3 edited" },
    { line: 26, text: "line 26 edited" },
  ]);
});

test("an added line that looks like a diff header is still content", async () => {
  const content = "++ not a header\ndiff --git a/x b/x\n@@ -1 +1 @@\n";
  const { patch } = await diffOf({ "a.txt": "start\n" }, { "a.txt": `start\n${content}` });
  expect(parseUnifiedDiff(patch).map((file) => file.added.map((line) => line.text))).toEqual([["++ not a header", "diff --git a/x b/x", "@@ -1 +1 @@"]]);
});

test("a deleted file keeps its path and has only removed lines", async () => {
  const { patch } = await diffOf({ "gone.ts": "export const x = 1;\n" }, { "gone.ts": null });
  expect(parseUnifiedDiff(patch)).toEqual([{ path: "gone.ts", created: false, deleted: true, added: [], removed: [{ line: 1, text: "export const x = 1;" }] }]);
});

test("a new file is marked created", async () => {
  const { patch } = await diffOf({ "a.txt": "a\n" }, { "b.txt": "b\n" });
  expect(parseUnifiedDiff(patch).find((file) => file.path === "b.txt")).toMatchObject({ created: true, added: [{ line: 1, text: "b" }] });
});

test("a renamed file names both paths", async () => {
  const body = "shared line\n".repeat(10);
  const { patch } = await diffOf({ "old/name.ts": body }, { "old/name.ts": null, "new/name.ts": `${body}extra\n` });
  expect(parseUnifiedDiff(patch)).toEqual([
    { path: "new/name.ts", oldPath: "old/name.ts", created: false, deleted: false, added: [{ line: 11, text: "extra" }], removed: [] },
  ]);
});

test("quoted paths with non-ASCII characters and spaces are decoded", async () => {
  const { patch } = await diffOf({ "a.txt": "a\n" }, { "docs/café menu.md": "hello\n", "with space.txt": "x\n" });
  expect(parseUnifiedDiff(patch).map((file) => file.path)).toEqual(["docs/café menu.md", "with space.txt"]);
});

test("a binary file is named but has no lines", async () => {
  const { patch } = await diffOf({ "a.txt": "a\n" }, { "logo.png": new Uint8Array([137, 80, 78, 71, 0, 43, 43, 10, 0, 1]) });
  expect(parseUnifiedDiff(patch).find((file) => file.path === "logo.png")).toEqual({ path: "logo.png", created: true, deleted: false, added: [], removed: [] });
});

test("the no-newline marker is not a line", async () => {
  const { patch } = await diffOf({ "a.txt": "a" }, { "a.txt": "b" });
  expect(parseUnifiedDiff(patch)[0]).toMatchObject({ added: [{ line: 1, text: "b" }], removed: [{ line: 1, text: "a" }] });
});

test("an empty patch has no files", () => {
  expect(parseUnifiedDiff("")).toEqual([]);
});
