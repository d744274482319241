import { expect, test } from "@jest/globals";
import { performance } from "node:perf_hooks";
import { splitIntoSlices } from "../../../src/delivery/split/split-into-slices.ts";
import type { ChangedFile } from "../../../src/workspace/numstat.ts";
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

/** 160 modules each importing up to three earlier ones (plus a few two-file cycles) and 40 tests: 200 files, 5,000 lines. */
function bigChange(): { files: ChangedFile[]; contents: Record<string, string> } {
  const files: ChangedFile[] = [];
  const contents: Record<string, string> = {};
  for (let i = 0; i < 160; i++) {
    const path = `src/area${i % 8}/mod${i}.ts`;
    const earlier = i === 0 ? [] : [i - 1, Math.floor(i / 2), (i * 7 + 3) % i];
    const imports = [...new Set(i % 40 === 1 ? [...earlier, i + 1] : earlier)];
    contents[path] = imports.map((j) => `import { m${j} } from "../area${j % 8}/mod${j}.js";`).join("\n") + `\nexport const m${i} = 1;`;
    files.push(changed(path, 20, 5));
  }
  for (let i = 0; i < 160; i += 4) {
    const path = `test/area${i % 8}/mod${i}.test.ts`;
    contents[path] = `import { m${i} } from "../../src/area${i % 8}/mod${i}.ts";\n// import { x } from "../../src/area0/mod0.ts";`;
    files.push(changed(path, 25, 0));
  }
  return { files, contents };
}

test("plans 200 files and 5,000 changed lines well under 100 ms", async () => {
  const { files, contents } = bigChange();
  expect(files).toHaveLength(200);
  expect(files.reduce((sum, file) => sum + (file.added ?? 0) + (file.deleted ?? 0), 0)).toBe(5000);
  const read = memoryReader(contents);
  const limits = { maxLines: 300, maxFiles: 20 };
  const started = performance.now();
  const slices = await splitIntoSlices(files, read, limits);
  const elapsed = performance.now() - started;
  expect(slices.flatMap((slice) => slice.files)).toHaveLength(200);
  expect(slices.some((slice) => slice.oversize)).toBe(false);
  expect(elapsed).toBeLessThan(100);
});
