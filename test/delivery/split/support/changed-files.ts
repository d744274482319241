import type { FileReader, FileRelations } from "../../../../src/delivery/split/file-relations.ts";
import type { ChangedFile } from "../../../../src/workspace/numstat.ts";

export const changed = (path: string, added = 1, deleted = 0, extra: Partial<ChangedFile> = {}): ChangedFile => ({
  path,
  added,
  deleted,
  binary: false,
  ...extra,
});

/** Contents by path on each side; a missing path reads as absent (deleted after, added before). */
export const memoryReader = (current: Record<string, string>, base: Record<string, string> = {}): FileReader => ({
  current: async (path) => current[path],
  base: async (path) => base[path],
});

export const relations = (
  dependsOn: Record<string, string[]> = {},
  testsOf: Record<string, string[]> = {},
): FileRelations => ({ dependsOn: new Map(Object.entries(dependsOn)), testsOf: new Map(Object.entries(testsOf)) });
