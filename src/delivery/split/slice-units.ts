import type { ChangedFile } from "../../workspace/numstat.ts";
import type { FileRelations } from "./file-relations.ts";
import { changedLines } from "./slice.ts";
import { comparePaths } from "./source-files.ts";
import { strongComponents } from "./strong-components.ts";

/** Files that import each other, directly or around a cycle: they can only land together. */
export type SliceUnit = {
  /** Sorted by path. */
  files: ChangedFile[];
  lines: number;
  /** Units (by index) that must land in the same or an earlier slice; ascending. */
  dependsOn: number[];
  /** Units (by index) holding code this unit's tests are about; ascending. */
  tests: number[];
};

/** The units of a change, indexed in the order of their first path, with relations between units. */
export function sliceUnits(files: readonly ChangedFile[], relations: FileRelations): SliceUnit[] {
  const sorted = [...files].sort((a, b) => comparePaths(a.path, b.path));
  const indexOf = new Map(sorted.map((file, at) => [file.path, at]));
  const targets = (related: ReadonlyMap<string, readonly string[]>, path: string): number[] =>
    (related.get(path) ?? []).flatMap((target) => indexOf.get(target) ?? []);

  const components = strongComponents(sorted.map((file) => targets(relations.dependsOn, file.path)));
  components.sort((a, b) => a[0]! - b[0]!);
  const unitOf = new Array<number>(sorted.length);
  components.forEach((members, unit) => members.forEach((member) => (unitOf[member] = unit)));

  const unitsOf = (related: ReadonlyMap<string, readonly string[]>, members: number[], self: number): number[] => {
    const found = new Set(members.flatMap((member) => targets(related, sorted[member]!.path).map((t) => unitOf[t]!)));
    found.delete(self);
    return [...found].sort((a, b) => a - b);
  };
  return components.map((members, unit) => {
    const unitFiles = members.map((member) => sorted[member]!);
    return {
      files: unitFiles,
      lines: unitFiles.reduce((sum, file) => sum + changedLines(file), 0),
      dependsOn: unitsOf(relations.dependsOn, members, unit),
      tests: unitsOf(relations.testsOf, members, unit),
    };
  });
}
