import { expect, test } from "@jest/globals";
import { splitIntoSlices } from "../../../src/delivery/split/split-into-slices.ts";
import { bigChange } from "./support/big-change.ts";
import { changed, memoryReader } from "./support/changed-files.ts";

test("reads the imports and plans slices from them", async () => {
  const files = [changed("src/a.ts", 5), changed("src/b.ts", 5), changed("test/b.test.ts", 5)];
  const read = memoryReader({
    "src/a.ts": 'import { b } from "./b.js";',
    "src/b.ts": "export const b = 1;",
    "test/b.test.ts": 'import { b } from "../src/b.ts";',
  });
  const slices = await splitIntoSlices(files, read, { maxLines: 10, maxFiles: 5 });
  expect(slices.map((slice) => slice.files.map((file) => file.path))).toEqual([["src/b.ts", "test/b.test.ts"], ["src/a.ts"]]);
});

// How long planning it takes is bench/delivery.bench.ts's figure (target < 100 ms), beside a naive planner: a wall clock in a test only measures the machine's load.
test("plans 200 files and 5,000 changed lines into slices none of which is oversize, every file placed once", async () => {
  const { files, contents } = bigChange();
  expect(files).toHaveLength(200);
  expect(files.reduce((sum, file) => sum + (file.added ?? 0) + (file.deleted ?? 0), 0)).toBe(5000);
  const read = memoryReader(contents);
  const limits = { maxLines: 300, maxFiles: 20 };
  const slices = await splitIntoSlices(files, read, limits);
  expect(new Set(slices.flatMap((slice) => slice.files.map((file) => file.path))).size).toBe(200);
  expect(slices.flatMap((slice) => slice.files)).toHaveLength(200);
  expect(slices.some((slice) => slice.oversize)).toBe(false);
});
