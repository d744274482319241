import { expect, test } from "@jest/globals";
import { planSlices } from "../../../src/delivery/split/plan-slices.ts";
import type { Slice } from "../../../src/delivery/split/slice.ts";
import { changed, relations } from "./support/changed-files.ts";

const paths = (slices: Slice[]): string[][] => slices.map((slice) => slice.files.map((file) => file.path));
const roomy = { maxLines: 1000, maxFiles: 100 };

test("no files give no slices", () => {
  expect(planSlices([], relations(), roomy)).toEqual([]);
});

test("a change within the limits is one slice", () => {
  const files = [changed("b.ts", 3, 2), changed("a.ts", 1, 0)];
  expect(planSlices(files, relations(), roomy)).toEqual([{ files: [files[1], files[0]], lines: 6, oversize: false }]);
});

test("dependencies come before the files that import them", () => {
  const files = ["a.ts", "b.ts", "c.ts"].map((path) => changed(path, 10));
  const plan = planSlices(files, relations({ "a.ts": ["b.ts"], "b.ts": ["c.ts"] }), { maxLines: 10, maxFiles: 5 });
  expect(paths(plan)).toEqual([["c.ts"], ["b.ts"], ["a.ts"]]);
});

test("slices hold at most maxFiles files", () => {
  const files = ["a.ts", "b.ts", "c.ts", "d.ts", "e.ts"].map((path) => changed(path));
  expect(paths(planSlices(files, relations(), { maxLines: 100, maxFiles: 2 }))).toEqual([["a.ts", "b.ts"], ["c.ts", "d.ts"], ["e.ts"]]);
});

test("a single file over maxLines is its own oversize slice", () => {
  const files = [changed("a.ts", 5), changed("big.ts", 400, 100), changed("c.ts", 5)];
  const plan = planSlices(files, relations(), { maxLines: 300, maxFiles: 20 });
  expect(plan.map((slice) => [slice.files.map((file) => file.path), slice.lines, slice.oversize])).toEqual([
    [["a.ts"], 5, false],
    [["big.ts"], 500, true],
    [["c.ts"], 5, false],
  ]);
});

test("files that import each other stay in one slice even past the limits", () => {
  const files = ["a.ts", "b.ts", "c.ts", "d.ts"].map((path) => changed(path, 10));
  const cycle = relations({ "a.ts": ["b.ts"], "b.ts": ["c.ts"], "c.ts": ["a.ts"] });
  const plan = planSlices(files, cycle, { maxLines: 25, maxFiles: 2 });
  expect(plan.map((slice) => [slice.files.map((file) => file.path), slice.oversize])).toEqual([
    [["a.ts", "b.ts", "c.ts"], true],
    [["d.ts"], false],
  ]);
});

test("a cycle within the limits is packed like any other unit", () => {
  const files = ["a.ts", "b.ts", "c.ts"].map((path) => changed(path, 10));
  const plan = planSlices(files, relations({ "a.ts": ["b.ts"], "b.ts": ["a.ts"] }), { maxLines: 20, maxFiles: 2 });
  expect(paths(plan)).toEqual([["a.ts", "b.ts"], ["c.ts"]]);
  expect(plan.every((slice) => !slice.oversize)).toBe(true);
});

test("a test lands right after the code it tests, not in path order", () => {
  const files = [changed("src/a.ts"), changed("src/b.ts"), changed("test/a.test.ts")];
  const related = relations({ "test/a.test.ts": ["src/a.ts"] }, { "test/a.test.ts": ["src/a.ts"] });
  expect(paths(planSlices(files, related, { maxLines: 100, maxFiles: 2 }))).toEqual([["src/a.ts", "test/a.test.ts"], ["src/b.ts"]]);
});

test("code and its test start a fresh slice together rather than split", () => {
  const files = [changed("src/a.ts", 5), changed("src/b.ts", 5), changed("src/b.test.ts", 5)];
  const related = relations({ "src/b.test.ts": ["src/b.ts"] }, { "src/b.test.ts": ["src/b.ts"] });
  expect(paths(planSlices(files, related, { maxLines: 10, maxFiles: 5 }))).toEqual([["src/a.ts"], ["src/b.ts", "src/b.test.ts"]]);
});

test("a test that does not fit beside its code goes in a later slice", () => {
  const files = [changed("src/a.ts", 8), changed("src/a.test.ts", 8)];
  const related = relations({ "src/a.test.ts": ["src/a.ts"] }, { "src/a.test.ts": ["src/a.ts"] });
  expect(paths(planSlices(files, related, { maxLines: 10, maxFiles: 5 }))).toEqual([["src/a.ts"], ["src/a.test.ts"]]);
});

test("a test tied by stem alone still comes after its subject", () => {
  const files = [changed("a/x.test.ts"), changed("z/x.ts")];
  const related = relations({}, { "a/x.test.ts": ["z/x.ts"] });
  expect(paths(planSlices(files, related, { maxLines: 100, maxFiles: 1 }))).toEqual([["z/x.ts"], ["a/x.test.ts"]]);
});

test("a test that code depends on is placed before that code", () => {
  const files = [changed("src/a.ts"), changed("src/uses-helper.ts"), changed("test/helper.ts")];
  const related = relations({ "test/helper.ts": ["src/a.ts"], "src/uses-helper.ts": ["test/helper.ts"] }, { "test/helper.ts": ["src/a.ts"] });
  expect(paths(planSlices(files, related, { maxLines: 100, maxFiles: 1 }))).toEqual([["src/a.ts"], ["test/helper.ts"], ["src/uses-helper.ts"]]);
});

test("a deleted file lands with or after the change that stopped importing it", () => {
  const files = [changed("src/a-old.ts", 0, 30), changed("src/z-user.ts", 2, 2)];
  const plan = planSlices(files, relations({ "src/a-old.ts": ["src/z-user.ts"] }), { maxLines: 20, maxFiles: 5 });
  expect(paths(plan)).toEqual([["src/z-user.ts"], ["src/a-old.ts"]]);
});

test("binary files count as a file but no lines", () => {
  const files = [changed("a.png", 0, 0, { added: null, deleted: null, binary: true }), changed("b.ts", 10)];
  expect(planSlices(files, relations(), { maxLines: 10, maxFiles: 2 })).toEqual([{ files, lines: 10, oversize: false }]);
});

test("relations naming files outside the change are ignored", () => {
  const files = [changed("a.ts")];
  expect(paths(planSlices(files, relations({ "a.ts": ["gone.ts"], "other.ts": ["a.ts"] }), roomy))).toEqual([["a.ts"]]);
});
