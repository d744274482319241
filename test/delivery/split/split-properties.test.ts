import { expect, test } from "@jest/globals";
import fc from "fast-check";
import type { FileRelations } from "../../../src/delivery/split/file-relations.ts";
import { planSlices } from "../../../src/delivery/split/plan-slices.ts";
import { readRelations } from "../../../src/delivery/split/read-relations.ts";
import type { Slice, SplitLimits } from "../../../src/delivery/split/slice.ts";
import { changedLines } from "../../../src/delivery/split/slice.ts";
import type { GeneratedDiff } from "./support/generated-diff.ts";
import { generatedDiffArb, limitsArb, shuffled } from "./support/generated-diff.ts";

const RUNS = { numRuns: 200 };

type Case = { diff: GeneratedDiff; limits: SplitLimits; relations: FileRelations; slices: Slice[] };

/** Runs `check` on ~200 generated diffs, each planned with the relations read back from its contents. */
const forEachPlan = (check: (planned: Case) => void): Promise<void> =>
  fc.assert(
    fc.asyncProperty(generatedDiffArb, limitsArb, async (diff, limits) => {
      const relations = await readRelations(diff.files, diff.read);
      check({ diff, limits, relations, slices: planSlices(diff.files, relations, limits) });
    }),
    RUNS,
  );

const sliceIndexByPath = (slices: Slice[]): Map<string, number> =>
  new Map(slices.flatMap((slice, at) => slice.files.map((file) => [file.path, at] as const)));

/** Paths reachable from `start` along the generated import graph (start included). */
function reachable(start: string, graph: Map<string, Set<string>>): Set<string> {
  const seen = new Set([start]);
  const queue = [start];
  for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
    for (const next of graph.get(path) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return seen;
}

test("reading relations finds exactly the imports the diff was generated with, deletions included", async () => {
  await fc.assert(
    fc.asyncProperty(generatedDiffArb, async ({ files, read, expected }) => {
      const { dependsOn } = await readRelations(files, read);
      const found = new Map([...dependsOn].map(([path, targets]) => [path, new Set(targets)]));
      expect(found).toEqual(expected);
    }),
    RUNS,
  );
});

test("every file lands in exactly one slice", async () => {
  await forEachPlan(({ diff, slices }) => {
    const placed = slices.flatMap((slice) => slice.files);
    expect(placed).toHaveLength(diff.files.length);
    expect(new Set(placed)).toEqual(new Set(diff.files));
    expect(slices.every((slice) => slice.files.length > 0)).toBe(true);
  });
});

test("slices not flagged oversize stay within the limits, and lines add up", async () => {
  await forEachPlan(({ limits, slices }) => {
    for (const slice of slices) {
      expect(slice.lines).toBe(slice.files.reduce((sum, file) => sum + changedLines(file), 0));
      if (!slice.oversize) expect(slice.files.length <= limits.maxFiles && slice.lines <= limits.maxLines).toBe(true);
    }
  });
});

test("an oversize slice is one file or one import cycle that alone exceeds a limit", async () => {
  await forEachPlan(({ diff, limits, slices }) => {
    for (const slice of slices.filter((s) => s.oversize)) {
      expect(slice.files.length > limits.maxFiles || slice.lines > limits.maxLines).toBe(true);
      const paths = slice.files.map((file) => file.path);
      for (const path of paths) expect(paths.every((other) => reachable(path, diff.expected).has(other))).toBe(true);
    }
  });
});

test("no slice depends on a later one", async () => {
  await forEachPlan(({ diff, slices }) => {
    const sliceOf = sliceIndexByPath(slices);
    for (const [path, targets] of diff.expected) {
      for (const target of targets) expect(sliceOf.get(target)! <= sliceOf.get(path)!).toBe(true);
    }
  });
});

test("shuffling the files and relations does not change the plan", async () => {
  await forEachPlan(({ diff, limits, relations, slices }) => {
    const keys = diff.shuffleKeys;
    const shuffle = (map: ReadonlyMap<string, readonly string[]>) =>
      new Map(shuffled([...map], keys).map(([path, targets]) => [path, shuffled(targets, keys.slice(1))]));
    const reordered = { dependsOn: shuffle(relations.dependsOn), testsOf: shuffle(relations.testsOf) };
    expect(planSlices(shuffled(diff.files, keys), reordered, limits)).toEqual(slices);
  });
});

test("reading relations gives the same answer for files in any order", async () => {
  await fc.assert(
    fc.asyncProperty(generatedDiffArb, async ({ files, read, shuffleKeys }) => {
      expect(await readRelations(shuffled(files, shuffleKeys), read)).toEqual(await readRelations(files, read));
    }),
    RUNS,
  );
});
